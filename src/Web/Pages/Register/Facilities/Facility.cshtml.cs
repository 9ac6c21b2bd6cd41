using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Register.Facilities;

[Authorize(Policy = Policies.TenantViewer)]
public sealed class FacilityModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    /// <summary>Assets shown on the page; a facility with more links to the filtered asset list.</summary>
    public const int AssetLimit = 500;

    public LocalGovernment Tenant { get; private set; } = null!;

    public Facility Facility { get; private set; } = null!;

    public FacilityRegister.Page<FixedAsset> Assets { get; private set; } = null!;

    public List<VersionChanges.Row> History { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var facility = await FacilityRegister.FindAsync(db, code, ct);
        if (facility is null)
        {
            return NotFound();
        }

        Facility = facility;
        Assets = await FixedAssets.ListAsync(db, new FixedAssets.Query(FacilityCode: code, PageSize: AssetLimit), ct);
        History = VersionChanges.Of(await RegisterHistory.OfAsync(db, RegisterEntryType.Facility, code, ct), RegisterLabels.FacilityFields);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
        return Page();
    }
}
