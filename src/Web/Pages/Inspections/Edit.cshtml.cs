using InfraLedger.Core.Database;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Inspections;

/// <summary>Correct or withdraw one inspection record, add and delete its photos (editors); another tenant's record is 404.</summary>
[Authorize(Policy = Policies.TenantEditor)]
[RequestSizeLimit(PhotoUploads.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = PhotoUploads.RequestLimit)]
public sealed class EditModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public Inspection Current { get; private set; } = null!;

    public GradeScheme Scheme { get; private set; } = GradeScheme.RoadStructure;

    public List<InspectionPhotos.Info> Photos { get; private set; } = [];

    [BindProperty]
    public InspectionForm Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = InspectionForm.From(Current, Scheme);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear(); // the record's own checks give the Japanese messages
        var saved = await InspectionRecords.UpdateAsync(db, id, Input.ToInput(), DateOnly.FromDateTime(DateTime.Today), ct);
        if (!saved.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, saved.Error!, "Input");
            return Page();
        }

        Saved = $"点検記録（施設コード {saved.Value.FacilityCode}、{saved.Value.InspectedOn:yyyy-MM-dd}）を保存しました。";
        return Redirect(InspectionLinks.Facility(Tenant.Code, saved.Value.FacilityCode));
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var deleted = await InspectionRecords.DeleteAsync(db, id, ct);
        if (!deleted.IsSuccess)
        {
            return NotFound();
        }

        Saved = $"点検記録（施設コード {Current.FacilityCode}、{Current.InspectedOn:yyyy-MM-dd}）を削除しました（削除前の値は監査記録に残ります）。";
        return Redirect(InspectionLinks.Facility(Tenant.Code, Current.FacilityCode));
    }

    /// <summary>Adds photos to the record: every file is checked first, and a refusal (next to the field) adds none.</summary>
    public async Task<IActionResult> OnPostPhotosAsync(long id, List<IFormFile>? photoFiles, string? photoCaption, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        var uploads = PhotoUploads.From(photoFiles);
        var added = uploads.Count == 0
            ? Core.Inspections.Errors.NoPhoto
            : (await InspectionPhotos.AddAsync(db, id, uploads, photoCaption, ct)).Error;
        if (added is not null)
        {
            ErrorResponses.AddTo(ModelState, added);
            Input = InspectionForm.From(Current, Scheme);
            return Page();
        }

        Saved = $"写真を{uploads.Count}枚追加しました。";
        return Redirect(InspectionLinks.Edit(Tenant.Code, id));
    }

    public async Task<IActionResult> OnPostDeletePhotoAsync(long id, int number, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!(await InspectionPhotos.DeleteAsync(db, id, number, ct)).IsSuccess)
        {
            return NotFound();
        }

        Saved = $"写真 {number} を削除しました。";
        return Redirect(InspectionLinks.Edit(Tenant.Code, id));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        if (await InspectionRecords.FindAsync(db, id, ct) is not { } found)
        {
            return false;
        }

        Current = found;
        Scheme = await InspectionRecords.SchemeOfFacilityAsync(db, found.FacilityCode, ct);
        Photos = await InspectionPhotos.ListAsync(db, id, ct);
        return true;
    }
}
