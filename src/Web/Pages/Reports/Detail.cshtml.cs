using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>
/// A report for the staff: everything including the reporter's contact details, the whole history, and the workflow's
/// forms (status, notes, duplicate, facility, hide, redact, photos). Each form is one Core step; refusals come back
/// located on their field.
/// </summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class DetailModel(AppDbContext db, IAuthorizationService authorization, Core.Mail.MailSettings mail) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public ResidentReport Report { get; private set; } = null!;

    public ReportService? Service { get; private set; }

    public List<ReportNote> History { get; private set; } = [];

    /// <summary>The history's authors in words: a token by its name, never its id (which is part of the key).</summary>
    public Dictionary<string, string> Authors { get; private set; } = [];

    public List<ReportPhoto> Photos { get; private set; } = [];

    public List<long> Duplicates { get; private set; } = [];

    public string? FacilityName { get; private set; }

    /// <summary>The response templates of the report's kind (and of every kind), to pick when answering.</summary>
    public List<ResponseTemplate> Templates { get; private set; } = [];

    /// <summary>The 担当課 the report can be handed to (the department form).</summary>
    public List<string> Sections { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The status with a public note: the note as typed, or else the chosen response template's text; the reporter is mailed.</summary>
    public Task<IActionResult> OnPostStatusAsync(long id, string? newStatus, string? statusNotes, int? template, CancellationToken ct) =>
        ActAsync(id, "状態を変更しました。", async () =>
        {
            if (!Enum.TryParse<ReportStatus>(newStatus, out var s) || !Enum.IsDefined(s))
            {
                return Core.Reports.Errors.ServiceField("Status", "状態を選んでください。");
            }

            var note = statusNotes;
            if (string.IsNullOrWhiteSpace(note) && template is { } chosen)
            {
                var found = await ResponseTemplates.FindAsync(db, chosen, ct);
                if (found is null)
                {
                    return Core.Reports.Errors.TemplateNotFound(chosen) with { Field = "Template", Kind = ErrorKind.Invalid };
                }

                note = found.Text;
            }

            return await Workflow.SetStatusAsync(db, id, s, note, DateTime.UtcNow, ct, mail.SiteUrl);
        }, ct);

    public Task<IActionResult> OnPostNoteAsync(long id, string? text, string? visibility, CancellationToken ct) =>
        ActAsync(id, visibility == "public" ? "お知らせを追加しました（公開）。" : "内部メモを追加しました。",
            () => Workflow.AddNoteAsync(db, id, text, visibility == "public", DateTime.UtcNow, ct), ct);

    public Task<IActionResult> OnPostDuplicateAsync(long id, string? duplicateOf, CancellationToken ct) =>
        ActAsync(id, "重複としてまとめました。", () => long.TryParse(duplicateOf?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var original)
            ? Workflow.MarkDuplicateAsync(db, id, original, DateTime.UtcNow, ct, mail.SiteUrl)
            : Task.FromResult<Result<ResidentReport>>(Core.Reports.Errors.ServiceField("DuplicateOf", $"元の通報の受付番号「{duplicateOf}」を数字で入力してください。")), ct);

    public Task<IActionResult> OnPostFacilityAsync(long id, string? facilityCode, CancellationToken ct) =>
        ActAsync(id, string.IsNullOrWhiteSpace(facilityCode) ? "施設とのひも付けを外しました。" : "施設にひも付けました。",
            () => Workflow.LinkFacilityAsync(db, id, facilityCode, DateTime.UtcNow, ct), ct);

    public Task<IActionResult> OnPostSectionAsync(long id, string? section, CancellationToken ct) =>
        ActAsync(id, $"担当課を「{section?.Trim()}」にしました。", () => Workflow.SetSectionAsync(db, id, section, DateTime.UtcNow, ct), ct);

    /// <summary>Where a forwarded report went and how it stands there (ADR 0028); null when it was not forwarded.</summary>
    public Forwarding.Onward? Onward { get; private set; }

    /// <summary>The body that forwarded this report here, by name.</summary>
    public string? ForwardedFromName { get; private set; }

    public Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) =>
        ActAsync(id, "公開しました。", () => Workflow.PublishAsync(db, id, DateTime.UtcNow, ct), ct);

    public Task<IActionResult> OnPostForwardAsync(long id, string? forwardTo, string? forwardNote, CancellationToken ct) =>
        ActAsync(id, "管轄外として転送しました。", () => Forwarding.ForwardAsync(db, id, forwardTo, forwardNote, DateTime.UtcNow, ct), ct);

    public Task<IActionResult> OnPostHiddenAsync(long id, bool hidden, string? reason, CancellationToken ct) =>
        ActAsync(id, hidden ? "非公開にしました。" : "公開に戻しました。", () => Workflow.SetHiddenAsync(db, id, hidden, reason, DateTime.UtcNow, ct), ct);

    public Task<IActionResult> OnPostRedactAsync(long id, string? description, CancellationToken ct) =>
        ActAsync(id, "説明文を編集しました。", () => Workflow.RedactAsync(db, id, description, DateTime.UtcNow, ct), ct);

    public Task<IActionResult> OnPostPhotoAsync(long id, int number, bool hidden, CancellationToken ct) =>
        ActAsync(id, hidden ? $"写真 {number} を非公開にしました。" : $"写真 {number} を公開に戻しました。",
            () => Workflow.SetPhotoHiddenAsync(db, id, number, hidden, DateTime.UtcNow, ct), ct);

    private async Task<IActionResult> ActAsync(long id, string message, Func<Task<Result<ResidentReport>>> action, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded)
        {
            return Forbid();
        }

        if (await ResidentReports.FindAsync(db, id, ct) is null)
        {
            return NotFound();
        }

        ModelState.Clear(); // Core's checks give the Japanese messages
        var result = await action();
        if (!result.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, result.Error!);
            await LoadAsync(id, ct);
            return Page();
        }

        Saved = message;
        return Redirect(ReportPages.Detail(HttpContext.Tenant().Code, id));
    }

    /// <summary>The background of the report's map (the tenant's tile layer, or none).</summary>
    public Core.Maps.TileLayers.Resolved Tiles { get; private set; } = new(null, Core.Maps.TileLayers.Source.None);

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var report = await ResidentReports.FindAsync(db, id, ct);
        if (report is null)
        {
            return false;
        }

        Report = report;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
        Service = await Core.Reports.Services.FindAsync(db, report.ServiceCode, ct);
        History = await ResidentReports.NotesAsync(db, id, publicOnly: false, ct);
        Authors = await Core.Audit.Actors.NamesAsync(db, History.Select(n => n.Author), ct);
        Photos = await ResidentReports.PhotosAsync(db, id, ct);
        Duplicates = await db.ResidentReports.Where(r => r.DuplicateOfId == id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        Sections = await Workflow.SectionsAsync(db, ct);
        Templates = await ResponseTemplates.ForServiceAsync(db, report.ServiceCode, ct);
        FacilityName = report.FacilityCode is { } code
            ? await db.Facilities.Where(f => f.Code == code).Select(f => f.Name).FirstOrDefaultAsync(ct)
            : null;
        Onward = await Forwarding.OnwardAsync(db, report, ct);
        ForwardedFromName = await Forwarding.BodyNameAsync(db, report.ForwardedFromTenantId, ct);
        Tiles = report.Latitude is null ? Tiles : await Maps.MapTiles.ForPageAsync(HttpContext, db, ct);
        return true;
    }
}
