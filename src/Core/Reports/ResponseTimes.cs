using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Reports;

/// <summary>
/// How fast each section answers (resident-reporting-features.md §2, "data and stats"): reports received in a period,
/// median time to the first public response and to closing, and reports still open past their target date. Medians
/// of fewer than <see cref="MinimumCount"/> reports are not shown: with tiny numbers they mislead.
/// </summary>
public static class ResponseTimes
{
    public const int MinimumCount = 5;

    public sealed record Row(string Section, int Received, int Open, int Closed, int Overdue, double? MedianDaysToRespond, double? MedianDaysToClose);

    public static async Task<List<Row>> BySectionAsync(AppDbContext db, DateTime fromUtc, DateTime toUtc, DateTime nowUtc, CancellationToken ct)
    {
        var reports = await db.ResidentReports.AsNoTracking()
            .Where(r => r.RequestedAtUtc >= fromUtc && r.RequestedAtUtc < toUtc)
            .Select(r => new { r.Section, r.Status, r.RequestedAtUtc, r.RespondedAtUtc, r.ClosedAtUtc, r.ExpectedAtUtc })
            .ToListAsync(ct);
        return [.. reports.GroupBy(r => r.Section).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Row(
            g.Key,
            g.Count(),
            g.Count(r => r.Status.IsOpen()),
            g.Count(r => !r.Status.IsOpen()),
            g.Count(r => ReportStatuses.IsOverdue(r.Status, r.ExpectedAtUtc, nowUtc)),
            Median([.. g.Where(r => r.RespondedAtUtc is not null).Select(r => (r.RespondedAtUtc!.Value - r.RequestedAtUtc).TotalDays)]),
            Median([.. g.Where(r => r.ClosedAtUtc is not null).Select(r => (r.ClosedAtUtc!.Value - r.RequestedAtUtc).TotalDays)])))];
    }

    /// <summary>The median (mean of the middle two for an even count), or null below <see cref="MinimumCount"/>.</summary>
    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count < MinimumCount)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
