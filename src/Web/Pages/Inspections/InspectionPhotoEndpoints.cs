using InfraLedger.Core.Database;
using InfraLedger.Core.Inspections;
using InfraLedger.Web.Identity;

namespace InfraLedger.Web.Pages.Inspections;

/// <summary>
/// The stored photos of inspections, to the tenant's signed-in viewers only (another tenant's: 404, like its pages).
/// The bytes are the sanitised copy; <c>nosniff</c> keeps a browser from reading them as anything but the image type.
/// </summary>
public static class InspectionPhotoEndpoints
{
    public static void MapInspectionPhotos(this IEndpointRouteBuilder app) =>
        app.MapGet("/{lgcode:lgcode}/inspections/{id:long}/photos/{number:int}", async (long id, int number, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            if (await InspectionPhotos.FindAsync(db, id, number, ct) is not { } photo)
            {
                return Results.NotFound();
            }

            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.File(photo.Content, photo.ContentType);
        }).RequireAuthorization(Policies.TenantViewer);
}
