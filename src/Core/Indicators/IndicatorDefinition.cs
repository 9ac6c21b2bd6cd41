namespace InfraLedger.Core.Indicators;

/// <summary>
/// An indicator the store knows: its stable id, Japanese label, unit and how to read it. Public statistics keep
/// the Japanese names as labels and descriptive ids (indicators.md §2: codes like ka1 are not official).
/// </summary>
public sealed record IndicatorDefinition(string Id, string Label, string Unit, string Reading)
{
    public const string FinancialCapability = "financial-capability-index";
    public const string CurrentBalance = "current-balance-ratio";
    public const string RealDebtService = "real-debt-service-ratio";
    public const string FutureBurden = "future-burden-ratio";
    public const string Laspeyres = "laspeyres-index";

    /// <summary>The 主要財政指標 (indicators.md §4), in the order 総務省 publishes them.</summary>
    public static readonly IReadOnlyList<IndicatorDefinition> Fiscal =
    [
        new(FinancialCapability, "財政力指数", "", "基準財政収入額÷基準財政需要額の過去3年平均。高いほど財源に余裕がある。"),
        new(CurrentBalance, "経常収支比率", "%", "経常経費に充てた経常一般財源の割合。高いほど財政構造が硬直的。"),
        new(RealDebtService, "実質公債費比率", "%", "公債費等の標準財政規模に対する割合。18%以上で起債に許可が必要。"),
        new(FutureBurden, "将来負担比率", "%", "将来負担すべき実質的な負債の標準財政規模に対する割合。空欄は負担額がないことを示す。"),
        new(Laspeyres, "ラスパイレス指数", "", "一般行政職の給与水準（国家公務員=100）。"),
    ];

    public static IndicatorDefinition? Find(string id) => Fiscal.FirstOrDefault(d => d.Id == id);
}
