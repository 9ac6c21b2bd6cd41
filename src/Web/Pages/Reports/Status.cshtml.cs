using InfraLedger.Core.Database;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>
/// The public status page of a report: its number, service, status and public history; place, text and photos unless
/// staff hid them. Never a contact detail: the page reads only public fields.
/// </summary>
[AllowAnonymous]
public sealed class StatusModel(AppDbContext db) : PageModel
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

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var report = await ResidentReports.FindAsync(db, id, ct);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        Service = await Core.Reports.Services.FindAsync(db, report.ServiceCode, ct);
        History = await ResidentReports.NotesAsync(db, id, publicOnly: true, ct);
        if (report.IsPublic)
        {
            PhotoNumbers = [.. (await ResidentReports.PhotosAsync(db, id, ct)).Where(p => !p.IsHidden).Select(p => p.Number)];
            Duplicates = (await ReportSearch.RunAsync(db, new ReportFilter { Statuses = [ReportStatus.Duplicate] }, ct)).Reports
                .Where(r => r.DuplicateOfId == id).Select(r => r.Id).ToList();
        }

        JustReceived = TempData["report.received"] as string == "true";
        return Page();
    }
}
