using InfraLedger.Core.Database;
using InfraLedger.Core.Maps;
using InfraLedger.Web.Security;

namespace InfraLedger.Web.Pages.Maps;

/// <summary>
/// The background of a tenant page's map: the tenant's tile layer (or the deployment's), with the response's
/// Content-Security-Policy opened to that one origin for images. What the map element and the attribution partial read.
/// </summary>
public static class MapTiles
{
    public static async Task<TileLayers.Resolved> ForPageAsync(HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var deployment = http.RequestServices.GetRequiredService<DeploymentTiles>();
        var resolved = await TileLayers.ForTenantAsync(db, deployment.Layer, ct);
        if (resolved.Layer is { } layer)
        {
            SecurityHeaders.AllowImagesFrom(http, layer.Origin);
        }

        return resolved;
    }

    public static string SettingsLink(string tenant) => $"/{tenant}/maps/settings";
}
