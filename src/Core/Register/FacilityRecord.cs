using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Projection;
using InfraLedger.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register;

/// <summary>
/// 施設カルテ: one facility whole — register fields and history, its fixed assets with 取得価額, 減価償却累計額 and
/// 帳簿価額 at a fiscal-year end, inspections with grades and photos, works, residents' reports linked to it or near it,
/// and its projected renewal cost. Every figure comes from the feature that owns it: the book values from
/// <see cref="RegisterIndicators"/> (the indicators page's rule, over the register as it stood at the year end), the
/// renewal cost from <see cref="RenewalProjection"/> with the 総務省 preset's unit costs.
/// </summary>
public sealed record FacilityRecord(
    Facility Facility,
    FiscalYear Year,
    IndicatorSettings Settings,
    IReadOnlyList<RegisterIndicators.Line> Assets,
    IReadOnlyList<RegisterVersion> History,
    IReadOnlyList<InspectionRecords.Row> Inspections,
    IReadOnlyDictionary<long, List<InspectionPhotos.Info>> Photos,
    IReadOnlyList<MaintenanceWork> Works,
    IReadOnlyList<FacilityRecord.Report> Reports,
    FacilityRecord.Renewal RenewalCost,
    int CurrentAssets)
{
    /// <summary>Reports within this distance of the facility's position are shown as "nearby" (stated on the page).</summary>
    public const double NearbyMetres = 200;

    /// <summary>The most reports listed (linked first, then the nearest).</summary>
    public const int MaxReports = 50;

    /// <summary>A resident's report linked to the facility (施設コード) or within <see cref="NearbyMetres"/> of it.</summary>
    public sealed record Report(ResidentReport Value, bool Linked, double? Metres);

    /// <summary>The facility's projected renewal cost over the preset's horizon, with the reason when it is not projected.</summary>
    public sealed record Renewal(ScenarioRef Scenario, int BaseYear, ProjectionResult Result)
    {
        public decimal Total => Result.GrandTotal;

        public string? NotProjected => Result.Skipped.Count == 0 ? null : string.Join("、", Result.Skipped.Select(s => s.Reason));
    }

    /// <summary>The assets in the 有形固定資産減価償却率 (the indicators page's per-facility group), summed.</summary>
    public RegisterIndicators.Group InRatio => Sum("ratio", "減価償却率の対象", Assets.Where(l => l.InRatio));

    /// <summary>All the facility's assets on the books at the year end, summed.</summary>
    public RegisterIndicators.Group AllAssets => Sum("all", "全資産", Assets);

    /// <summary>Assets linked to the facility today that the year end's register does not hold (registered or acquired after it).</summary>
    public int NotYetOnBooks => Math.Max(0, CurrentAssets - Assets.Count(l => l.Asset.DisposalDate is null));

    /// <summary>The fiscal year a カルテ shows by default: the last closed one (as the indicators page).</summary>
    public static int DefaultYear(DateTime nowUtc) => FiscalYear.Of(DateOnly.FromDateTime(nowUtc)).Year - 1;

    /// <summary>The current tenant's facility record, or null when the tenant has no such facility.</summary>
    public static async Task<Result<FacilityRecord?>> LoadAsync(AppDbContext db, string code, int year, DateTime nowUtc, CancellationToken ct)
    {
        if (await FacilityRegister.FindAsync(db, code, ct) is not { } facility)
        {
            return (FacilityRecord?)null;
        }

        var fiscalYear = IndicatorReport.CheckYear(year);
        if (!fiscalYear.IsSuccess)
        {
            return fiscalYear.Error!;
        }

        var settings = await IndicatorSettings.ForTenantAsync(db, ct);
        if (!settings.IsSuccess)
        {
            return settings.Error!;
        }

        var assets = await AssetsAsync(db, code, fiscalYear.Value, settings.Value, ct);
        var history = await RegisterHistory.OfAsync(db, RegisterEntryType.Facility, code, ct);
        var inspections = await InspectionRecords.ListAsync(db, code, ct);
        var photos = await InspectionPhotos.OfFacilityAsync(db, code, ct);
        var works = (await InspectionRecords.WorksAsync(db, code, ct)).OrderByDescending(w => w.CompletedOn).ThenBy(w => w.Member, StringComparer.Ordinal).ToList();
        var reports = await ReportsAsync(db, facility, ct);
        var renewal = await RenewalAsync(db, facility, nowUtc, ct);
        if (!renewal.IsSuccess)
        {
            return renewal.Error!;
        }

        // The register today may hold assets that were not on the books at that year end (registered or acquired later).
        var current = await db.FixedAssets.CountAsync(a => a.FacilityCode == code && a.DisposalDate == null, ct);
        return new FacilityRecord(facility, fiscalYear.Value, settings.Value, assets, history, inspections, photos, works, reports, renewal.Value, current);
    }

    /// <summary>
    /// The facility's assets at the year end, each with its position: what the indicators' snapshot holds for this
    /// facility (<see cref="RegisterIndicators.Snapshot.Behind"/>), computed by the same <see cref="RegisterIndicators.Compute"/>
    /// over the same versions of the register (<see cref="RegisterHistory.FacilityAsOfAsync"/>) without reading the
    /// rest of it, so the カルテ and the indicators page cannot disagree and a large register stays fast.
    /// </summary>
    public static async Task<List<RegisterIndicators.Line>> AssetsAsync(AppDbContext db, string code, FiscalYear year, IndicatorSettings settings, CancellationToken ct)
    {
        var (facility, assets) = await RegisterHistory.FacilityAsOfAsync(db, code, year.End, ct);
        return facility is null ? [] : [.. RegisterIndicators.Compute([facility], assets, year, settings).Lines];
    }

    /// <summary>One asset's position at the year end by the same rule (the asset pages), with its facility for the useful-life table.</summary>
    public static RegisterIndicators.Line PositionOf(FixedAsset asset, Facility? facility, FiscalYear year, IndicatorSettings settings) =>
        RegisterIndicators.Compute(facility is null ? [] : [facility], [asset], year, settings).Lines[0];

    private static async Task<List<Report>> ReportsAsync(AppDbContext db, Facility facility, CancellationToken ct)
    {
        var linked = (await ReportSearch.RunAsync(db, new ReportFilter { IncludeHidden = true, Take = MaxReports, FacilityCode = facility.Code }, ct)).Reports;
        var list = linked.Select(r => new Report(r, true, Distance(facility, r))).ToList();
        if (facility.Latitude is { } lat && facility.Longitude is { } lng)
        {
            var near = await ReportSearch.RunAsync(db, new ReportFilter { IncludeHidden = true, Take = MaxReports, Near = new GeoCircle(lat, lng, NearbyMetres) }, ct);
            var seen = linked.Select(r => r.Id).ToHashSet();
            list.AddRange(near.Reports.Where(r => !seen.Contains(r.Id)).Select(r => new Report(r, false, Distance(facility, r))).OrderBy(r => r.Metres));
        }

        return [.. list.Take(MaxReports)];
    }

    private static double? Distance(Facility f, ResidentReport r) =>
        f.Latitude is { } a && f.Longitude is { } b && r.Latitude is { } c && r.Longitude is { } d ? GeoCircle.Metres(a, b, c, d) : null;

    /// <summary>The 総務省 method (the baseline preset's unit costs and cycles) run over this one facility: cost is linear in quantity.</summary>
    private static async Task<Result<Renewal>> RenewalAsync(AppDbContext db, Facility facility, DateTime nowUtc, CancellationToken ct)
    {
        var scenario = await ProjectionRun.ResolveScenarioAsync(db, Presets.Baseline, null, ct);
        if (!scenario.IsSuccess)
        {
            return scenario.Error!;
        }

        var baseYear = ProjectionRun.DefaultBaseYear(nowUtc);
        return new Renewal(scenario.Value, baseYear, RenewalProjection.Run(scenario.Value.Parameters, baseYear, [facility]));
    }

    private static RegisterIndicators.Group Sum(string key, string label, IEnumerable<RegisterIndicators.Line> lines)
    {
        var list = lines.ToList();
        return new(key, label, list.Sum(l => l.Position.Cost), list.Sum(l => l.Position.Accumulated), list.Sum(l => l.Position.BookValue), list.Count);
    }
}
