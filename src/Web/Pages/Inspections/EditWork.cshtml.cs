using InfraLedger.Core.Database;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Inspections;

/// <summary>Correct or withdraw one maintenance work (editors); another tenant's record is 404.</summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class EditWorkModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public MaintenanceWork Current { get; private set; } = null!;

    public GradeScheme Scheme { get; private set; } = GradeScheme.RoadStructure;

    [BindProperty]
    public WorkForm Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = WorkForm.From(Current, Scheme);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear(); // the record's own checks give the Japanese messages
        var saved = await InspectionRecords.UpdateWorkAsync(db, id, Input.ToInput(), DateOnly.FromDateTime(DateTime.Today), ct);
        if (!saved.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, saved.Error!, "Input");
            return Page();
        }

        Saved = $"工事・補修（施設コード {saved.Value.FacilityCode}、{saved.Value.CompletedOn:yyyy-MM-dd}）を保存しました。";
        return Redirect(InspectionLinks.Facility(Tenant.Code, saved.Value.FacilityCode));
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var deleted = await InspectionRecords.DeleteWorkAsync(db, id, ct);
        if (!deleted.IsSuccess)
        {
            return NotFound();
        }

        Saved = $"工事・補修（施設コード {Current.FacilityCode}、{Current.CompletedOn:yyyy-MM-dd}）を削除しました（削除前の値は監査記録に残ります）。";
        return Redirect(InspectionLinks.Facility(Tenant.Code, Current.FacilityCode));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        if (await InspectionRecords.FindWorkAsync(db, id, ct) is not { } found)
        {
            return false;
        }

        Current = found;
        Scheme = await InspectionRecords.SchemeOfFacilityAsync(db, found.FacilityCode, ct);
        return true;
    }
}
