using System.Text.Json;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Maintenance;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using AssetKind = InfraLedger.Core.Register.AssetKind;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Maintenance;

/// <summary>The library editor of a kind: treatments and policies, edited as JSON or imported (JSON/XLSX), checked before saving, reset to the preset.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class LibraryModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public AssetKind Kind { get; private set; } = AssetKind.Bridge;

    public LibraryRef Library { get; private set; } = null!;

    public IReadOnlyList<string> Levels { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>The JSON in the editor (the saved library, or what was posted when it was refused).</summary>
    public string Document { get; private set; } = "";

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string? kind, CancellationToken ct) => await LoadAsync(kind, null, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(string? kind, string? document, int version, CancellationToken ct)
    {
        if (!await LoadAsync(kind, document, ct) || !CanEdit)
        {
            return CanEdit ? NotFound() : Forbid();
        }

        TreatmentLibrary parsed;
        try
        {
            parsed = TreatmentLibrary.FromJson(document ?? "");
        }
        catch (JsonException e)
        {
            ModelState.AddModelError("document", $"{(e.Path is { Length: > 1 } p ? p.TrimStart('$', '.') + ": " : "")}JSON として読めません（{(e.LineNumber ?? 0) + 1}行目付近）。");
            return Page();
        }

        var problems = LibraryValidation.CheckAll(parsed, Levels.Count);
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                ModelState.AddModelError("document", $"{p.Field}: {p.Message}");
            }

            return Page();
        }

        return Done(await Libraries.SaveAsync(db, Kind, parsed, version, DateTime.UtcNow, ct), "補修工法と方針の設定を保存しました。");
    }

    public async Task<IActionResult> OnPostImportAsync(string? kind, IFormFile? upload, CancellationToken ct)
    {
        if (!await LoadAsync(kind, null, ct) || !CanEdit)
        {
            return CanEdit ? NotFound() : Forbid();
        }

        if (Uploads.Refuse(upload, UploadKind.MaintenanceLibrary, "upload", out var refused))
        {
            ErrorResponses.AddTo(ModelState, refused);
            return Page();
        }

        await using var stream = upload.OpenReadStream();
        return Done(await Libraries.ImportAsync(db, Kind, stream, upload.FileName, DateTime.UtcNow, ct), "補修工法と方針の設定を取り込みました。");
    }

    public async Task<IActionResult> OnPostResetAsync(string? kind, CancellationToken ct)
    {
        if (!await LoadAsync(kind, null, ct) || !CanEdit)
        {
            return CanEdit ? NotFound() : Forbid();
        }

        await Libraries.ResetAsync(db, Kind, ct);
        Saved = "標準のプリセットに戻しました。";
        return Redirect(MaintenanceLinks.Library(Tenant.Code, Kind));
    }

    private IActionResult Done(Result<MaintenanceLibrary> result, string message)
    {
        if (!result.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, result.Error!);
            return Page();
        }

        Saved = message;
        return Redirect(MaintenanceLinks.Library(Tenant.Code, Kind));
    }

    private async Task<bool> LoadAsync(string? kind, string? posted, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
        if (kind is not null)
        {
            if (LibraryPresets.KindOf(kind) is not { } k)
            {
                return false;
            }

            Kind = k;
        }

        Library = (await Libraries.LoadAsync(db, Kind, ct))!;
        Levels = (await Core.Inspections.GradeScales.LoadAsync(db, ct)).For(Kind).Levels;
        Document = posted ?? Library.Library.ToJson();
        return true;
    }
}
