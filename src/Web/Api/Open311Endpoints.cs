namespace InfraLedger.Web.Api;

/// <summary>Temporary stub until the real Open311 endpoints land from main.</summary>
public static class Open311Endpoints
{
    /// <summary>Maps nothing (stub).</summary>
    public static void MapOpen311(this IEndpointRouteBuilder app)
    {
    }

    /// <summary>Whether the request is an Open311 one.</summary>
    public static bool IsOpen311(HttpRequest r) => r.Path.StartsWithSegments("/open311");

    /// <summary>Writes nothing (stub).</summary>
    public static Task WriteRateLimitedAsync(HttpContext c, CancellationToken ct) => Task.CompletedTask;
}
