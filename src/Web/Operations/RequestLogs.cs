using System.Diagnostics;
using InfraLedger.Core.Tenancy;

namespace InfraLedger.Web.Operations;

/// <summary>
/// Every log line written while a request is served carries its tenant (the 団体コード, once the route or Open311's
/// <c>jurisdiction_id</c> has named it) beside the host's <c>RequestId</c> and the trace id; and each request ends with one
/// line of category <c>InfraLedger.Requests</c>: method, route (<see cref="RequestRoute"/>: the template, never the values
/// of the path or the query, which may hold a link's secret or what a resident typed), status and duration. The console writes them as JSON in production (appsettings.json) and as text in Development.
/// </summary>
public sealed partial class RequestLogs(RequestDelegate next, ILoggerFactory loggers)
{
    public const string Category = "InfraLedger.Requests";

    private readonly ILogger logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context, TenantScope tenant)
    {
        using var scope = logger.BeginScope(new TenantLogState(tenant, context.TraceIdentifier));
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            Served(logger, context.Request.Method, RequestRoute.Of(context), context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "HTTP {Method} {Route} {StatusCode} {ElapsedMilliseconds:0.0} ms")]
    private static partial void Served(ILogger logger, string method, string route, int statusCode, double elapsedMilliseconds);

    /// <summary>The scope's state, read when a line is written: the tenant entered after the scope began is on the line.</summary>
    private sealed class TenantLogState(TenantScope tenant, string requestId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 2;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("Tenant", tenant.TenantId),
            1 => new("RequestId", requestId),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
            yield return this[1];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"Tenant:{tenant.TenantId ?? "-"} RequestId:{requestId}";
    }
}
