using System.Threading.RateLimiting;

namespace InfraLedger.Web.Api;

/// <summary>
/// Abuse resistance for residents' reports (issue 7): anonymous POSTs (the web form) are limited per client address,
/// Open311 POSTs per API key. Limits come from configuration (<c>Reports:RateLimit:*</c>) so that a tenant with a
/// large event can raise them; a refused request gets 429 with the reason in Japanese.
/// </summary>
public static class ReportLimits
{
    public const string AnonymousPosts = "reports-anonymous";

    public const string Open311Posts = "reports-open311";

    /// <summary>Upper bound of a form post: three photos of <see cref="Core.Reports.Photos.MaxBytes"/> and the text.</summary>
    public const long MaxFormBytes = (3 * Core.Reports.Photos.MaxBytes) + (256 * 1024);

    /// <summary>A url-encoded Open311 POST up to this size is limited per API key; above it, or multipart, per address.</summary>
    private const long KeyedBodyBytes = 64 * 1024;

    public static IServiceCollection AddReportLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var anonymous = configuration.GetValue("Reports:RateLimit:AnonymousPerWindow", 10);
        var open311 = configuration.GetValue("Reports:RateLimit:Open311PerWindow", 600);
        var window = TimeSpan.FromSeconds(configuration.GetValue("Reports:RateLimit:WindowSeconds", 600));
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The policy sits on the whole form page (Razor Pages take endpoint metadata from the page, not from a
            // handler), so reading the form, its map and its duplicate suggestions is not counted: only POSTs are.
            o.AddPolicy(AnonymousPosts, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("ip:" + http.Connection.RemoteIpAddress, _ => Window(anonymous, window))
                : RateLimitPartition.GetNoLimiter("read"));
            o.AddPolicy(Open311Posts, http => RateLimitPartition.GetFixedWindowLimiter(
                KeyId(http.Request) is { } id ? "key:" + id : "ip:" + http.Connection.RemoteIpAddress, _ => Window(open311, window)));
            o.OnRejected = (context, ct) => Open311Endpoints.IsOpen311(context.HttpContext.Request)
                ? new ValueTask(Open311Endpoints.WriteRateLimitedAsync(context.HttpContext, ct))
                : ValueTask.CompletedTask;
        });
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0 };

    /// <summary>The public id part of an <c>il_{団体コード}_{id}_{secret}</c> key, read from the form without the secret.</summary>
    private static string? KeyId(HttpRequest request)
    {
        // The partitioner cannot await: the form is read here (synchronously) only when it is a small url-encoded body,
        // as Open311 clients send it; a multipart upload is counted by its address instead.
        var small = request.ContentLength <= KeyedBodyBytes
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        var key = small && request.Form.TryGetValue("api_key", out var k) ? k.ToString() : request.Query["api_key"].ToString();
        var parts = key.Split('_');
        return parts.Length == 4 ? parts[1] + "_" + parts[2] : null;
    }
}
