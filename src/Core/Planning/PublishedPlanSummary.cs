using System.Globalization;
using System.Text.Json;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Planning;

/// <summary>The cost of the plan's works in one fiscal year from one funding source (財源; empty = not split).</summary>
public sealed record PlanSummaryCost(int Year, string Source, decimal Cost);

/// <summary>The expected share of the stock in each grade in one fiscal year, in the order of <see cref="PlanSummary.Grades"/>; the shares sum to 1.</summary>
public sealed record PlanSummaryGrades(int Year, IReadOnlyList<decimal> Shares);

/// <summary>
/// What a tenant publishes of a decided 個別施設計画 (issue 20 item 6): the cost per year and source, the expected grade
/// distribution per year and the life-cycle cost against 事後保全 (maintenance-planning.md §2). Nothing per facility.
/// The input of <see cref="PlanSummaryPublication.PublishAsync"/>, built from the decided plan.
/// </summary>
/// <param name="Title">The plan's name as published, e.g. 「橋梁長寿命化修繕計画（令和8年度決定）」.</param>
/// <param name="Years">The plan's fiscal years, ascending.</param>
/// <param name="Costs">The cost per year and funding source.</param>
/// <param name="Grades">The grade labels (e.g. I, II, III, IV), best first.</param>
/// <param name="GradeShares">For each year of <paramref name="Years"/>, the expected share in each grade.</param>
/// <param name="PlanCost">The life-cycle cost of the plan (予防保全型), yen, over the comparison period.</param>
/// <param name="CorrectiveCost">The life-cycle cost of 事後保全 over the same period, yen.</param>
public sealed record PlanSummary(
    string Title,
    IReadOnlyList<int> Years,
    IReadOnlyList<PlanSummaryCost> Costs,
    IReadOnlyList<string> Grades,
    IReadOnlyList<PlanSummaryGrades> GradeShares,
    decimal PlanCost,
    decimal CorrectiveCost)
{
    /// <summary>The saving against 事後保全 (negative when the plan costs more).</summary>
    public decimal Saving => CorrectiveCost - PlanCost;

    /// <summary>The saving as a share of the 事後保全 cost, 4 decimals; null when that cost is 0.</summary>
    public decimal? SavingRate => CorrectiveCost == 0 ? null : Math.Round(Saving / CorrectiveCost, 4, MidpointRounding.AwayFromZero);

    /// <summary>The cost per year and source of a solved programme, in the form of <see cref="Costs"/> (plan years as they are).</summary>
    public static IReadOnlyList<PlanSummaryCost> CostsOf(ProgrammePlan plan) =>
        [.. plan.Spending.OrderBy(s => s.Key.Year).ThenBy(s => s.Key.Source, StringComparer.Ordinal).Select(s => new PlanSummaryCost(s.Key.Year, s.Key.Source, s.Value))];

    /// <summary>Every cost of one year, all sources.</summary>
    public decimal CostOf(int year) => Costs.Where(c => c.Year == year).Sum(c => c.Cost);

    /// <summary>Why the summary cannot be published, or null. Shares may be off 1 by rounding of at most 0.001.</summary>
    public Error? Check()
    {
        static string Y(int y) => y.ToString(CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > 200)
        {
            return Errors.SummaryInvalid("計画の名称は1〜200文字で指定してください。");
        }

        if (Years.Count == 0 || Years.Any(y => y is < 1950 or > 2200) || Years.Zip(Years.Skip(1)).Any(p => p.Second <= p.First))
        {
            return Errors.SummaryInvalid("年度は1950〜2200年度を重複なく昇順で指定してください。");
        }

        if (Costs.FirstOrDefault(c => !Years.Contains(c.Year)) is { } outside)
        {
            return Errors.SummaryInvalid($"費用の年度 {Y(outside.Year)} が計画期間にありません。");
        }

        if (Costs.FirstOrDefault(c => c.Cost < 0 || c.Source.Length > 50) is { } bad)
        {
            return Errors.SummaryInvalid($"{Y(bad.Year)}年度の費用（財源「{bad.Source}」）は0以上、財源名は50文字以内で指定してください。");
        }

        if (Costs.GroupBy(c => (c.Year, c.Source)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return Errors.SummaryInvalid($"{Y(twice.Key.Year)}年度の財源「{twice.Key.Source}」の費用が2回あります。");
        }

        if (Grades.Count is < 2 or > 10 || Grades.Any(string.IsNullOrWhiteSpace) || Grades.Distinct().Count() != Grades.Count)
        {
            return Errors.SummaryInvalid("健全度の区分は2〜10個の異なる名前で指定してください。");
        }

        if (!GradeShares.Select(g => g.Year).SequenceEqual(Years))
        {
            return Errors.SummaryInvalid("健全度の分布は計画の各年度に1つずつ、年度順に指定してください。");
        }

        if (GradeShares.FirstOrDefault(g => g.Shares.Count != Grades.Count || g.Shares.Any(s => s is < 0 or > 1) || Math.Abs(g.Shares.Sum() - 1) > 0.001m) is { } wrong)
        {
            return Errors.SummaryInvalid($"{Y(wrong.Year)}年度の健全度の分布は区分ごとの0〜1の割合で、合計を1にしてください。");
        }

        return PlanCost < 0 || CorrectiveCost < 0 ? Errors.SummaryInvalid("ライフサイクルコストは0以上で指定してください。") : null;
    }
}

/// <summary>
/// A tenant's published plan summary: public data like the published projection (keyed by 団体コード, no tenant
/// filter), shown on the body's public dashboard and served as the open dataset <c>plan</c>. One per body: publishing
/// again replaces it.
/// </summary>
public sealed class PublishedPlanSummary
{
    public required string Code { get; init; }

    public required string Title { get; set; }

    public required int FirstYear { get; set; }

    public required int LastYear { get; set; }

    /// <summary>The <see cref="PlanSummary"/> as JSON.</summary>
    public required string Summary { get; set; }

    public DateTime PublishedAtUtc { get; set; }

    public PlanSummary ToSummary() => JsonSerializer.Deserialize<PlanSummary>(Summary) ?? throw new InvalidOperationException($"公表した計画の概要（{Code}）を読めません。");
}
