using InfraLedger.Core.Audit;
using InfraLedger.Core.Common;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Register;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Indicators;

/// <summary>
/// Publishing a tenant's register figures and comparing them with the 類似団体, prefecture and nation among the bodies
/// that published. Four tenants, each with one building of 1,000,000 円 over 10 years (翌年度から, so at the end of
/// FY2021 the ratio is the years charged × 10%):
/// 焼津市 acquired FY2015 → 6 years, 60%; 藤枝市 FY2013 → 8 years, 80%; 島田市 FY2017 → 4 years, 40%;
/// 甲府市 FY2011 → fully depreciated, 999,999 円 (備忘価額 1円) → 99.9999%.
/// 類似団体 (FY2020 groups): 焼津市, 藤枝市, 甲府市 in 都市Ⅳ-2, 島田市 in 都市Ⅲ-2. Prefecture 22: 焼津, 藤枝, 島田.
/// </summary>
public sealed class RegisterPublicationTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private const string Shimada = "222097";
    private const string Kofu = "192015";
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private static readonly FiscalYear Fy2021 = new(2021);
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await SeedAsync(Yaizu, 2015, floorArea: 5_000m, population: 1_000);
        await SeedAsync(Fujieda, 2013, floorArea: 8_000m, population: 2_000);
        await SeedAsync(Shimada, 2017, floorArea: null, population: null);
        await SeedAsync(Kofu, 2011, floorArea: 3_000m, population: 1_000);
        await using var db = database.Context();
        db.StatisticsSources.Add(new StatisticsSource { Id = "similar-groups", Title = "類似団体区分", Publisher = "総務省", Licence = "テスト", Attribution = "テスト", Sha256 = "" });
        foreach (var (code, group) in new[] { (Yaizu, "都市Ⅳ-2"), (Fujieda, "都市Ⅳ-2"), (Kofu, "都市Ⅳ-2"), (Shimada, "都市Ⅲ-2") })
        {
            db.SimilarGroups.Add(new SimilarGroupAssignment { Code = code, FiscalYear = 2020, Group = group, SourceId = "similar-groups" });
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task SeedAsync(string code, int acquiredFy, decimal? floorArea, int? population)
    {
        await using var db = database.Context(code);
        var acquired = new DateOnly(acquiredFy, 4, 1);
        var facility = new Facility
        {
            TenantId = code, Code = "B1", Name = "本庁舎", Kind = AssetKind.Building, UsageMajor = "行政系施設", UsageMinor = "庁舎",
            Quantity = floorArea, QuantityKind = floorArea is null ? null : QuantityKind.FloorArea,
        };
        (await FacilityRegister.SaveAsync(db, facility, true, acquired, "開始", Now, default)).IsSuccess.ShouldBeTrue();
        var asset = new FixedAsset
        {
            TenantId = code, Number = "A1", FacilityCode = "B1", Name = "本庁舎 建物", AssetClass = "事業用資産", Account = "建物",
            AcquisitionCost = 1_000_000m, UsefulLife = 10, AcquisitionDate = acquired,
        };
        (await FixedAssets.SaveAsync(db, asset, true, acquired, "開始", Now, default)).IsSuccess.ShouldBeTrue();
        if (population is { } p)
        {
            db.Populations.Add(new TenantPopulation { TenantId = code, FiscalYear = 2021, Population = p, Basis = "住民基本台帳人口", Source = "テスト" });
            await db.SaveChangesAsync();
        }
    }

    private async Task<IndicatorReport> ReportAsync(string code)
    {
        await using var db = database.Context(code);
        return (await IndicatorReport.BuildAsync(db, Fy2021, default)).Value;
    }

    private async Task PublishAsync(string code)
    {
        await using var db = database.Context(code);
        var report = (await IndicatorReport.BuildAsync(db, Fy2021, default)).Value;
        (await RegisterPublication.PublishAsync(db, report, Now, default)).IsSuccess.ShouldBeTrue();
    }

    private static PublicIndicators.Figure Figure(IndicatorReport report, string id) => report.Compared!.Figures.Single(f => f.Definition.Id == id);

    [Fact]
    public async Task the_current_ratio_is_ranked_among_the_similar_group_the_prefecture_and_the_nation_of_publishers()
    {
        foreach (var code in new[] { Fujieda, Shimada, Kofu })
        {
            await PublishAsync(code);
        }

        var report = await ReportAsync(Yaizu);
        report.Compared!.Publishers.ShouldBe(3);
        report.Compared.Own.ShouldBe(RegisterPublication.Published.No);
        var ratio = Figure(report, IndicatorDefinition.AgingRatio);
        ratio.Value.ShouldBe(60m);
        // 類似団体: 60, 80, 99.9999 → average 239.9999 ÷ 3, 焼津 third.
        ratio.SimilarGroup.ShouldBe(new Standing(3, 239.9999m / 3, 80m, 3, 100m / 6));
        // 静岡県: 60, 80, 40 → average 60, 焼津 second.
        ratio.Prefecture.ShouldBe(new Standing(3, 60m, 60m, 2, 50m));
        // All: 40, 60, 80, 99.9999 → 焼津 third; percentile (1 below + ½ equal) ÷ 4 = 37.5.
        ratio.Nation.ShouldBe(new Standing(4, 69.999975m, 70m, 3, 37.5m));

        // Per resident: 焼津 5,000 ㎡ ÷ 1,000 = 5; 藤枝 8,000 ÷ 2,000 = 4; 甲府 3 ; 島田 has no floor area and is not counted.
        var floor = Figure(report, "floor-area-per-resident");
        floor.Value.ShouldBe(5m);
        floor.Nation.ShouldBe(new Standing(3, 4m, 4m, 1, 500m / 6));
        floor.Prefecture.Count.ShouldBe(2);

        // The 施設類型 row of the stock table carries the 類似団体内平均値 of its own ratio (庁舎: the same buildings).
        var stock = report.StockTableRows;
        stock.Rows.Single(r => r[1].Text == "庁舎")[^1].Number.ShouldBe(80.00m);
    }

    [Fact]
    public async Task publishing_writes_the_tenant_s_own_figures_once_with_an_audit_event_and_a_changed_register_shows_as_different()
    {
        await PublishAsync(Fujieda);
        await PublishAsync(Yaizu);
        await PublishAsync(Yaizu);   // again: replaces, does not add

        await using (var db = database.Context())
        {
            var rows = await db.PublicIndicatorValues.Where(v => v.SourceId == RegisterPublication.SourceId).ToListAsync();
            rows.Where(r => r.Code == Yaizu).Select(r => r.Indicator).ShouldBe(
                [IndicatorDefinition.AgingRatio, "floor-area-per-resident", IndicatorDefinition.StockRatioPrefix + "庁舎"], ignoreOrder: true);
            rows.Single(r => r.Code == Yaizu && r.Indicator == IndicatorDefinition.AgingRatio).Text.ShouldBe("60");
            rows.Where(r => r.Code == Yaizu).ShouldAllBe(r => r.BodyName == "焼津市" && r.PrefectureName == "静岡県");
            rows.Count(r => r.Code == Fujieda).ShouldBe(3);
            (await db.StatisticsSources.SingleAsync(s => s.Id == RegisterPublication.SourceId)).RowCount.ShouldBe(6);
            (await PublicIndicators.YearsAsync(db, default)).ShouldBeEmpty();   // the 主要財政指標 years are not affected
        }

        await using (var db = database.Context(Yaizu))
        {
            (await AuditTrail.RecentAsync(db, 2, default)).Select(e => e.Action).ShouldBe(["Published", "Published"]);
            (await AuditTrail.VerifyAsync(db, default)).FirstBreak.ShouldBeNull();
        }

        (await ReportAsync(Yaizu)).Compared!.Own.ShouldBe(RegisterPublication.Published.Same);
        await using (var db = database.Context(Yaizu))
        {
            var disposed = await db.FixedAssets.SingleAsync();
            disposed.DisposalDate = new DateOnly(2021, 10, 1);
            (await FixedAssets.SaveAsync(db, disposed, false, new DateOnly(2021, 10, 1), "除却", Now, default)).IsSuccess.ShouldBeTrue();
        }

        (await ReportAsync(Yaizu)).Compared!.Own.ShouldBe(RegisterPublication.Published.Different);
    }

    [Fact]
    public async Task withdrawing_removes_only_the_tenant_s_year_and_an_empty_register_is_refused()
    {
        await PublishAsync(Fujieda);
        await PublishAsync(Yaizu);
        await using (var db = database.Context(Yaizu))
        {
            (await RegisterPublication.WithdrawAsync(db, Fy2021, Now, default)).ShouldBe(3);
            (await RegisterPublication.WithdrawAsync(db, Fy2021, Now, default)).ShouldBe(0);
            (await AuditTrail.RecentAsync(db, 1, default)).Single().Action.ShouldBe("Withdrawn");
        }

        await using (var db = database.Context(Fujieda))
        {
            // FY2010: nothing was on the books yet.
            var empty = (await IndicatorReport.BuildAsync(db, new FiscalYear(2010), default)).Value;
            var refused = await RegisterPublication.PublishAsync(db, empty, Now, default);
            refused.Error!.Message.ShouldBe("2010年度末の有形固定資産減価償却率を計算できる台帳データがありません。");
        }

        await using var all = database.Context();
        (await all.PublicIndicatorValues.Select(v => v.Code).Distinct().ToListAsync()).ShouldBe([Fujieda]);
    }
}
