using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Register.Assets;

[Authorize(Policy = Policies.TenantEditor)]
public sealed class AssetNewModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    [BindProperty]
    public AssetInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    /// <summary>A facility's page links here with its code filled in.</summary>
    public void OnGet(string? facility)
    {
        Tenant = HttpContext.Tenant();
        Input.FacilityCode = facility;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var saved = await AssetForm.SaveAsync(db, ModelState, Input, Tenant.Code, current: null, ct);
        if (saved is null)
        {
            return Page();
        }

        Notice = $"資産「{saved.Name}」を登録しました。";
        return Redirect(RegisterLinks.Asset(Tenant.Code, saved.Number));
    }
}
