using InfraLedger.Core.Database;
using InfraLedger.Core.Reports;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>
/// The files behind the residents' pages: the tenant's boundary for the form's map (anonymous, unlike the register's
/// <c>/api/v1/{lgcode}/boundary.geojson</c>), a report's photos for the public (only when neither the report nor the
/// photo is hidden) and for the staff (always).
/// </summary>
public static class ReportFiles
{
    /// <summary>Maps <c>/{lgcode}/report/boundary.geojson</c>, <c>/{lgcode}/report/{id}/photos/{n}</c> and the staff's photo address.</summary>
    public static void MapReportFiles(this IEndpointRouteBuilder app)
    {
        var environment = app.ServiceProvider.GetRequiredService<IWebHostEnvironment>();
        var boundaries = new Boundaries(Path.Combine(environment.ContentRootPath, "Data", "Boundaries"));

        app.MapGet("/{lgcode:lgcode}/report/boundary.geojson", (HttpContext http) =>
            Results.Text(boundaries.FeatureCollectionOf(http.Tenant()), Boundaries.GeoJson)).AllowAnonymous();

        // The public list's downloads (issue 22 item 5): the published reports as CSV (UTF-8 with a BOM, as the other
        // public downloads) and as points for its map; public fields only (PublicReports).
        app.MapGet("/{lgcode:lgcode}/report/list.csv", async (AppDbContext db, HttpContext http, string? status, string? service, string? lang, CancellationToken ct) =>
        {
            var english = lang == "en";
            var rows = await PublicReports.ListAsync(db, PublicListModel.StatusOf(status), service, ct);
            return await TableDownload.WriteAsync(http, ReportTables.Public(rows, english), $"{http.Tenant().Code}-reports", "csv", bom: true, ct);
        }).AllowAnonymous();

        app.MapGet("/{lgcode:lgcode}/report/list.geojson", async (AppDbContext db, HttpContext http, string? status, string? service, string? lang, CancellationToken ct) =>
        {
            var english = lang == "en";
            var tenant = http.Tenant().Code;
            var rows = await PublicReports.ListAsync(db, PublicListModel.StatusOf(status), service, ct);
            var features = rows.Where(r => r.Latitude is not null && r.Longitude is not null).Select(r => new
            {
                type = "Feature",
                geometry = new { type = "Point", coordinates = new[] { r.Longitude!.Value, r.Latitude!.Value } },
                properties = new
                {
                    code = r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    name = $"{ReportText.T(english, "status.report", r.Id)} {r.ServiceName}",
                    kind = ReportText.Status(english, r.Status),
                    kindCode = "Report",
                },
            });
            return Results.Json(new { type = "FeatureCollection", features }, contentType: Boundaries.GeoJson);
        }).AllowAnonymous();

        app.MapGet("/{lgcode:lgcode}/report/{id:long}/photos/{n:int}", (AppDbContext db, HttpContext http, long id, int n, CancellationToken ct) =>
            PhotoAsync(db, http, id, n, publicOnly: true, ct)).AllowAnonymous();

        app.MapGet("/{lgcode:lgcode}/reports/{id:long}/photos/{n:int}", (AppDbContext db, HttpContext http, long id, int n, CancellationToken ct) =>
            PhotoAsync(db, http, id, n, publicOnly: false, ct)).RequireAuthorization(Policies.TenantViewer);
    }

    public static string PublicPhoto(string tenant, long id, int number) => $"/{tenant}/report/{id}/photos/{number}";

    public static string StaffPhoto(string tenant, long id, int number) => $"/{tenant}/reports/{id}/photos/{number}";

    private static async Task<IResult> PhotoAsync(AppDbContext db, HttpContext http, long id, int number, bool publicOnly, CancellationToken ct)
    {
        var photo = await db.ReportPhotos.AsNoTracking()
            .Where(p => p.ReportId == id && p.Number == number)
            .Where(p => !publicOnly || (!p.IsHidden && db.ResidentReports.Any(r => r.Id == id && !r.IsHidden && r.PublishedAtUtc != null)))
            .Select(p => new { p.Content, p.ContentType })
            .SingleOrDefaultAsync(ct);
        if (photo is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        // Staff can hide a photo at any time: no cache may keep serving it.
        http.Response.Headers.CacheControl = publicOnly ? "no-cache" : "private, no-store";
        return Results.Bytes(photo.Content, photo.ContentType);
    }
}
