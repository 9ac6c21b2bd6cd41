using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Maps;

/// <summary>
/// Which background tile layer a tenant's maps use: the tenant's own (tenant settings <see cref="UrlKey"/>,
/// <see cref="AttributionKey"/>, <see cref="MaxZoomKey"/>, written by its admin) or else the deployment's; none when
/// neither is set (the maps then show the boundary only and say so).
/// </summary>
public static class TileLayers
{
    public const string UrlKey = "maps.tiles.url-template";
    public const string AttributionKey = "maps.tiles.attribution";
    public const string MaxZoomKey = "maps.tiles.max-zoom";

    /// <summary>Where a layer comes from, for the settings page.</summary>
    public enum Source
    {
        None,
        Deployment,
        Tenant,
    }

    public sealed record Resolved(TileLayer? Layer, Source From);

    /// <summary>The tenant's layer over the deployment's. A stored tenant value that no longer passes the check is ignored (the deployment's is used).</summary>
    public static Resolved Resolve(TileLayer? deployment, IReadOnlyDictionary<string, string> settings)
    {
        if (settings.TryGetValue(UrlKey, out var url) && !string.IsNullOrWhiteSpace(url)
            && TileLayer.Check(url, settings.GetValueOrDefault(AttributionKey), settings.GetValueOrDefault(MaxZoomKey)) is { IsSuccess: true } own)
        {
            return new(own.Value, Source.Tenant);
        }

        return deployment is null ? new(null, Source.None) : new(deployment, Source.Deployment);
    }

    /// <summary>The current tenant's layer (through the tenant filter).</summary>
    public static async Task<Resolved> ForTenantAsync(AppDbContext db, TileLayer? deployment, CancellationToken ct)
    {
        var keys = new[] { UrlKey, AttributionKey, MaxZoomKey };
        var settings = await db.TenantSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return Resolve(deployment, settings);
    }

    /// <summary>Sets the current tenant's own layer after checking it; nothing is written when it is refused.</summary>
    public static async Task<Result<TileLayer>> SaveAsync(AppDbContext db, string? urlTemplate, string? attribution, string? maxZoom, CancellationToken ct)
    {
        var layer = TileLayer.Check(urlTemplate, attribution, maxZoom);
        if (!layer.IsSuccess)
        {
            return layer.Error!;
        }

        await WriteAsync(db, layer.Value.UrlTemplate, layer.Value.Attribution, layer.Value.MaxZoom.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return layer;
    }

    /// <summary>Removes the tenant's own layer: its maps use the deployment's again.</summary>
    public static Task ClearAsync(AppDbContext db, CancellationToken ct) => WriteAsync(db, "", "", "", ct);

    private static async Task WriteAsync(AppDbContext db, string url, string attribution, string maxZoom, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (key, value) in new[] { (UrlKey, url), (AttributionKey, attribution), (MaxZoomKey, maxZoom) })
        {
            var written = await TenantSettings.SetAsync(db, key, value, ct);
            if (!written.IsSuccess)
            {
                throw new InvalidOperationException(written.Error!.Message); // the keys are constants: a refusal is a bug
            }
        }

        await transaction.CommitAsync(ct);
    }
}
