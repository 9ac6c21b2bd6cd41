using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Tenancy;

/// <summary>A prefecture's municipalities (the master list; the municipalities' own data stays behind their tenant).</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class MunicipalitiesModel(AppDbContext db) : PageModel
{
    public LocalGovernment Prefecture { get; private set; } = null!;

    public List<LocalGovernment> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Prefecture = HttpContext.Tenant();
        if (Prefecture.Kind != LocalGovernmentKind.Prefecture)
        {
            return NotFound();
        }

        Municipalities = await Tenants.MunicipalitiesOfAsync(db, Prefecture.Code, ct);
        return Page();
    }
}
