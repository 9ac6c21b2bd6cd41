using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Dashboards;

/// <summary>What the public dashboards load besides their pages: the municipal boundaries for the choropleth map.</summary>
public static class DashboardEndpoints
{
    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var environment = app.ServiceProvider.GetRequiredService<IWebHostEnvironment>();
        var boundaries = new Boundaries(Path.Combine(environment.ContentRootPath, "Data", "Boundaries"));
        app.MapGet("/dashboard/boundaries.geojson", (string? pref, HttpContext http) =>
        {
            if (pref is not null && (pref.Length != 2 || !pref.All(char.IsAsciiDigit)))
            {
                return ErrorResponses.ToProblem(Core.Dashboards.Errors.UnknownPrefecture(pref));
            }

            // The boundaries change only with the application: let the browser keep them for a day.
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(boundaries.Municipalities(pref), "application/geo+json; charset=utf-8");
        }).AllowAnonymous();
    }
}
