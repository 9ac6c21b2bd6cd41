using InfraLedger.Core.Database;
using InfraLedger.Core.Planning;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Pages.Shared;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>
/// The tenant's consequence settings (risk = P(worst grade within n years) × (1 + Σ weights)): weights and n, saved
/// with a version (a save over a newer version is refused), and facility attributes imported from a file with a dry run.
/// </summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class ConsequencesModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public ConsequenceSettings Settings { get; private set; } = ConsequenceSettings.Default;

    public bool CanEdit { get; private set; }

    [BindProperty]
    public ConsequenceForm Input { get; set; } = new();

    /// <summary>What the last import did (or would do, on a dry run).</summary>
    public ConsequenceImport? Imported { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = ConsequenceForm.Of(Settings);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var (years, factors) = Input.Read(out var errors);
        errors.ForEach(e => ErrorResponses.AddTo(ModelState, e, "Input"));
        if (errors.Count > 0)
        {
            return Page();
        }

        var saved = await Consequences.SaveAsync(db, years, factors, Input.Version, ct);
        if (!saved.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, saved.Error! with { Field = ConsequenceForm.FieldOf(saved.Error!) is { Length: > 0 } f ? f : null }, "Input");
            return Page();
        }

        Saved = $"影響度の設定を保存しました（第{saved.Value.Version}版）。";
        return Redirect(PlanningLinks.Settings(Tenant.Code));
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? upload, bool commit, CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = ConsequenceForm.Of(Settings);
        if (!CanEdit)
        {
            return Forbid();
        }

        if (Uploads.Refuse(upload, UploadKind.PlanConsequences, "upload", out var refused))
        {
            ErrorResponses.AddTo(ModelState, refused);
            return Page();
        }

        await using var stream = upload.OpenReadStream();
        var imported = await Consequences.ImportAsync(db, stream, Path.GetFileName(upload.FileName), commit, ct);
        if (!imported.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, imported.Error! with { Field = "upload" });
            return Page();
        }

        Imported = imported.Value;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
        Settings = await Consequences.LoadAsync(db, ct);
    }
}
