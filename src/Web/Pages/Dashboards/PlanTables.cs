using InfraLedger.Core.Common;
using InfraLedger.Core.Planning;

namespace InfraLedger.Web.Pages.Dashboards;

/// <summary>
/// The published 個別施設計画 summary on a body's public page (issue 20 item 6): cost per year by funding source,
/// expected grade shares per year, and the saving against 事後保全; each chart on the page draws from one of these.
/// </summary>
public static class PlanTables
{
    public static Table Costs(PlanSummary s, Func<string, string, string> l)
    {
        var sources = s.Costs.Select(c => c.Source).Distinct().Order(StringComparer.Ordinal).ToList();
        string Name(string source) => source.Length == 0 ? l("一般財源", "General revenue") : source;
        return new Table("plan-costs", l($"{s.Title}: 年度ごとの概算費用（円）", $"{s.Title}: estimated cost per fiscal year (yen)"),
            [l("年度", "Fiscal year"), .. sources.Select(Name), l("合計", "Total")],
            [.. s.Years.Select(y => (IReadOnlyList<TableCell>)
            [
                new(y.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                .. sources.Select(src => new TableCell(null, s.Costs.Where(c => c.Year == y && c.Source == src).Sum(c => c.Cost), 0)),
                new(null, s.CostOf(y), 0),
            ])]);
    }

    public static Table Grades(PlanSummary s, Func<string, string, string> l) =>
        new("plan-grades", l("健全度の割合の見込み（%、各年度の対策の後）", "Expected share of each condition grade (%, after each year's works)"),
            [l("年度", "Fiscal year"), .. s.Grades],
            [.. s.GradeShares.Select(g => (IReadOnlyList<TableCell>)
            [
                new(g.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. g.Shares.Select(x => new TableCell(null, Math.Round(x * 100, 2), 2)),
            ])]);

    public static Table Saving(PlanSummary s, Func<string, string, string> l) =>
        new("plan-saving", l("事後保全に対する縮減（ライフサイクルコスト）", "Saving against corrective maintenance (life-cycle cost)"),
            [l("計画のライフサイクルコスト（円）", "Plan's life-cycle cost (yen)"), l("事後保全のライフサイクルコスト（円）", "Corrective maintenance (yen)"), l("縮減額（円）", "Saving (yen)"), l("縮減率（%）", "Saving rate (%)")],
            [[new(null, s.PlanCost, 0), new(null, s.CorrectiveCost, 0), new(null, s.Saving, 0), s.SavingRate is { } r ? new(null, r * 100, 2) : new(null)]]);
}
