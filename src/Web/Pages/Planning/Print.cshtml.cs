using InfraLedger.Core.Database;
using InfraLedger.Core.Planning;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>A plan laid out for printing on A4 (the print CSS of site.css): the contents ①–⑥ without the page's controls.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class PrintModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public WorksPlanView Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var found = await WorksPlans.FindAsync(db, id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Plan = found.Value;
        return Page();
    }
}
