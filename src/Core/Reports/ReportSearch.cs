using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Reports;

/// <summary>Which reports to list (Open311 GET requests and its extensions, the staff queue). Null means "any".</summary>
public sealed record ReportFilter
{
    public IReadOnlyList<long>? Ids { get; init; }

    public IReadOnlyList<string>? ServiceCodes { get; init; }

    public IReadOnlyList<ReportStatus>? Statuses { get; init; }

    public DateTime? RequestedFromUtc { get; init; }

    public DateTime? RequestedToUtc { get; init; }

    public DateTime? UpdatedFromUtc { get; init; }

    public DateTime? UpdatedToUtc { get; init; }

    public GeoCircle? Near { get; init; }

    public string? Section { get; init; }

    /// <summary>Reports linked to this register facility (施設コード).</summary>
    public string? FacilityCode { get; init; }

    /// <summary>Only the reports overdue at this time (<see cref="ReportStatuses.IsOverdue"/>).</summary>
    public DateTime? OverdueAtUtc { get; init; }

    /// <summary>Hidden (非公開) and not yet published reports are for the staff and the tenant's own API clients only.</summary>
    public bool IncludeHidden { get; init; }

    /// <summary>
    /// Reports staff have not yet published, when hidden ones are not included: only the duplicate suggestion asks for
    /// them, which shows a number, a status and a distance, never the text (ADR 0014).
    /// </summary>
    public bool IncludeUnpublished { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 1000;
}

/// <summary>Runs a <see cref="ReportFilter"/> over the current tenant's reports, newest first.</summary>
public static class ReportSearch
{
    public sealed record Page(List<ResidentReport> Reports, int Total);

    public static async Task<Page> RunAsync(AppDbContext db, ReportFilter filter, CancellationToken ct)
    {
        var query = db.ResidentReports.AsNoTracking();
        if (filter.Ids is { } ids)
        {
            query = query.Where(r => ids.Contains(r.Id));
        }

        if (filter.ServiceCodes is { } codes)
        {
            query = query.Where(r => codes.Contains(r.ServiceCode));
        }

        if (filter.Statuses is { } statuses)
        {
            query = query.Where(r => statuses.Contains(r.Status));
        }

        if (!filter.IncludeHidden)
        {
            // ResidentReport.IsPublic as a query: published by staff and not hidden since.
            query = filter.IncludeUnpublished ? query.Where(r => !r.IsHidden) : query.Where(r => !r.IsHidden && r.PublishedAtUtc != null);
        }

        if (filter.Section is { } section)
        {
            query = query.Where(r => r.Section == section);
        }

        if (filter.FacilityCode is { } facility)
        {
            query = query.Where(r => r.FacilityCode == facility);
        }

        if (filter.OverdueAtUtc is { } now)
        {
            // ReportStatuses.IsOverdue as a query: open, with an expected date before now.
            var open = ReportStatuses.Open;
            query = query.Where(r => open.Contains(r.Status) && r.ExpectedAtUtc != null && r.ExpectedAtUtc < now);
        }

        query = filter.RequestedFromUtc is { } rf ? query.Where(r => r.RequestedAtUtc >= rf) : query;
        query = filter.RequestedToUtc is { } rt ? query.Where(r => r.RequestedAtUtc <= rt) : query;
        query = filter.UpdatedFromUtc is { } uf ? query.Where(r => r.UpdatedAtUtc >= uf) : query;
        query = filter.UpdatedToUtc is { } ut ? query.Where(r => r.UpdatedAtUtc <= ut) : query;
        query = query.OrderByDescending(r => r.RequestedAtUtc).ThenByDescending(r => r.Id);

        if (filter.Near is { } near)
        {
            // The box narrows in the database; the exact distance is tested here.
            var (minLat, maxLat, minLon, maxLon) = near.Box();
            var inBox = await query.Where(r => r.Latitude >= minLat && r.Latitude <= maxLat && r.Longitude >= minLon && r.Longitude <= maxLon)
                .ToListAsync(ct);
            var inCircle = inBox.Where(r => near.Contains(r.Latitude!.Value, r.Longitude!.Value)).ToList();
            return new Page([.. inCircle.Skip(filter.Skip).Take(filter.Take)], inCircle.Count);
        }

        var total = await query.CountAsync(ct);
        return new Page(await query.Skip(filter.Skip).Take(filter.Take).ToListAsync(ct), total);
    }
}
