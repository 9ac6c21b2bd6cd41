using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Depreciation;
using Cell = InfraLedger.Core.Common.TableCell;

namespace InfraLedger.Core.Indicators;

/// <summary>
/// Everything the indicators page, its downloads and the CLI show for one tenant and fiscal year, as named tables
/// (one table per chart or list, so every chart has its table and every table its CSV/XLSX).
/// </summary>
public sealed record IndicatorReport(
    FiscalYear Year, IndicatorSettings Settings, RegisterIndicators.Snapshot Register, IReadOnlyList<(FiscalYear Year, RegisterIndicators.Group Total)> Series,
    TenantPopulation? Population, IReadOnlyList<StockTable.Row> Stock, PublicIndicators.BodyView? Public)
{
    /// <summary>The register figures against those bodies published for the year (set by <see cref="BuildAsync"/>).</summary>
    public RegisterPublication.Comparison? Compared { get; private init; }

    public const int SeriesYears = 10;

    /// <summary>A fiscal year the indicator pages and downloads accept (1900 to <see cref="FiscalYear.Max"/>), or why not.</summary>
    public static Result<FiscalYear> CheckYear(int year) =>
        year is < 1900 or > FiscalYear.Max ? Errors.FiscalYearInvalid(year.ToString(CultureInfo.InvariantCulture)) : new FiscalYear(year);

    public static async Task<Result<IndicatorReport>> BuildAsync(AppDbContext db, FiscalYear year, CancellationToken ct)
    {
        var settings = await IndicatorSettings.ForTenantAsync(db, ct);
        if (!settings.IsSuccess)
        {
            return settings.Error!;
        }

        var snapshot = await RegisterIndicators.ForYearAsync(db, year, settings.Value, ct);
        // The series ends with the year itself, already computed above.
        var earlier = Enumerable.Range(year.Year - SeriesYears + 1, SeriesYears - 1).Select(y => new FiscalYear(y));
        var series = await RegisterIndicators.SeriesAsync(db, earlier, settings.Value, ct);
        series.Add((year, snapshot.Total));
        var population = await Populations.ForYearAsync(db, year.Year, ct);
        var stock = StockTable.Compute(snapshot, population?.Population);
        var publicYears = await PublicIndicators.YearsAsync(db, ct);
        var publicView = publicYears.Count == 0 ? null
            : (await PublicIndicators.ForBodyAsync(db, db.Scope.TenantId!, Math.Clamp(year.Year, publicYears[0], publicYears[^1]), ct)).Value;
        var report = new IndicatorReport(year, settings.Value, snapshot, series, population, stock, publicView);
        return report with { Compared = await RegisterPublication.CompareAsync(db, report, ct) };
    }

    public IReadOnlyList<Table> Tables => [RatioByAccount, RatioByUsage, RatioSeries, StockTableRows, PerResident, Comparison, Fiscal, FiscalSeries, RatioByFacility];

    public Table? Find(string name) => Tables.FirstOrDefault(t => t.Name == name) ?? (name == "assets" ? AssetsTable(Register, null, null, null) : null);

    private static readonly string[] GroupHeaders = ["取得価額（円）", "減価償却累計額（円）", "帳簿価額（円）", "資産数", "有形固定資産減価償却率（%）"];

    private List<Cell> GroupCells(RegisterIndicators.Group g) =>
        [new(null, g.Cost), new(null, g.Accumulated), new(null, g.BookValue), new(null, g.Assets), Ratio(g.Ratio)];

    private Cell Ratio(decimal? ratio) => new(null, ratio is { } r ? AgingRatio.Round(r, Settings.Decimals, Settings.Rounding) : null, Settings.Decimals);

    public Table RatioByAccount => new("ratio", $"有形固定資産減価償却率（{Year}末、勘定科目別）", ["勘定科目", .. GroupHeaders],
        [[new("全体"), .. GroupCells(Register.Total)], .. Register.ByAccount.Select(g => (IReadOnlyList<Cell>)[new(g.Label), .. GroupCells(g)])], Settings.Label);

    public Table RatioByUsage => new("usage", $"有形固定資産減価償却率（{Year}末、用途分類別）", ["用途分類（大分類）", .. GroupHeaders],
        [.. Register.ByUsage.Select(g => (IReadOnlyList<Cell>)[new(g.Label), .. GroupCells(g)])]);

    public Table RatioByFacility => new("facility", $"有形固定資産減価償却率（{Year}末、施設別）", ["施設コード", "施設名", .. GroupHeaders],
        [.. Register.ByFacility.Select(g => (IReadOnlyList<Cell>)[new(g.Key), new(g.Label), .. GroupCells(g)])]);

    public Table RatioSeries => new("series", "有形固定資産減価償却率の推移", ["年度", .. GroupHeaders],
        [.. Series.Select(s => (IReadOnlyList<Cell>)[new(s.Year.Year.ToString(CultureInfo.InvariantCulture)), .. GroupCells(s.Total)])]);

    public Table StockTableRows => new("stock", $"施設類型別ストック情報（{Year}末）",
        ["表", "施設類型", "施設数", "指標", "単位", "ストック量", "一人当たり", "取得価額（円）", "減価償却累計額（円）", "有形固定資産減価償却率（%）", "類似団体内平均値（%）"],
        [.. Stock.Select(r => (IReadOnlyList<Cell>)[new(r.Type.Sheet), new(r.Type.Name), new(null, r.Facilities), new(r.Type.MeasureLabel), new(r.Type.Unit),
            new(null, r.Stock), new(null, r.PerResident is { } p ? Math.Round(p, 3) : null), new(null, r.Assets.Cost), new(null, r.Assets.Accumulated), Ratio(r.Assets.Ratio),
            Ratio(Compared?.Figures.Single(f => f.Definition.Id == IndicatorDefinition.StockRatioPrefix + r.Type.Name).SimilarGroup.Average)])],
        "施設類型・指標・分母は総務省資料で未確認（未検証）。類似団体内平均値は InfraLedger 利用団体が公表した値から。" + PopulationNote);

    /// <summary>The register figures compared with the 類似団体, prefecture and nation, among the bodies that published them for the year.</summary>
    public Table Comparison => Compared is not { } c
        ? new("comparison", "台帳指標の比較", ["指標"], [])
        : new("comparison", $"台帳指標と類似団体・県内・全国との比較（{Year}末、公表した {c.Publishers} 団体）", ComparisonHeaders,
            [.. c.Figures.Select(f => (IReadOnlyList<Cell>)[new(f.Definition.Label), new(f.Definition.Unit),
                f.Definition.Unit == "%" ? Ratio(f.Value) : new(null, f.Value is { } v ? Math.Round(v, 3) : null), .. StandingCells(f)])],
            $"比較の相手は InfraLedger で同じ年度の値を公表した団体だけです（全国の公表値は読み込まれていません）。自団体の値は現在の台帳から計算した値（{OwnState(c.Own)}）。"
            + $"類似団体区分: {GroupNote(c.Peers.Group)}。{PopulationNote}");

    private static string OwnState(RegisterPublication.Published state) => state switch
    {
        RegisterPublication.Published.Same => "公表済みの値と同じ",
        RegisterPublication.Published.Different => "公表後に台帳または人口が変わり、公表済みの値と異なります",
        _ => "未公表",
    };

    private static readonly string[] ComparisonHeaders = ["指標", "単位", "値", "類似団体平均", "類似団体内順位", "類似団体数", "県内平均", "県内順位", "県内団体数", "全国平均", "全国順位", "全国団体数", "全国パーセンタイル"];

    /// <summary>A figure's standing as cells: average, rank and count among the 類似団体, the prefecture and the nation, and the national percentile.</summary>
    public static IEnumerable<Cell> StandingCells(PublicIndicators.Figure f) =>
        [Avg(f.SimilarGroup), new(null, f.SimilarGroup.Rank), new(null, f.SimilarGroup.Count),
            Avg(f.Prefecture), new(null, f.Prefecture.Rank), new(null, f.Prefecture.Count),
            Avg(f.Nation), new(null, f.Nation.Rank), new(null, f.Nation.Count), new(null, f.Nation.Percentile is { } p ? Math.Round(p, 1) : null)];

    private static string GroupNote(SimilarGroupAssignment? group) => group is not { } g ? "未登録"
        : g.SourceId == SimilarGroups.EstimatedSourceId ? $"{g.Group}（{g.FiscalYear}年度の人口・産業構造からの推計・未検証。類似団体との比較はできません）"
        : $"{g.Group}（{g.FiscalYear}年度）";

    public Table PerResident
    {
        get
        {
            var people = Population?.Population;
            return new("per-resident", $"住民一人当たりストック（{Year}末）", ["指標", "単位", "ストック量", "人口（人）", "一人当たり"],
                [.. Indicators.PerResident.Measures.Select(m => m.Stock(Register.Facilities)).Zip(Indicators.PerResident.Measures, (stock, m) => (IReadOnlyList<Cell>)[
                    new(m.Label), new(m.Unit), new(null, stock), new(null, people), new(null, Indicators.PerResident.Of(stock, people) is { } p ? Math.Round(p, 3) : null)])],
                PopulationNote);
        }
    }

    private string PopulationNote => Population is { } p
        ? $"人口: {p.Population:N0}人（{p.FiscalYear}年度、{p.Basis}{(p.AsOf is { } d ? $" {d:yyyy-MM-dd}時点" : "")}、出典: {p.Source}{(p.IsSample ? "、デモ用サンプル" : "")}）"
        : "人口が登録されていないため、一人当たりの値は計算できません。";

    public Table Fiscal => Public is not { } v
        ? new("fiscal", "主要財政指標", ["指標"], [], "主要財政指標が読み込まれていません。")
        : new("fiscal", $"主要財政指標（{v.FiscalYear}年度）と比較", [ComparisonHeaders[0], .. ComparisonHeaders[2..]],
            [.. v.Figures.Select(f => (IReadOnlyList<Cell>)[new(f.Definition.Label), new(f.Text), .. StandingCells(f)])],
            $"{v.Source.Attribution}（{v.Source.Licence}）。順位は値の大きい順。類似団体区分: {GroupNote(v.SimilarGroup)}。空欄は公表値が空欄（該当なし）。");

    private static Cell Avg(Standing s) => new(null, s.Average is { } a ? Math.Round(a, 2) : null);

    public Table FiscalSeries => Public is not { } v
        ? new("fiscal-series", "主要財政指標の推移", ["年度"], [])
        : new("fiscal-series", "主要財政指標の推移", ["年度", .. IndicatorDefinition.Fiscal.Select(d => d.Label)],
            [.. v.Series.Select(y => (IReadOnlyList<Cell>)[new(y.FiscalYear.ToString(CultureInfo.InvariantCulture)),
                .. IndicatorDefinition.Fiscal.Select(d => new Cell(y.Texts.GetValueOrDefault(d.Id)))])],
            $"{v.Source.Attribution}（{v.Source.Licence}）");

    /// <summary>The assets behind a ratio (drill-down), optionally limited to one 勘定科目, 用途分類 or facility.</summary>
    public static Table AssetsTable(RegisterIndicators.Snapshot register, string? account, string? usage, string? facility) => new("assets", $"資産別の償却状況（{register.Year}末）",
        ["資産番号", "件名", "施設コード", "施設名", "用途分類（大分類）", "勘定科目", "取得年月日", "耐用年数", "耐用年数の出典", "取得価額（円）", "減価償却累計額（円）", "帳簿価額（円）", "当年度減価償却費（円）", "状態"],
        [.. register.Behind(account, usage, facility)
            .Select(l => (IReadOnlyList<Cell>)[new(l.Asset.Number), new(l.Asset.Name), new(l.Facility?.Code), new(l.Facility?.Name), new(l.Facility?.UsageMajor),
                new(l.Asset.Account), new(l.Asset.AcquisitionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new(null, l.Life), new(l.LifeFromTable ? "耐用年数表（台帳に記載なし）" : l.Life is null ? null : "台帳"),
                new(null, l.Position.Cost), new(null, l.Position.Accumulated), new(null, l.Position.BookValue), new(null, l.Position.Charge), new(StatusLabel(l))])]);

    private static string StatusLabel(RegisterIndicators.Line l) => l.Position.Status switch
    {
        PositionStatus.NonDepreciable => "非償却",
        PositionStatus.FullyDepreciated => "償却済（備忘価額1円）",
        PositionStatus.Unknown => "取得年月日・耐用年数が不明（率から除外）",
        _ => l.InRatio ? "償却中" : "償却中（率の対象外）",
    };
}
