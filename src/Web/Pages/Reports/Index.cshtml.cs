using InfraLedger.Core.Database;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Pages.Shared;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>The staff queue: the tenant's reports by section, status and service, its download, and the response-time figures.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public List<ReportService> Services { get; private set; } = [];

    public List<string> Sections { get; private set; } = [];

    public TableView Queue { get; private set; } = null!;

    public TableView Times { get; private set; } = null!;

    public int Total { get; private set; }

    public string? Section { get; private set; }

    public ReportStatus? Status { get; private set; }

    /// <summary><c>state=open</c>: every open state (受付・対応中・対応予定), the list behind the tenant home's figure.</summary>
    public bool OpenOnly { get; private set; }

    /// <summary><c>overdue=1</c>: only the reports past their expected date (<see cref="ReportStatuses.IsOverdue"/>).</summary>
    public bool Overdue { get; private set; }

    /// <summary>Why a filter of the address was not understood (that filter is then left out).</summary>
    public List<Core.Common.Error> FilterErrors { get; private set; } = [];

    public string? Service { get; private set; }

    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(string? section, string? state, string? service, string? overdue, CancellationToken ct) =>
        await LoadAsync(section, state, service, ct, overdue);

    /// <summary>The filtered list (<c>table=reports</c>) or the response-time figures (<c>table=response-times</c>) as CSV or XLSX.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? section, string? state, string? service, string? overdue, string? table, string? format, string? encoding, CancellationToken ct)
    {
        var csv = TableDownload.StaffEncoding(encoding, bom: null);
        if (format is not (null or "csv" or "xlsx") || !csv.IsSuccess)
        {
            return BadRequest();
        }

        await LoadAsync(section, state, service, ct, overdue);
        var chosen = table == "response-times" ? Times.Table : Queue.Table;
        await TableDownload.WriteAsync(HttpContext, chosen, $"{Tenant.Code}-{chosen.Name}", format, csv.Value, ct);
        return new EmptyResult();
    }

    private async Task LoadAsync(string? section, string? status, string? service, CancellationToken ct, string? overdue = null)
    {
        Tenant = HttpContext.Tenant();
        IsAdmin = (await authorization.AuthorizeAsync(User, Policies.TenantAdmin)).Succeeded;
        Section = string.IsNullOrWhiteSpace(section) ? null : section.Trim();
        Status = Enum.TryParse<ReportStatus>(status, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _) ? s : null;
        OpenOnly = status?.Trim() == "open";
        if (!string.IsNullOrWhiteSpace(status) && Status is null && !OpenOnly)
        {
            FilterErrors.Add(Core.Reports.Errors.ListFilterUnknown("state", status, "open または状態の名前"));
        }

        Overdue = overdue?.Trim() is "1" or "true";
        if (!string.IsNullOrWhiteSpace(overdue) && !Overdue)
        {
            FilterErrors.Add(Core.Reports.Errors.ListFilterUnknown("overdue", overdue, "overdue=1"));
        }
        Service = string.IsNullOrWhiteSpace(service) ? null : service.Trim();
        Services = await Core.Reports.Services.ListAsync(db, includeInactive: true, ct);
        Sections = [.. (await db.ResidentReports.Select(r => r.Section).Distinct().ToListAsync(ct)).Concat(Services.Select(x => x.Section))
            .Distinct().Order(StringComparer.Ordinal)];

        var now = DateTime.UtcNow;
        var page = await ReportSearch.RunAsync(db, new ReportFilter
        {
            Section = Section, Statuses = Status is { } st ? [st] : OpenOnly ? ReportStatuses.Open : null, ServiceCodes = Service is { } sv ? [sv] : null,
            OverdueAtUtc = Overdue ? now : null, IncludeHidden = true, Take = 5000,
        }, ct);
        Total = page.Total;
        var names = Services.ToDictionary(x => x.Code, x => x.Name, StringComparer.Ordinal);
        var title = $"通報の一覧（{page.Total:N0}件{(page.Total > page.Reports.Count ? $"のうち新しい{page.Reports.Count:N0}件" : "")}）";
        var t = Tenant.Code;
        var query = $"section={Uri.EscapeDataString(Section ?? "")}&state={(OpenOnly ? "open" : Status)}&service={Uri.EscapeDataString(Service ?? "")}{(Overdue ? "&overdue=1" : "")}";
        Queue = new TableView(ReportTables.Queue(page.Reports, names, now, title), $"/{t}/reports?handler=Export&table=reports&{query}",
            row => ReportPages.Detail(t, long.Parse(row[0].Text!, System.Globalization.CultureInfo.InvariantCulture)));

        var to = now.AddHours(9).Date.AddDays(1).AddHours(-9);
        var from = to.AddMonths(-12);
        Times = new TableView(ReportTables.ResponseTimes(await ResponseTimes.BySectionAsync(db, from, to, now, ct), from, to),
            $"/{t}/reports?handler=Export&table=response-times");
    }
}
