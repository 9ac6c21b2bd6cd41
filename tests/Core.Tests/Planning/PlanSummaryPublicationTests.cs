using System.Text;
using InfraLedger.Core.OpenData;
using InfraLedger.Core.Planning;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>
/// Issue 20 item 6: a tenant publishes its decided plan's summary to its public dashboard and as the open dataset
/// <c>plan</c>; only that tenant's summary appears, and withdrawing removes it from both.
/// </summary>
public sealed class PlanSummaryPublicationTests : IAsyncLifetime
{
    private const string Yaizu = "222127", Fujieda = "222143";
    private static readonly DateTime Now = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;

    // A hand-made summary: three years, two sources, four grades; 事後保全 1,000,000,000 yen against the plan's 700,000,000.
    private static readonly PlanSummary Summary = new(
        "橋梁長寿命化修繕計画（令和8年度決定）",
        [2026, 2027, 2028],
        [new(2026, "国費", 50_000_000), new(2026, "単費", 30_000_000), new(2027, "国費", 40_000_000), new(2028, "単費", 20_000_000)],
        ["I", "II", "III", "IV"],
        [new(2026, [0.40m, 0.35m, 0.20m, 0.05m]), new(2027, [0.45m, 0.33m, 0.20m, 0.02m]), new(2028, [0.50m, 0.30m, 0.20m, 0m])],
        700_000_000, 1_000_000_000);

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task a_published_summary_appears_in_the_catalogue_downloads_and_dashboard_of_that_tenant_only_and_withdrawing_removes_it()
    {
        await using (var db = database.Context(Yaizu))
        {
            var published = await PlanSummaryPublication.PublishAsync(db, Summary, "cc-by-4.0", OpenDataLicences.Default, Now, default);
            published.IsSuccess.ShouldBeTrue(published.Error?.Message);
        }

        await using (var anyone = database.Context())
        {
            var catalog = await Catalog.LoadAsync(anyone, "https://example.jp", OpenDataLicences.Default, default);
            var package = catalog.Packages.ShouldHaveSingleItem();
            package.Name.ShouldBe("222127-maintenance-plan");
            package.Title.ShouldBe("焼津市 個別施設計画の概要");
            package.Resources.Count.ShouldBe(9); // 3 tables × CSV, XLSX, JSON
            var dashboard = (await PlanSummaryPublication.OfBodyAsync(anyone, Yaizu, default)).ShouldNotBeNull();
            dashboard.Summary.CostOf(2026).ShouldBe(80_000_000);
            dashboard.Summary.Saving.ShouldBe(300_000_000);
            dashboard.Summary.SavingRate.ShouldBe(0.3m);
            dashboard.Summary.GradeShares[2].Shares.ShouldBe([0.50m, 0.30m, 0.20m, 0m]);
            (await PlanSummaryPublication.OfBodyAsync(anyone, Fujieda, default)).ShouldBeNull();
            (await PlanSummaryPublication.AllAsync(anyone, "22", default)).Select(p => p.Code).ShouldBe([Yaizu]);
            (await PlanSummaryPublication.AllAsync(anyone, "13", default)).ShouldBeEmpty();
        }

        (await CsvAsync(Yaizu, "plan-costs")).ShouldBe(
            "全国地方公共団体コード,団体名,計画,年度,財源,概算費用（円）\n" +
            "222127,焼津市,橋梁長寿命化修繕計画（令和8年度決定）,2026,単費,30000000\n" +
            "222127,焼津市,橋梁長寿命化修繕計画（令和8年度決定）,2026,国費,50000000\n" +
            "222127,焼津市,橋梁長寿命化修繕計画（令和8年度決定）,2027,国費,40000000\n" +
            "222127,焼津市,橋梁長寿命化修繕計画（令和8年度決定）,2028,単費,20000000\n");
        (await CsvAsync(Yaizu, "plan-grades")).Split('\n')[4].ShouldBe("222127,焼津市,橋梁長寿命化修繕計画（令和8年度決定）,2026,IV,0.05");
        (await CsvAsync(Yaizu, "plan-saving")).Split('\n')[1].ShouldBe("222127,焼津市,橋梁長寿命化修繕計画（令和8年度決定）,2026,2028,700000000,1000000000,300000000,0.3");
        (await OpenAsync(Fujieda, "plan-costs")).Error!.Code.ShouldBe("opendata.not_published");

        await using (var db = database.Context(Yaizu))
        {
            (await PlanSummaryPublication.WithdrawAsync(db, default)).IsSuccess.ShouldBeTrue();
            (await PlanSummaryPublication.WithdrawAsync(db, default)).Error!.Code.ShouldBe("planning.summary_not_published");
        }

        await using var after = database.Context();
        (await Catalog.LoadAsync(after, "https://example.jp", OpenDataLicences.Default, default)).Packages.ShouldBeEmpty();
        (await PlanSummaryPublication.OfBodyAsync(after, Yaizu, default)).ShouldBeNull();
        (await PlanSummaryPublication.AllAsync(after, null, default)).ShouldBeEmpty();
        (await OpenAsync(Yaizu, "plan-costs")).Error!.Code.ShouldBe("opendata.not_published");
    }

    [Fact]
    public async Task withdrawing_the_dataset_from_the_open_data_page_withdraws_the_dashboards_summary_too()
    {
        await using var db = database.Context(Yaizu);
        (await PlanSummaryPublication.PublishAsync(db, Summary, "cc-by-4.0", OpenDataLicences.Default, Now, default)).IsSuccess.ShouldBeTrue();

        (await Publication.WithdrawAsync(db, DatasetKind.Plan, default)).IsSuccess.ShouldBeTrue();

        (await PlanSummaryPublication.OfBodyAsync(db, Yaizu, default)).ShouldBeNull();
    }

    [Fact]
    public async Task a_wrong_summary_or_licence_is_refused_in_japanese_and_nothing_is_written()
    {
        await using var db = database.Context(Yaizu);
        var shares = Summary with { GradeShares = [new(2026, [0.5m, 0.5m, 0.5m, 0m]), Summary.GradeShares[1], Summary.GradeShares[2]] };
        var outside = Summary with { Costs = [new(2030, "国費", 1)] };
        var negative = Summary with { CorrectiveCost = -1 };

        (await PlanSummaryPublication.PublishAsync(db, shares, "cc-by-4.0", OpenDataLicences.Default, Now, default)).Error!.Message
            .ShouldBe("公表する計画の概要が正しくありません: 2026年度の健全度の分布は区分ごとの0〜1の割合で、合計を1にしてください。");
        (await PlanSummaryPublication.PublishAsync(db, outside, "cc-by-4.0", OpenDataLicences.Default, Now, default)).Error!.Message.ShouldContain("費用の年度 2030 が計画期間にありません");
        (await PlanSummaryPublication.PublishAsync(db, negative, "cc-by-4.0", OpenDataLicences.Default, Now, default)).Error!.Code.ShouldBe("planning.summary");
        (await PlanSummaryPublication.PublishAsync(db, Summary, "MIT", OpenDataLicences.Default, Now, default)).Error!.Field.ShouldBe("licence");
        (await Publication.PublishAsync(db, DatasetKind.Plan, "cc-by-4.0", OpenDataLicences.Default, Now, default)).Error!.Code.ShouldBe("opendata.plan_summary");

        (await db.PublishedPlanSummaries.CountAsync()).ShouldBe(0);
        (await db.OpenDatasets.CountAsync()).ShouldBe(0);
        (await db.AuditEvents.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public void the_costs_of_a_solved_programme_are_summed_per_year_and_source()
    {
        var plan = new ProgrammePlan(SolveMethod.Heuristic,
            [new("B1", 2026, "補修", 100, 1, "国費"), new("B2", 2026, "補修", 50, 1, "国費"), new("B3", 2027, "更新", 70, 1, "単費")], false, null);

        PlanSummary.CostsOf(plan).ShouldBe([new PlanSummaryCost(2026, "国費", 150), new PlanSummaryCost(2027, "単費", 70)]);
    }

    private async Task<InfraLedger.Core.Common.Result<Downloads.File>> OpenAsync(string tenant, string table)
    {
        await using var db = database.Context(tenant);
        var body = await db.LocalGovernments.SingleAsync(b => b.Code == tenant);
        return await Downloads.OpenAsync(db, body, DatasetKind.Plan, table, default);
    }

    private async Task<string> CsvAsync(string tenant, string table)
    {
        await using var db = database.Context(tenant);
        var body = await db.LocalGovernments.SingleAsync(b => b.Code == tenant);
        var file = (await Downloads.OpenAsync(db, body, DatasetKind.Plan, table, default)).Value;
        using var output = new MemoryStream();
        await file.WriteAsync(ResourceFormat.Find("csv")!, output, bom: false, default);
        return Encoding.UTF8.GetString(output.ToArray()).ReplaceLineEndings("\n");
    }
}
