using InfraLedger.Core.Audit;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Depreciation;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tenancy;

/// <summary>
/// The tenant home's figures and to-dos. Each comes from the same Core query as the list it links to
/// (<see cref="InspectionTodos"/>, <see cref="ReportSearch"/> with <see cref="ReportStatuses.Open"/> or
/// <see cref="ReportFilter.OverdueAtUtc"/>, the register's tables, <see cref="RegisterIndicators"/>), so a figure and
/// its list cannot disagree.
/// </summary>
public static class HomeFigures
{
    /// <summary>How many fiscal years the 有形固定資産減価償却率 trend shows (the latest closed year and those before).</summary>
    public const int TrendYears = 5;

    public const int RecentEvents = 8;

    /// <summary>The 有形固定資産減価償却率 of a fiscal year's end (%), rounded as the tenant's indicator settings say; null without depreciable assets.</summary>
    public sealed record Ratio(int Year, decimal? Percent, string Display);

    public sealed record Figures(
        int Facilities, int Assets, IReadOnlyList<Ratio> Trend, string RatioSettings,
        InspectionTodos.MeasureProgress Measures, int InspectionsDue, int ReportsOpen, int ReportsOverdue,
        IReadOnlyList<AuditEvent> RecentImports, IReadOnlyList<AuditEvent> RecentChanges)
    {
        public Ratio? Latest => Trend.Count == 0 ? null : Trend[^1];

        /// <summary>The change from the year before, in percentage points; null when either year has no ratio.</summary>
        public decimal? Change => Trend.Count >= 2 && Trend[^1].Percent is { } now && Trend[^2].Percent is { } before ? now - before : null;
    }

    /// <summary>The figures of the current tenant; <c>latestYear</c> is the latest fiscal year whose books are closed (the indicators page's default year).</summary>
    public static async Task<Figures> ForTenantAsync(AppDbContext db, FiscalYear latestYear, DateTime nowUtc, CancellationToken ct)
    {
        var facilities = await db.Facilities.CountAsync(ct);
        var assets = await db.FixedAssets.CountAsync(ct);

        var settings = await IndicatorSettings.ForTenantAsync(db, ct);
        IReadOnlyList<Ratio> trend = [];
        if (settings.IsSuccess && assets > 0)
        {
            var s = settings.Value;
            var years = Enumerable.Range(latestYear.Year - TrendYears + 1, TrendYears).Select(y => new FiscalYear(y));
            trend = [.. (await RegisterIndicators.SeriesAsync(db, years, s, ct))
                .Select(x => new Ratio(x.Year.Year, x.Total.Ratio is { } r ? AgingRatio.Round(r, s.Decimals, s.Rounding) : null, s.Format(x.Total.Ratio)))];
        }

        var measures = await InspectionTodos.MeasuresAsync(db, ct);
        var due = (await InspectionTodos.DueAsync(db, nowUtc, ct)).Count;
        var open = (await ReportSearch.RunAsync(db, new ReportFilter { Statuses = ReportStatuses.Open, IncludeHidden = true, Take = 0 }, ct)).Total;
        var overdue = (await ReportSearch.RunAsync(db, new ReportFilter { OverdueAtUtc = nowUtc, IncludeHidden = true, Take = 0 }, ct)).Total;

        var imports = await db.AuditEvents.AsNoTracking().Where(e => e.Action == "Imported").OrderByDescending(e => e.Sequence).Take(RecentEvents).ToListAsync(ct);
        var changes = await AuditTrail.RecentAsync(db, RecentEvents, ct);
        return new Figures(facilities, assets, trend, settings.IsSuccess ? settings.Value.Label : "", measures, due, open, overdue, imports, changes);
    }
}
