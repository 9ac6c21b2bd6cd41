using InfraLedger.Core.Database;
using InfraLedger.Core.Maps;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Maps;

/// <summary>
/// The tenant's background map (tile layer): shown to every member, set or cleared by the tenant's admin only. Without a
/// tenant setting the deployment's layer applies; without either the maps show the boundary only.
/// </summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class SettingsModel(AppDbContext db, IAuthorizationService authorization, DeploymentTiles deployment) : PageModel
{
    public sealed class TileForm
    {
        public string? UrlTemplate { get; set; }

        public string? Attribution { get; set; }

        public string? MaxZoom { get; set; }
    }

    public LocalGovernment Tenant { get; private set; } = null!;

    public TileLayers.Resolved Current { get; private set; } = new(null, TileLayers.Source.None);

    public TileLayer? Deployment => deployment.Layer;

    public bool CanEdit { get; private set; }

    [BindProperty]
    public TileForm Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Current is { From: TileLayers.Source.Tenant, Layer: { } own })
        {
            Input = new TileForm { UrlTemplate = own.UrlTemplate, Attribution = own.Attribution, MaxZoom = own.MaxZoom.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var saved = await TileLayers.SaveAsync(db, Input.UrlTemplate, Input.Attribution, Input.MaxZoom, ct);
        if (!saved.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, saved.Error!, "Input");
            return Page();
        }

        Saved = "背景地図を保存しました。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostClearAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        await TileLayers.ClearAsync(db, ct);
        Saved = "この団体の背景地図の設定を解除しました。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantAdmin)).Succeeded;
        Current = await TileLayers.ForTenantAsync(db, deployment.Layer, ct);
    }
}
