using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Pages.Register.Map;

/// <summary>The facilities on the tenant's boundary (Leaflet; the background tiles when configured), with the table behind the map.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class FacilityMapModel(AppDbContext db) : PageModel
{
    public sealed record KindCount(AssetKind Kind, int WithCoordinates, int WithoutCoordinates);

    public LocalGovernment Tenant { get; private set; } = null!;

    public List<KindCount> Counts { get; private set; } = [];

    public Core.Maps.TileLayers.Resolved Tiles { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Tiles = await Maps.MapTiles.ForPageAsync(HttpContext, db, ct);
        var rows = await db.Facilities
            .GroupBy(f => new { f.Kind, Located = f.Latitude != null && f.Longitude != null })
            .Select(g => new { g.Key.Kind, g.Key.Located, Count = g.Count() })
            .ToListAsync(ct);
        Counts = rows.GroupBy(r => r.Kind).OrderBy(g => g.Key)
            .Select(g => new KindCount(g.Key, g.Where(r => r.Located).Sum(r => r.Count), g.Where(r => !r.Located).Sum(r => r.Count)))
            .ToList();
    }
}
