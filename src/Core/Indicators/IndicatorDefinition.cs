namespace InfraLedger.Core.Indicators;

/// <summary>
/// An indicator the store knows: its stable id, Japanese label, unit and how to read it. Public statistics keep
/// the Japanese names as labels and descriptive ids (indicators.md §2: codes like ka1 are not official); <c>English</c>
/// is the label of the public dashboards' English view.
/// </summary>
public sealed record IndicatorDefinition(string Id, string Label, string Unit, string Reading, string English)
{
    public const string FinancialCapability = "financial-capability-index";
    public const string CurrentBalance = "current-balance-ratio";
    public const string RealDebtService = "real-debt-service-ratio";
    public const string FutureBurden = "future-burden-ratio";
    public const string Laspeyres = "laspeyres-index";
    public const string AgingRatio = "tangible-asset-depreciation-ratio";

    /// <summary>The prefix of a 施設類型's own 有形固定資産減価償却率 (indicators.md §3.2): "stock-ratio:道路".</summary>
    public const string StockRatioPrefix = "stock-ratio:";

    /// <summary>The 主要財政指標 (indicators.md §4), in the order 総務省 publishes them.</summary>
    public static readonly IReadOnlyList<IndicatorDefinition> Fiscal =
    [
        new(FinancialCapability, "財政力指数", "", "基準財政収入額÷基準財政需要額の過去3年平均。高いほど財源に余裕がある。", "Fiscal capability index"),
        new(CurrentBalance, "経常収支比率", "%", "経常経費に充てた経常一般財源の割合。高いほど財政構造が硬直的。", "Current balance ratio"),
        new(RealDebtService, "実質公債費比率", "%", "公債費等の標準財政規模に対する割合。18%以上で起債に許可が必要。", "Real debt service ratio"),
        new(FutureBurden, "将来負担比率", "%", "将来負担すべき実質的な負債の標準財政規模に対する割合。空欄は負担額がないことを示す。", "Future burden ratio"),
        new(Laspeyres, "ラスパイレス指数", "", "一般行政職の給与水準（国家公務員=100）。", "Laspeyres index (salary level)"),
    ];

    /// <summary>
    /// The figures a tenant computes from its own register and may publish for comparison (<see cref="RegisterPublication"/>):
    /// the whole 有形固定資産減価償却率, the per-resident stock and each 施設類型's ratio (types 未検証, see <see cref="StockTable"/>).
    /// </summary>
    public static readonly IReadOnlyList<IndicatorDefinition> Register =
    [
        new(AgingRatio, "有形固定資産減価償却率", "%", "償却資産の取得価額に対する減価償却累計額の割合。高いほど老朽化が進んでいる。", "Tangible fixed asset depreciation ratio"),
        .. PerResident.Measures.Select(m => new IndicatorDefinition(m.Id, $"一人当たり{m.Label}", $"{m.Unit}/人", "住民一人当たりのストック量。", m.English + " per resident")),
        .. StockTable.Types.Select(t => new IndicatorDefinition(StockRatioPrefix + t.Name, $"{t.Name}の有形固定資産減価償却率", "%", "施設類型別（類型は未検証）。", $"Depreciation ratio: {t.Name}")),
    ];

    public static IndicatorDefinition? Find(string id) => Fiscal.FirstOrDefault(d => d.Id == id) ?? Register.FirstOrDefault(d => d.Id == id);
}
