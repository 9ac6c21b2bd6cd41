using System.Threading.RateLimiting;
using InfraLedger.Web.Pages.Reports.Open311;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>
/// Abuse resistance for residents' reports (issue 7): anonymous POSTs (the web form) are limited per client address.
/// Machine clients are limited by <see cref="KeyLimits"/>, on their verified key only (issue 17 F3). Limits come from
/// configuration (<c>Reports:RateLimit:*</c>) so that a tenant with a large event can raise them; a refused request gets
/// 429 with the reason in Japanese.
/// </summary>
public static class ReportLimits
{
    public const string AnonymousPosts = "reports-anonymous";

    /// <summary>Upper bound of a form post: three photos of <see cref="Core.Reports.Photos.MaxBytes"/> and the text.</summary>
    public const long MaxFormBytes = (3 * Core.Reports.Photos.MaxBytes) + (256 * 1024);

    public static IServiceCollection AddReportLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var anonymous = configuration.GetValue("Reports:RateLimit:AnonymousPerWindow", 10);
        var window = TimeSpan.FromSeconds(configuration.GetValue("Reports:RateLimit:WindowSeconds", 600));
        services.AddSingleton(new KeyLimits(
            configuration.GetValue("Reports:RateLimit:Open311PerWindow", 600),
            configuration.GetValue("Reports:RateLimit:FailedKeysPerWindow", 20),
            window));
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The policy sits on the whole form page (Razor Pages take endpoint metadata from the page, not from a
            // handler), so reading the form, its map and its duplicate suggestions is not counted: only POSTs are.
            o.AddPolicy(AnonymousPosts, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("ip:" + KeyLimits.Address(http), _ => KeyLimits.Window(anonymous, window))
                : RateLimitPartition.GetNoLimiter("read"));
        });
    }
}
