using InfraLedger.Core.Database;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>
/// The public status page of a report: its number, service, status, the steps so far and the public history; place,
/// text and photos unless staff hid them. Never a contact detail: the page reads only public fields. The holder of the
/// report's link (<c>?key=</c>) is asked 「直りましたか？」 once the report is closed (issue 22 item 4).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ReportLimits.AnonymousPosts)]
public sealed class StatusModel(AppDbContext db, Core.Mail.MailSettings mail) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public ResidentReport Report { get; private set; } = null!;

    public ReportService? Service { get; private set; }

    public List<ReportNote> History { get; private set; } = [];

    /// <summary>The numbers of the photos the public may see.</summary>
    public List<int> PhotoNumbers { get; private set; } = [];

    /// <summary>Reports marked as duplicates of this one.</summary>
    public List<long> Duplicates { get; private set; } = [];

    public bool JustReceived { get; private set; }

    public bool English { get; private set; }

    /// <summary>The link secret as given, when it is the report's (the page then offers 「直りましたか？」 and keeps it in its links).</summary>
    public string? Key { get; private set; }

    /// <summary>The answer already given to the current closing, if any.</summary>
    public ReportNote? Answer { get; private set; }

    /// <summary>
    /// The holder's answer to thank them for: the latest step (other than a public message) is their answer — 「はい」 to
    /// the current closing, or the 「いいえ」 that reopened the report and nothing since.
    /// </summary>
    public ReportNote? Thanked => Key is null ? null
        : History.LastOrDefault(n => n.Type != "note") is { Type: Confirmation.FixedType or Confirmation.ReopenedType } answer ? answer : null;

    /// <summary>Whether this visitor is asked 「直りましたか？」 now.</summary>
    public bool Asks => Key is not null && Answer is null && !Report.Status.IsOpen() && Confirmation.Asks(Report.Status);

    public async Task<IActionResult> OnGetAsync(long id, string? key, CancellationToken ct) =>
        await LoadAsync(id, key, ct) ? Page() : NotFound();

    /// <summary>「はい」 or 「いいえ」 from the holder of the link; refusals (not the holder, already answered) shown on the page.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(long id, string? key, string? answer, CancellationToken ct)
    {
        if (!await LoadAsync(id, key, ct))
        {
            return NotFound();
        }

        if (answer is not ("yes" or "no"))
        {
            ModelState.AddModelError("answer", Core.Reports.Errors.AnswerUnknown.In(English));
            return Page();
        }

        var answered = await Confirmation.AnswerAsync(db, id, key, answer == "yes", DateTime.UtcNow, mail.SiteUrl, ct);
        if (!answered.IsSuccess)
        {
            if (answered.Error!.Kind == Core.Common.ErrorKind.Forbidden)
            {
                Response.StatusCode = StatusCodes.Status403Forbidden;
            }

            ModelState.AddModelError("answer", answered.Error.In(English));
            return Page();
        }

        return Redirect(ReportPages.HolderStatus(Tenant.Code, id, key, English) + "#answer");
    }

    private async Task<bool> LoadAsync(long id, string? key, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        English = ReportText.IsEnglish(Request);
        var report = await ResidentReports.FindAsync(db, id, ct);
        if (report is null)
        {
            return false;
        }

        Report = report;
        Key = Confirmation.IsHolder(report, key) ? key!.Trim() : null;
        Service = await Core.Reports.Services.FindAsync(db, report.ServiceCode, ct);
        History = await ResidentReports.NotesAsync(db, id, publicOnly: true, ct);
        Answer = Confirmation.AnswerOf(report, History);
        if (report.IsPublic)
        {
            PhotoNumbers = [.. (await ResidentReports.PhotosAsync(db, id, ct)).Where(p => !p.IsHidden).Select(p => p.Number)];
            Duplicates = (await ReportSearch.RunAsync(db, new ReportFilter { Statuses = [ReportStatus.Duplicate] }, ct)).Reports
                .Where(r => r.DuplicateOfId == id).Select(r => r.Id).ToList();
        }

        JustReceived = TempData["report.received"] as string == "true";
        return true;
    }
}
