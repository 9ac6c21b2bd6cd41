using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace InfraLedger.Web.Tests.Support;

/// <summary>Keeps every log line of a test host ("Category|Level|message"), for tests of what the app logs.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    /// <summary>The lines of one category.</summary>
    public IEnumerable<string> Of(string category) => lines.Where(l => l.StartsWith(category + "|", StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}|{logLevel}|{formatter(state, exception)}");
    }
}
