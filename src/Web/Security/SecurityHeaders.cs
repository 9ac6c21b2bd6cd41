using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Mvc;

namespace InfraLedger.Web.Security;

/// <summary>
/// The response headers every answer carries — page, JSON, CSV, XLSX, image, static file, error (issue 17, F8;
/// docs/decisions/0019): a strict Content-Security-Policy (scripts and styles only from this site's files, no inline
/// script, style attribute or event handler; nothing framed), X-Frame-Options, nosniff and Referrer-Policy; and
/// <c>Cache-Control: no-store</c> on every response to a signed-in request (cookie, API token, Open311 <c>api_key</c>),
/// whatever it is.
/// Set when the response starts, so that error pages and re-executed responses get them too.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// Everything from this site only; images also as data: and blob: URLs (Leaflet's and the report form's photo
    /// previews); no plug-ins; forms post only here; no page may frame ours.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Where a page that draws a background map puts its tile layer's origin (<see cref="AllowImagesFrom"/>): that
    /// response, and only that one, also allows images from that one origin (issue 21: "exactly the configured tile origin").
    /// </summary>
    private const string ImageOriginItem = "InfraLedger.Security.ImageOrigin";

    /// <summary>Allows the response to load images (map tiles) from <paramref name="origin"/>, an http(s) scheme://host[:port].</summary>
    public static void AllowImagesFrom(HttpContext context, string origin)
    {
        var uri = new Uri(origin, UriKind.Absolute);
        context.Items[ImageOriginItem] = uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>The policy with one more image origin (a tile server), nothing else changed.</summary>
    public static string PolicyWithImagesFrom(string origin) =>
        ContentSecurityPolicy.Replace("img-src 'self' data: blob:;", $"img-src 'self' data: blob: {origin};", StringComparison.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Items[ImageOriginItem] is string origin ? PolicyWithImagesFrom(origin) : ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            // Open311 clients send their API key as a query parameter, not through the authentication schemes.
            if (context.User.Identity?.IsAuthenticated == true || context.Request.Query.ContainsKey("api_key"))
            {
                // A signed-in answer is one person's view of a tenant's data: never kept by a browser, proxy or cache.
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
                headers.Expires = "0";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}

public static class SecurityHeadersSetup
{
    /// <summary>Secure cookies over https (direct or through a trusted proxy), HSTS, and the antiforgery's own frame header off (ours is stricter).</summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
            o.HttpOnly = HttpOnlyPolicy.None;
        });
        services.Configure<AntiforgeryOptions>(o =>
        {
            o.SuppressXFrameOptionsHeader = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // One year; not includeSubDomains: other services of the municipality's domain are not ours to commit to https.
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        return services;
    }

    /// <summary>First in the pipeline (after the forwarded headers of a trusted proxy, which the host adds before it).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeaders>().UseHsts().UseCookiePolicy();
}
