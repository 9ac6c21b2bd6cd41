using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Projection;

/// <summary>
/// The tables of a projection (the chart's table, event types, stock, facilities left out, unverified parameters),
/// of a comparison of two scenarios and of a group: what the pages show, the downloads hold and the CLI prints.
/// Amounts are in 千円 (rounded half up) as in 総合管理計画 documents.
/// </summary>
public static class ProjectionTables
{
    public static readonly string[] TableNames = ["annual", "events", "summary", "stock", "skipped", "unverified"];

    public static IReadOnlyList<Table> Tables(ProjectionResult r, ScenarioRef scenario, RecentInvestments.Average? investment) =>
        [Annual(r, scenario), Events(r, scenario), Summary(r, scenario, investment), Stock(r), Skipped(r), Unverified(r)];

    public static decimal Thousands(decimal yen) => Math.Round(yen / 1000m, MidpointRounding.AwayFromZero);

    private static TableCell Money(decimal yen) => new(null, Thousands(yen));

    private static string Span(ProjectionResult r) => $"{r.BaseYear}〜{r.BaseYear + r.Horizon - 1}年度";

    public static Table Annual(ProjectionResult r, ScenarioRef scenario) => new("annual",
        $"更新費用の推計（{Span(r)}、分類別、千円）", ["年度", .. r.Categories.Select(c => c.Name + "（千円）"), "合計（千円）"],
        [.. r.Years.Select((y, i) => (IReadOnlyList<TableCell>)[new(Year(y)), .. r.Categories.Select(c => Money(c.Values[i])), Money(r.Total[i])])],
        scenario.Label);

    public static Table Events(ProjectionResult r, ScenarioRef scenario) => new("events",
        $"更新費用の推計（{Span(r)}、費用の種類別、千円）", ["年度", .. r.Events.Select(e => e.Name + "（千円）"), "合計（千円）"],
        [.. r.Years.Select((y, i) => (IReadOnlyList<TableCell>)[new(Year(y)), .. r.Events.Select(e => Money(e.Values[i])), Money(r.Total[i])])],
        scenario.Label);

    public static Table Summary(ProjectionResult r, ScenarioRef scenario, RecentInvestments.Average? investment)
    {
        var rows = new List<IReadOnlyList<TableCell>>
        {
            new List<TableCell> { new("シナリオ"), new(scenario.Label) },
            new List<TableCell> { new("試算期間"), new($"{Span(r)}（{r.Horizon}年）") },
            new List<TableCell> { new($"{r.Horizon}年間の総額（千円）"), Money(r.GrandTotal) },
            new List<TableCell> { new("年平均（千円）"), Money(r.AnnualAverage) },
        };
        if (investment is not null)
        {
            rows.Add([new($"直近の投資的経費の平均（{string.Join("・", investment.Years)}年度、千円）"), Money(investment.Total)]);
            rows.Add([new("うち既存更新分の平均（千円）"), Money(investment.Renewal)]);
            rows.Add([new("年平均 ÷ 直近の投資的経費（倍）"), investment.Total == 0 ? new TableCell(null) : new(null, Math.Round(r.AnnualAverage / investment.Total, 2), 2)]);
        }

        return new("summary", "推計の要約", ["項目", "値"], rows, investment is null ? "投資的経費が登録されていないため、直近の投資的経費との比較はありません。" : $"投資的経費の出典: {investment.Sources}");
    }

    public static Table Stock(ProjectionResult r) => new("stock", "推計の対象", ["分類", "施設数", "数量", "単位"],
        [.. r.Stock.Select(s => (IReadOnlyList<TableCell>)[new(s.Category), new(null, s.Facilities), new(null, Math.Round(s.Quantity, 2)), new(s.Unit)])]);

    public static Table Skipped(ProjectionResult r) => new("skipped", "推計に含めなかった施設", ["理由", "施設数", "施設コード（先頭20件）"],
        [.. r.Skipped.Select(s => (IReadOnlyList<TableCell>)[new(s.Reason), new(null, s.Count), new(string.Join(" ", s.Examples))])]);

    public static Table Unverified(ProjectionResult r) => new("unverified", "未検証のパラメータ（一次資料で確認できていない設定）", ["パラメータ", "確度", "内容"],
        [.. r.Parameters.Unverified.Select(u => (IReadOnlyList<TableCell>)[new(ParameterLabels.Of(u.Parameter)), new(u.Confidence == "U" ? "未検証" : "推定"), new(u.Note)])],
        "未検証は総務省などの資料で確認できていない設定、推定は資料から推し量った設定です。結果はこれらの設定に依存します。");

    /// <summary>Two scenarios side by side: the annual series, totals, averages and the difference in %.</summary>
    public static IReadOnlyList<Table> Compare(ProjectionResult a, ScenarioRef sa, ProjectionResult b, ScenarioRef sb)
    {
        var years = Math.Min(a.Horizon, b.Horizon);
        var (ta, tb) = (a.Total, b.Total);
        var annual = new Table("compare", $"シナリオの比較（{a.BaseYear}〜{a.BaseYear + years - 1}年度、千円）",
            ["年度", $"{sa.Title}（千円）", $"{sb.Title}（千円）", "差（千円）", "差（%）"],
            [.. Enumerable.Range(0, years).Select(i => (IReadOnlyList<TableCell>)[new(Year(a.BaseYear + i)), Money(ta[i]), Money(tb[i]), Money(tb[i] - ta[i]), Percent(ta[i], tb[i])])],
            $"差は「{sb.Title}」−「{sa.Title}」。");
        var (totalA, totalB) = (ta.Take(years).Sum(), tb.Take(years).Sum());
        var summary = new Table("compare-summary", "シナリオの比較（総額と年平均）", ["項目", $"{sa.Title}（千円）", $"{sb.Title}（千円）", "差（千円）", "差（%）"],
        [
            [new($"{years}年間の総額"), Money(totalA), Money(totalB), Money(totalB - totalA), Percent(totalA, totalB)],
            [new("年平均"), Money(totalA / years), Money(totalB / years), Money((totalB - totalA) / years), Percent(totalA, totalB)],
        ], $"{sa.Label} と {sb.Label}");
        return [summary, annual];
    }

    /// <summary>A group: each member's total and average, and the annual series per member.</summary>
    public static IReadOnlyList<Table> Group(Projections.GroupResult g, ScenarioRef scenario)
    {
        var sum = g.Sum;
        var members = new Table("members", $"{g.Group.Name}の構成団体別（{Span(sum)}、千円）", ["団体コード", "団体名", $"{sum.Horizon}年間の総額（千円）", "年平均（千円）"],
            [.. g.Members.Select(m => (IReadOnlyList<TableCell>)[new(m.Member.Code), new(m.Member.Name), Money(m.Result.GrandTotal), Money(m.Result.AnnualAverage)]),
             [new("合計"), new(g.Group.Name), Money(sum.GrandTotal), Money(sum.AnnualAverage)]], scenario.Label);
        var annual = new Table("member-annual", $"{g.Group.Name}の更新費用の推計（{Span(sum)}、構成団体別、千円）",
            ["年度", .. g.Members.Select(m => m.Member.Name + "（千円）"), "合計（千円）"],
            [.. sum.Years.Select((y, i) => (IReadOnlyList<TableCell>)[new(Year(y)), .. g.Members.Select(m => Money(m.Result.Total[i])), Money(sum.Total[i])])],
            scenario.Label);
        return [members, annual, Annual(sum, scenario), Stock(sum), Skipped(sum)];
    }

    private static TableCell Percent(decimal from, decimal to) => from == 0 ? new TableCell(null) : new(null, Math.Round((to - from) / from * 100m, 1), 1);

    private static string Year(int y) => y.ToString(CultureInfo.InvariantCulture);
}
