using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Register.Facilities;

[Authorize(Policy = Policies.TenantEditor)]
public sealed class FacilityNewModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    [BindProperty]
    public FacilityInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public void OnGet() => Tenant = HttpContext.Tenant();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var saved = await FacilityForm.SaveAsync(db, ModelState, Input, Tenant.Code, current: null, ct);
        if (saved is null)
        {
            return Page();
        }

        Notice = $"施設「{saved.Name}」を登録しました。";
        return Redirect(RegisterLinks.Facility(Tenant.Code, saved.Code));
    }
}
