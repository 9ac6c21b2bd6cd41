using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Register.Facilities;

[Authorize(Policy = Policies.TenantEditor)]
public sealed class FacilityEditModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public Facility Current { get; private set; } = null!;

    [BindProperty]
    public FacilityInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        Input = FacilityInput.From(Current);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var version = Current.Version;
        var saved = await FacilityForm.SaveAsync(db, ModelState, Input, Tenant.Code, Current, ct);
        if (saved is null)
        {
            return Page();
        }

        Notice = saved.Version == version ? "変更はありませんでした。" : $"施設「{saved.Name}」を保存しました（第{saved.Version}版）。";
        return Redirect(RegisterLinks.Facility(Tenant.Code, saved.Code));
    }

    public async Task<IActionResult> OnPostDeleteAsync(string code, string? deleteReason, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var deleted = await FacilityRegister.DeleteAsync(db, code, RegisterForms.Today(), FormValues.Text(deleteReason) ?? "削除", DateTime.UtcNow, ct);
        if (!deleted.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, deleted.Error!, "Input");
            Input = FacilityInput.From(Current);
            return Page();
        }

        Notice = $"施設「{Current.Name}」を削除しました（履歴は残ります）。";
        return Redirect(RegisterLinks.Facilities(Tenant.Code));
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Current = (await FacilityRegister.FindAsync(db, code, ct))!;
        return Current is not null;
    }
}
