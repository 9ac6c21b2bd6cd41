using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Tables;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Pages.Shared;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Inspections;

/// <summary>The tenant's inspection records: grade distribution per asset kind, list, record an inspection or a work, import a file.</summary>
[Authorize(Policy = Policies.TenantViewer)]
[RequestSizeLimit(PhotoUploads.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = PhotoUploads.RequestLimit)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public List<InspectionRecords.Row> Rows { get; private set; } = [];

    public List<MaintenanceWork> Works { get; private set; } = [];

    public TableView Distribution { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public bool CanAdmin { get; private set; }

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public string? Facility { get; private set; }

    /// <summary>The to-do filter (<c>?todo=unmeasured</c>, <c>?due=1</c>), the list the tenant home's figures link to.</summary>
    public InspectionTodos.Filter Todo { get; private set; }

    /// <summary>Why the to-do filter in the address was not understood (the page then lists everything).</summary>
    public Error? FilterError { get; private set; }

    public InspectionTodos.MeasureProgress? Measures { get; private set; }

    public List<InspectionTodos.Due> Due { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(string? facility, string? todo, string? due, CancellationToken ct)
    {
        Facility = string.IsNullOrWhiteSpace(facility) ? null : facility.Trim();
        var filter = InspectionTodos.ParseFilter(todo, due);
        (Todo, FilterError) = filter.IsSuccess ? (filter.Value, null) : (InspectionTodos.Filter.None, filter.Error);
        if (Todo == InspectionTodos.Filter.Unmeasured)
        {
            Measures = await InspectionTodos.MeasuresAsync(db, ct);
        }
        else if (Todo == InspectionTodos.Filter.Due)
        {
            Due = await InspectionTodos.DueAsync(db, DateTime.UtcNow, ct);
        }

        if (Todo != InspectionTodos.Filter.None)
        {
            Tenant = HttpContext.Tenant();
            return;
        }

        await LoadAsync(ct);
    }

    /// <summary>Records an inspection with its photos (all or nothing: a refused photo writes no record either).</summary>
    public async Task<IActionResult> OnPostAsync(InspectionRecords.Input input, List<IFormFile>? photoFiles, string? photoCaption, CancellationToken ct) =>
        await EditAsync(async () => (await InspectionRecords.RecordAsync(db, input with { FacilityCode = input.FacilityCode ?? "", InspectedOn = input.InspectedOn ?? "", Grade = input.Grade ?? "" },
            PhotoUploads.From(photoFiles), photoCaption, Today, ct)).Error, "点検記録を保存しました。", ct);

    public async Task<IActionResult> OnPostWorkAsync(InspectionRecords.WorkInput work, CancellationToken ct) =>
        await EditAsync(async () => (await InspectionRecords.RecordWorkAsync(db, work with { FacilityCode = work.FacilityCode ?? "", CompletedOn = work.CompletedOn ?? "", Description = work.Description ?? "" }, Today, ct)).Error,
            "工事・補修を保存しました。", ct);

    public Task<IActionResult> OnPostImportAsync(IFormFile? upload, CancellationToken ct) =>
        ImportFileAsync(upload, "upload", "点検記録", InspectionRecords.ImportAsync, ct);

    public Task<IActionResult> OnPostImportWorksAsync(IFormFile? worksUpload, CancellationToken ct) =>
        ImportFileAsync(worksUpload, "worksUpload", "工事・補修", InspectionRecords.ImportWorksAsync, ct);

    private async Task<IActionResult> ImportFileAsync(IFormFile? upload, string field, string what,
        Func<AppDbContext, Stream, string, DateOnly, CancellationToken, Task<Result<InspectionRecords.ImportOutcome>>> import, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded)
        {
            return Forbid();
        }

        if (Uploads.Refuse(upload, UploadKind.Inspections, field, out var refused))
        {
            ErrorResponses.AddTo(ModelState, refused);
            await LoadAsync(ct);
            return Page();
        }

        await using var stream = upload.OpenReadStream();
        var result = await import(db, stream, Path.GetFileName(upload.FileName), Today, ct);
        if (!result.IsSuccess || result.Value.Problems.Count > 0)
        {
            ModelState.AddModelError(field, result.IsSuccess ? $"問題が {result.Value.Problems.Count} 件あるため、何も取り込んでいません。" : result.Error!.Message);
            Problems = result.IsSuccess ? result.Value.Problems : [];
            await LoadAsync(ct);
            return Page();
        }

        Saved = result.Value.Summary(what);
        return Redirect($"/{HttpContext.Tenant().Code}/inspections");
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    private async Task<IActionResult> EditAsync(Func<Task<Error?>> action, string message, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded)
        {
            return Forbid();
        }

        ModelState.Clear(); // the records' own checks give the Japanese messages
        if (await action() is { } error)
        {
            ErrorResponses.AddTo(ModelState, error);
            await LoadAsync(ct);
            return Page();
        }

        Saved = message;
        return Redirect($"/{HttpContext.Tenant().Code}/inspections");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
        CanAdmin = (await authorization.AuthorizeAsync(User, Policies.TenantAdmin)).Succeeded;
        Rows = await InspectionRecords.ListAsync(db, Facility, ct);
        Works = await InspectionRecords.WorksAsync(db, Facility, ct);
        Distribution = new TableView(DeteriorationReport.Distribution(await InspectionRecords.DistributionAsync(db, ct)), $"/{Tenant.Code}/inspections/export");
    }
}
