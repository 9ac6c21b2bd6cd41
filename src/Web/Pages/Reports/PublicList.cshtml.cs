using InfraLedger.Core.Database;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>
/// The body's published reports for everyone (issue 22 item 5), as FixMyStreet's list and map: a table (the map adds to
/// it, never replaces it), a filter by status and kind, and the CSV. Public fields only (<see cref="PublicReports"/>).
/// </summary>
[AllowAnonymous]
public sealed class PublicListModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public bool English { get; private set; }

    public List<PublicReports.Row> Rows { get; private set; } = [];

    public List<ReportService> Services { get; private set; } = [];

    public ReportStatus? Status { get; private set; }

    public string? Service { get; private set; }

    public Core.Maps.TileLayers.Resolved Tiles { get; private set; } = new(null, Core.Maps.TileLayers.Source.None);

    public async Task OnGetAsync(string? status, string? service, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        English = ReportText.IsEnglish(Request);
        Status = StatusOf(status);
        Services = await Core.Reports.Services.ListAsync(db, includeInactive: true, ct);
        Service = Services.Any(s => s.Code == service) ? service : null;
        Rows = await PublicReports.ListAsync(db, Status, Service, ct);
        Tiles = await Maps.MapTiles.ForPageAsync(HttpContext, db, ct);
    }

    /// <summary>The status filter as written in the address (its enum name); anything else is no filter.</summary>
    public static ReportStatus? StatusOf(string? value) =>
        Enum.TryParse<ReportStatus>(value, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(value, out _) ? s : null;

    /// <summary>The query of the current filter (for the CSV link and the language switch).</summary>
    public string Query(bool english)
    {
        var parts = new List<string>();
        if (Status is { } s)
        {
            parts.Add("status=" + s);
        }

        if (Service is { } code)
        {
            parts.Add("service=" + Uri.EscapeDataString(code));
        }

        if (english)
        {
            parts.Add("lang=en");
        }

        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
