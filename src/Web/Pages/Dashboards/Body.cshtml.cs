using InfraLedger.Core.Dashboards;
using InfraLedger.Core.Database;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Pages.Dashboards;

/// <summary>
/// One municipality's public page: its 主要財政指標 of a year compared with its 類似団体, prefecture and nation and
/// over FY2011–FY2021, and the register figures it published (有形固定資産減価償却率, per-resident stock). Public.
/// </summary>
[AllowAnonymous]
public sealed class BodyModel(AppDbContext db) : DashboardPage
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public PublicDashboard.BodyPage? Data { get; private set; }

    [BindProperty(SupportsGet = true, Name = "code")]
    public string Code { get; set; } = "";

    protected override async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var code = Code;
        var parsed = LocalGovernmentCode.Parse(code);
        if (!parsed.IsSuccess)
        {
            return NotFound();
        }

        var body = await db.LocalGovernments.AsNoTracking().SingleOrDefaultAsync(l => l.Code == parsed.Value.Value, ct);
        if (body is null || body.Kind is LocalGovernmentKind.Prefecture or LocalGovernmentKind.Ward)
        {
            return NotFound();
        }

        var data = await PublicDashboard.BodyAsync(db, body, Year, ct);
        if (!data.IsSuccess)
        {
            Data = new PublicDashboard.BodyPage(body, null, null);
            return Refuse(data.Error!);
        }

        Data = data.Value;
        Year = data.Value.Fiscal?.FiscalYear;
        return Page();
    }

    public string Name => English ? Data!.Body.NameEn ?? Data.Body.Name : Data!.Body.Name;

    public Core.Common.Table? FiscalTable => Data?.Fiscal is not { } f ? null
        : Tables.Comparison("fiscal", L($"主要財政指標（{f.FiscalYear}年度）と比較", $"Key fiscal indicators ({f.FiscalYear}) compared"), f.Figures,
            Tables.Source(f.Source, f.FiscalYear) + L($" 類似団体区分: {GroupLabel(f.SimilarGroup)}。順位は値の大きい順。", $" Similar group: {GroupLabel(f.SimilarGroup)}. Rank 1 = largest."));

    public Core.Common.Table? FiscalSeries => Data?.Fiscal is not { } f ? null
        : Tables.Series("fiscal-series", L("主要財政指標の推移", "Key fiscal indicators over the years"), IndicatorDefinition.Fiscal, f.Series,
            Tables.Source(f.Source, f.LastYear).Replace($"{f.LastYear}年度", $"{f.FirstYear}〜{f.LastYear}年度", StringComparison.Ordinal));

    public Core.Common.Table? RegisterTable => Data?.Register is not { } r ? null
        : Tables.Comparison("register", L($"台帳の指標（{r.Year}年度末）と比較", $"Register figures (end of FY{r.Year}) compared"), r.Figures,
            Tables.Source(r.Source, r.Year) + L(" 比較の相手は同じ年度の値を公表した団体です。", " Compared with the bodies that published the same year."));

    public Core.Common.Table? RegisterSeries => Data?.Register is not { } r ? null
        : Tables.Series("register-series", L("台帳の指標の推移", "Register figures over the years"),
            [.. IndicatorDefinition.Register.Where(d => r.Series.Any(y => y.Texts.ContainsKey(d.Id)))], r.Series, Tables.Source(r.Source, r.Year));

    /// <summary>The 40-year renewal projection (総務省 preset) of the published register, by year and category (千円).</summary>
    public Core.Common.Table? ProjectionTable => Data?.Projection is not { } p ? null
        : Core.Projection.ProjectionTables.Annual(p, Core.Projection.ScenarioRef.Of(Core.Projection.Presets.Find(Core.Projection.Presets.Baseline)!)) with { Name = "projection" };

    /// <summary>The published 個別施設計画 summary: cost per year, grade shares per year, the saving against 事後保全.</summary>
    public IReadOnlyList<Core.Common.Table> PlanSummaryTables => Data?.Plan is not { } p ? []
        : [PlanTables.Costs(p.Summary, L), PlanTables.Grades(p.Summary, L), PlanTables.Saving(p.Summary, L)];

    protected override IEnumerable<(string Key, string? Value)> ViewParameters() => [("year", Number(Year))];

    protected override IEnumerable<Core.Common.Table> ViewTables() =>
        new[] { FiscalTable, FiscalSeries, RegisterTable, RegisterSeries, ProjectionTable }.OfType<Core.Common.Table>().Concat(PlanSummaryTables);

    private string GroupLabel(SimilarGroupAssignment? g) => g is null ? L("未登録", "not loaded") : $"{g.Group}（{g.FiscalYear}）";
}
