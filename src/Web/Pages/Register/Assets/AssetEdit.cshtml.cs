using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Register.Assets;

[Authorize(Policy = Policies.TenantEditor)]
public sealed class AssetEditModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public FixedAsset Current { get; private set; } = null!;

    [BindProperty]
    public AssetInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct))
        {
            return NotFound();
        }

        Input = AssetInput.From(Current);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct))
        {
            return NotFound();
        }

        var version = Current.Version;
        var saved = await AssetForm.SaveAsync(db, ModelState, Input, Tenant.Code, Current, ct);
        if (saved is null)
        {
            return Page();
        }

        Notice = saved.Version == version ? "変更はありませんでした。" : $"資産「{saved.Name}」を保存しました（第{saved.Version}版）。";
        return Redirect(RegisterLinks.Asset(Tenant.Code, saved.Number));
    }

    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Current = (await FixedAssets.FindAsync(db, number, ct))!;
        return Current is not null;
    }
}
