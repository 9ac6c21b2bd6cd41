using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Depreciation;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Indicators;

/// <summary>
/// The tenant's 有形固定資産減価償却率 from its own register as of a fiscal-year end (indicators.md §1.2):
/// 減価償却累計額 ÷ 取得価額 of the depreciable tangible assets, for the whole tenant, by 勘定科目, by 用途分類 and
/// per facility, with every asset's position for drill-down. The register is read as of the year end
/// (<see cref="RegisterHistory.AsOfAsync"/>), so a past year shows the register as it stood then.
/// </summary>
public static class RegisterIndicators
{
    /// <summary>勘定科目 that are never depreciated (土地 and 立木竹 are not worn out; 建設仮勘定 is not yet in service).</summary>
    /// <summary>The 用途分類 group of assets whose facility has none (or that belong to no facility).</summary>
    public const string NoUsage = "（用途分類なし）";

    public static readonly IReadOnlySet<string> NonDepreciableAccounts = new HashSet<string>(StringComparer.Ordinal) { "土地", "立木竹", "建設仮勘定" };

    /// <summary>An asset's position; <c>Life</c> is the useful life used: the register's, or the useful-life table's when the register has none.</summary>
    public sealed record Line(FixedAsset Asset, Facility? Facility, Position Position, bool InRatio, int? Life, bool LifeFromTable);

    /// <summary>A group's sums over the assets in the ratio, the ratio (unrounded) and how many assets it covers.</summary>
    public sealed record Group(string Key, string Label, decimal Cost, decimal Accumulated, decimal BookValue, int Assets)
    {
        public decimal? Ratio => AgingRatio.Of(Accumulated, Cost);
    }

    public sealed record Snapshot(
        FiscalYear Year, IndicatorSettings Settings, Group Total, IReadOnlyList<Group> ByAccount, IReadOnlyList<Group> ByUsage,
        IReadOnlyList<Group> ByFacility, IReadOnlyList<Line> Lines, IReadOnlyList<Facility> Facilities)
    {
        /// <summary>Assets whose 取得年月日 or 耐用年数 is missing: counted, named, left out of the ratio.</summary>
        public IReadOnlyList<Line> Unknown => [.. Lines.Where(l => l.Position.Status == PositionStatus.Unknown)];

        /// <summary>The assets behind a group of the ratio (drill-down): all, or one 勘定科目, 用途分類 or facility.</summary>
        public IEnumerable<Line> Behind(string? account, string? usage, string? facility) =>
            Lines.Where(l => (account is null || l.Asset.Account == account) && (usage is null || (l.Facility?.UsageMajor ?? NoUsage) == usage)
                && (facility is null || l.Facility?.Code == facility));
    }

    public static async Task<Snapshot> ForYearAsync(AppDbContext db, FiscalYear year, IndicatorSettings settings, CancellationToken ct)
    {
        var (facilities, assets) = await RegisterHistory.AsOfAsync(db, year.End, ct);
        return Compute(facilities, assets, year, settings);
    }

    /// <summary>The whole tenant's ratio for each year (one read of the register per year).</summary>
    public static async Task<List<(FiscalYear Year, Group Total)>> SeriesAsync(AppDbContext db, IEnumerable<FiscalYear> years, IndicatorSettings settings, CancellationToken ct)
    {
        var series = new List<(FiscalYear, Group)>();
        foreach (var year in years)
        {
            series.Add((year, (await ForYearAsync(db, year, settings, ct)).Total));
        }

        return series;
    }

    /// <summary>The calculation itself, over the register as it stood at the year end (pure).</summary>
    public static Snapshot Compute(IReadOnlyList<Facility> facilities, IReadOnlyList<FixedAsset> assets, FiscalYear year, IndicatorSettings settings)
    {
        var byCode = facilities.ToDictionary(f => f.Code, StringComparer.Ordinal);
        var lines = new List<Line>(assets.Count);
        foreach (var asset in assets)
        {
            var facility = asset.FacilityCode is { } code ? byCode.GetValueOrDefault(code) : null;
            var depreciable = !NonDepreciableAccounts.Contains(asset.Account);
            var life = asset.UsefulLife;
            var fromTable = false;
            if (depreciable && life is null && UsefulLives.Find(asset.Account, facility?.Structure, facility?.UsageMinor ?? asset.Usage) is { } row)
            {
                (life, fromTable) = (row.Years, true);
            }

            var position = depreciable && life is null && asset.AcquisitionDate is not null
                ? new Position(PositionStatus.Unknown, asset.AcquisitionCost, 0m, asset.AcquisitionCost, 0m)
                : StraightLine.AsOf(new DepreciableItem(asset.AcquisitionCost, life, asset.AcquisitionDate, asset.DisposalDate, depreciable), year, settings.Policy);
            lines.Add(new Line(asset, facility, position, InRatio(asset, position, settings), life, fromTable));
        }

        var counted = lines.Where(l => l.InRatio).ToList();
        return new Snapshot(year, settings, Sum("total", "全体", counted),
            Groups(counted, l => l.Asset.Account, l => l.Asset.Account),
            Groups(counted, l => l.Facility?.UsageMajor ?? NoUsage, l => l.Facility?.UsageMajor ?? NoUsage),
            Groups(counted.Where(l => l.Facility is not null), l => l.Facility!.Code, l => l.Facility!.Name),
            lines, facilities);
    }

    /// <summary>
    /// In the ratio: tangible (not 無形固定資産; 物品 per the tenant's setting), on the books, and depreciated
    /// (indicators.md §1.2: the denominator excludes 土地等の非償却資産).
    /// </summary>
    private static bool InRatio(FixedAsset asset, Position position, IndicatorSettings settings) =>
        position.Status is PositionStatus.Depreciating or PositionStatus.FullyDepreciated
        && asset.AssetClass is not ("無形固定資産" or "リース資産")
        && (settings.IncludeGoods || asset.AssetClass != "物品");

    private static List<Group> Groups(IEnumerable<Line> lines, Func<Line, string> key, Func<Line, string> label) =>
        [.. lines.GroupBy(key, StringComparer.Ordinal).Select(g => Sum(g.Key, label(g.First()), [.. g])).OrderBy(g => g.Key, StringComparer.Ordinal)];

    private static Group Sum(string key, string label, List<Line> lines) =>
        new(key, label, lines.Sum(l => l.Position.Cost), lines.Sum(l => l.Position.Accumulated), lines.Sum(l => l.Position.BookValue), lines.Count);
}
