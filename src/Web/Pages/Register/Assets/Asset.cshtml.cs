using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Register.Assets;

[Authorize(Policy = Policies.TenantViewer)]
public sealed class AssetModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public FixedAsset Asset { get; private set; } = null!;

    public Facility? Facility { get; private set; }

    public List<VersionChanges.Row> History { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var asset = await FixedAssets.FindAsync(db, number, ct);
        if (asset is null)
        {
            return NotFound();
        }

        Asset = asset;
        Facility = asset.FacilityCode is { } code ? await FacilityRegister.FindAsync(db, code, ct) : null;
        History = VersionChanges.Of(await RegisterHistory.OfAsync(db, RegisterEntryType.Asset, number, ct), RegisterLabels.AssetFields);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
        return Page();
    }
}
