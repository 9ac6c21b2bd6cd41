using InfraLedger.Core.Register.Export;
using InfraLedger.Core.Tenancy;

namespace InfraLedger.Core.Planning;

/// <summary>
/// The open dataset <c>plan</c> (個別施設計画の概要): the tables of a published <see cref="PlanSummary"/>, in long format
/// (one value per row) with the body's code and name on every row, like the other register datasets.
/// </summary>
public static class PlanSummaryTables
{
    /// <summary>One grade's expected share in one year.</summary>
    public sealed record GradeRow(int Year, string Grade, decimal Share);

    public static IReadOnlyList<PlanSummaryCost> CostRows(PlanSummary s) =>
        [.. s.Costs.OrderBy(c => c.Year).ThenBy(c => c.Source, StringComparer.Ordinal)];

    public static IReadOnlyList<GradeRow> GradeRows(PlanSummary s) =>
        [.. s.GradeShares.SelectMany(g => g.Shares.Select((share, i) => new GradeRow(g.Year, s.Grades[i], share)))];

    public static IReadOnlyList<ExportColumn<PlanSummaryCost>> CostColumns(LocalGovernment body, PlanSummary s) =>
    [
        new("全国地方公共団体コード", _ => body.Code),
        new("団体名", _ => body.Name),
        new("計画", _ => s.Title),
        new("年度", Number: c => c.Year),
        new("財源", c => c.Source),
        new("概算費用（円）", Number: c => c.Cost),
    ];

    public static IReadOnlyList<ExportColumn<GradeRow>> GradeColumns(LocalGovernment body, PlanSummary s) =>
    [
        new("全国地方公共団体コード", _ => body.Code),
        new("団体名", _ => body.Name),
        new("計画", _ => s.Title),
        new("年度", Number: g => g.Year),
        new("健全度", g => g.Grade),
        new("割合", Number: g => g.Share),
    ];

    public static IReadOnlyList<ExportColumn<PlanSummary>> SavingColumns(LocalGovernment body) =>
    [
        new("全国地方公共団体コード", _ => body.Code),
        new("団体名", _ => body.Name),
        new("計画", s => s.Title),
        new("初年度", Number: s => s.Years[0]),
        new("最終年度", Number: s => s.Years[^1]),
        new("計画のライフサイクルコスト（円）", Number: s => s.PlanCost),
        new("事後保全のライフサイクルコスト（円）", Number: s => s.CorrectiveCost),
        new("縮減額（円）", Number: s => s.Saving),
        new("縮減率", Number: s => s.SavingRate),
    ];
}
