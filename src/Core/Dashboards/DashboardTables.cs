using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Indicators;
using Cell = InfraLedger.Core.Common.TableCell;

namespace InfraLedger.Core.Dashboards;

/// <summary>
/// The tables behind the public dashboards' charts, in Japanese or English: each names its source, licence and fiscal
/// year in its note, and is what the CSV/JSON/XLSX downloads contain.
/// </summary>
public sealed class DashboardTables(bool english)
{
    private string L(string ja, string en) => english ? en : ja;

    public string Label(IndicatorDefinition d) => english ? d.English : d.Label;

    public string Unit(IndicatorDefinition d) => d.Unit.Length == 0 ? "" : english ? d.Unit.Replace("/人", "/person", StringComparison.Ordinal) : d.Unit;

    public string Source(StatisticsSource source, int year) =>
        L($"{source.Attribution}（{source.Licence}）。{year}年度。", $"Source: {source.Attribution} ({source.Licence}). Fiscal year {year}.");

    /// <summary>Every body's value, ranked by value (1 = largest; ties share a rank; blanks have none), in the order asked for.</summary>
    public Table Ranking(PublicDashboard.Ranking r, string sort, bool descending)
    {
        var ranks = Ranks(r.Rows);
        IEnumerable<PublicDashboard.Row> rows = sort switch
        {
            "code" => r.Rows.OrderBy(x => x.Code, StringComparer.Ordinal),
            "name" => r.Rows.OrderBy(x => x.Code[..2], StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal),
            // Blanks last either way.
            _ when descending => r.Rows.OrderByDescending(x => x.Value.HasValue).ThenByDescending(x => x.Value).ThenBy(x => x.Code, StringComparer.Ordinal),
            _ => r.Rows.OrderByDescending(x => x.Value.HasValue).ThenBy(x => x.Value).ThenBy(x => x.Code, StringComparer.Ordinal),
        };
        if (descending && sort is "code" or "name")
        {
            rows = rows.Reverse();
        }

        var unit = Unit(r.Indicator.Definition);
        return new Table("ranking", $"{Label(r.Indicator.Definition)}（{r.Year}{L("年度", "")}）",
            [L("団体名", "Body"), L("団体コード", "Code"), L("都道府県", "Prefecture"), L("類似団体区分", "Similar group"),
                unit.Length == 0 ? L("値", "Value") : $"{L("値", "Value")}（{unit}）", L("順位", "Rank")],
            [.. rows.Select(x => (IReadOnlyList<Cell>)[new(x.Name), new(x.Code), new(x.PrefectureName), new(x.Group), new(null, x.Value),
                new(null, ranks.TryGetValue(x.Code, out var rank) ? rank : null)])],
            Source(r.Indicator.Source, r.Year) + L("空欄は公表値が空欄（該当なし）。", " A blank is blank in the publication (not applicable)."));
    }

    public Table Distribution(PublicDashboard.Ranking r) =>
        new("distribution", $"{Label(r.Indicator.Definition)}{L("の分布", ": distribution")}（{r.Year}{L("年度", "")}）",
            [L("階級（以上）", "From"), L("階級（未満。最後は以下）", "To (below; the last: up to)"), L("団体数", "Bodies")],
            [.. r.Distribution.Select(b => (IReadOnlyList<Cell>)[new(null, Math.Round(b.From, 3)), new(null, Math.Round(b.To, 3)), new(null, b.Count)])],
            Source(r.Indicator.Source, r.Year)
            + L($"団体数 {r.Summary.Count:N0}、平均 {Format(r.Summary.Average)}、中央値 {Format(r.Summary.Median)}。",
                $" {r.Summary.Count:N0} bodies, mean {Format(r.Summary.Average)}, median {Format(r.Summary.Median)}."));

    public Table Scatter(PublicDashboard.Scatter s) =>
        new("scatter", $"{Label(s.X.Definition)} × {Label(s.Y.Definition)}（{s.Year}{L("年度", "")}）",
            [L("団体コード", "Code"), L("都道府県", "Prefecture"), L("団体名", "Body"), Label(s.X.Definition), Label(s.Y.Definition)],
            [.. s.Points.Select(p => (IReadOnlyList<Cell>)[new(p.Body.Code), new(p.Body.PrefectureName), new(p.Body.Name), new(null, p.X), new(null, p.Y)])],
            Source(s.X.Source, s.Year) + (s.Y.Source.Id == s.X.Source.Id ? "" : " " + Source(s.Y.Source, s.Year)));

    /// <summary>One body's figures of a year compared with its 類似団体, prefecture and nation.</summary>
    public Table Comparison(string name, string title, IReadOnlyList<PublicIndicators.Figure> figures, string note) =>
        new(name, title,
            [L("指標", "Indicator"), L("単位", "Unit"), L("値", "Value"), L("類似団体平均", "Similar group mean"), L("類似団体内順位", "Rank in similar group"),
                L("類似団体数", "Similar group size"), L("県内平均", "Prefecture mean"), L("県内順位", "Rank in prefecture"), L("県内団体数", "Bodies in prefecture"),
                L("全国平均", "National mean"), L("全国順位", "National rank"), L("全国団体数", "Bodies in Japan"), L("全国パーセンタイル", "National percentile")],
            [.. figures.Select(f => (IReadOnlyList<Cell>)[new(Label(f.Definition)), new(Unit(f.Definition)), new(null, f.Value), .. IndicatorReport.StandingCells(f)])],
            note);

    /// <summary>One body's values over the years, one column per indicator (blank stays blank).</summary>
    public Table Series(string name, string title, IReadOnlyList<IndicatorDefinition> definitions, IEnumerable<PublicIndicators.YearValues> years, string note) =>
        new(name, title, [L("年度", "Fiscal year"), .. definitions.Select(Label)],
            [.. years.Select(y => (IReadOnlyList<Cell>)[new(y.FiscalYear.ToString(CultureInfo.InvariantCulture)),
                .. definitions.Select(d => new Cell(null, PublicIndicators.Parse(y.Texts.GetValueOrDefault(d.Id))))])],
            note);

    private static Dictionary<string, int> Ranks(IReadOnlyList<PublicDashboard.Row> rows)
    {
        // 1 + the number of larger values, read off the values in descending order.
        var rankOf = new Dictionary<decimal, int>();
        var sorted = rows.Select(r => r.Value).OfType<decimal>().OrderDescending().ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            rankOf.TryAdd(sorted[i], i + 1);
        }

        return rows.Where(r => r.Value is not null).ToDictionary(r => r.Code, r => rankOf[r.Value!.Value], StringComparer.Ordinal);
    }

    private static string Format(decimal? v) => v is { } x ? Math.Round(x, 3).ToString("0.###", CultureInfo.InvariantCulture) : "－";
}
