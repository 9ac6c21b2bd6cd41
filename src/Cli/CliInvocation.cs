using Microsoft.Extensions.Configuration;

namespace InfraLedger.Cli;

/// <summary>
/// One run of the command line inside another process (<see cref="CliApp.RunAsync(string[], CliInvocation, CancellationToken)"/>):
/// where its console output goes, its configuration (as the process would read it from its environment variables) and
/// the directory its relative paths and default SQLite file are in.
/// </summary>
public sealed record CliInvocation(TextWriter Out, TextWriter Error, IConfiguration Configuration, string WorkingDirectory)
{
    private static readonly AsyncLocal<CliInvocation?> CurrentFlow = new();

    /// <summary>The invocation this code runs in; null when the command line is the process itself.</summary>
    internal static CliInvocation? Current
    {
        get => CurrentFlow.Value;
        set => CurrentFlow.Value = value;
    }

    /// <summary>Where the invocation's appsettings files are; null: beside the binaries, as for the process.</summary>
    public string? SettingsDirectory { get; init; }
}
