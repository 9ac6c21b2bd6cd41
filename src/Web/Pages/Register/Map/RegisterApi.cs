using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Register.Map;

/// <summary>GeoJSON of the register for the facility map, under <c>/api/v1/{lgcode}</c>.</summary>
public static class RegisterApi
{
    public static void MapRegisterApi(this IEndpointRouteBuilder app)
    {
        var environment = app.ServiceProvider.GetRequiredService<IWebHostEnvironment>();
        var boundaries = new Boundaries(Path.Combine(environment.ContentRootPath, "Data", "Boundaries"));
        var api = app.MapGroup("/api/v1/{lgcode:lgcode}").RequireAuthorization(Policies.TenantViewer);

        api.MapGet("/boundary.geojson", (HttpContext http) =>
            Results.Text(boundaries.FeatureCollectionOf(http.Tenant()), Boundaries.GeoJson));

        api.MapGet("/facilities.geojson", async (AppDbContext db, CancellationToken ct) =>
        {
            var rows = await db.Facilities.AsNoTracking()
                .Where(f => f.Latitude != null && f.Longitude != null)
                .OrderBy(f => f.Code)
                .Select(f => new { f.Code, f.Name, f.Kind, f.Latitude, f.Longitude })
                .ToListAsync(ct);
            var features = rows.Select(f => new
            {
                type = "Feature",
                // GeoJSON (RFC 7946) orders a position as longitude, latitude.
                geometry = new { type = "Point", coordinates = new[] { f.Longitude!.Value, f.Latitude!.Value } },
                properties = new { code = f.Code, name = f.Name, kind = FacilityRegister.KindLabel(f.Kind), kindCode = f.Kind.ToString() },
            });
            return Results.Json(new { type = "FeatureCollection", features }, contentType: Boundaries.GeoJson);
        });
    }
}
