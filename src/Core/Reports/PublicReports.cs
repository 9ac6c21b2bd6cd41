using InfraLedger.Core.Database;

namespace InfraLedger.Core.Reports;

/// <summary>
/// The body's published reports for its public list, map and CSV (issue 22 item 5): what the status page shows of a
/// report and nothing more — no name, contact, e-mail, device, photo or internal note.
/// </summary>
public static class PublicReports
{
    public const int MaxRows = 5000;

    /// <summary>One published report, public fields only.</summary>
    public sealed record Row(long Id, string ServiceCode, string ServiceName, ReportStatus Status, DateTime RequestedAtUtc, DateTime UpdatedAtUtc,
        string? Address, double? Latitude, double? Longitude, string? Description);

    /// <summary>
    /// The published reports, newest first. Published here means what every public route uses
    /// (<see cref="ReportFilter.IncludeHidden"/> false): published by staff and not 非公開 since (ADR 0014).
    /// </summary>
    public static async Task<List<Row>> ListAsync(AppDbContext db, ReportStatus? status, string? serviceCode, CancellationToken ct)
    {
        var filter = new ReportFilter
        {
            Statuses = status is { } s ? [s] : null, ServiceCodes = string.IsNullOrWhiteSpace(serviceCode) ? null : [serviceCode.Trim()],
            IncludeHidden = false, Take = MaxRows,
        };
        var reports = (await ReportSearch.RunAsync(db, filter, ct)).Reports;
        var names = (await Services.ListAsync(db, includeInactive: true, ct)).ToDictionary(x => x.Code, x => x.Name, StringComparer.Ordinal);
        return [.. reports.Select(r => new Row(r.Id, r.ServiceCode, names.GetValueOrDefault(r.ServiceCode, r.ServiceCode), r.Status, r.RequestedAtUtc, r.UpdatedAtUtc,
            r.Address, r.Latitude, r.Longitude, r.Description))];
    }
}
