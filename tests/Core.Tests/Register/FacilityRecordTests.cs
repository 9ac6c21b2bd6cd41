using InfraLedger.Core.Common;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Register;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Register;

/// <summary>施設カルテ (issue 21 item 3): the record's book values are the indicators page's, pinned to the domain rules.</summary>
public sealed class FacilityRecordTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.Context(Yaizu);
        foreach (var f in new[] { School("S1", "焼津小学校"), School("S2", "大井川小学校") })
        {
            (await FacilityRegister.SaveAsync(db, f, true, new DateOnly(1998, 3, 20), "開始", Now, default)).IsSuccess.ShouldBeTrue();
        }

        foreach (var a in Assets())
        {
            (await FixedAssets.SaveAsync(db, a, true, new DateOnly(1998, 3, 20), "開始", Now, default)).IsSuccess.ShouldBeTrue();
        }

        // Past versions: K-4 belongs to S1 until it moves to S2 on 2018-04-01 (FY2018); K-5 of S1 is deleted on 2019-04-01.
        var moved = Asset("K-4", "S2", "事業用資産", "建物", 10_000_000m, 50, new(2000, 4, 1));
        (await FixedAssets.SaveAsync(db, moved, false, new DateOnly(2018, 4, 1), "所管替", Now, default)).IsSuccess.ShouldBeTrue();
        RegisterHistory.Delete(db, await db.FixedAssets.SingleAsync(a => a.Number == "K-5"), new DateOnly(2019, 4, 1), "誤記載", Now);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static Facility School(string code, string name) => new()
    {
        TenantId = Yaizu, Code = code, Name = name, Kind = AssetKind.Building, UsageMajor = "学校教育系施設", UsageMinor = "学校",
        Quantity = 5000m, QuantityKind = QuantityKind.FloorArea, YearBuilt = 1998, Structure = "RC", Latitude = 34.867, Longitude = 138.323,
    };

    private static FixedAsset Asset(string number, string facility, string assetClass, string account, decimal cost, int? life, DateOnly acquired) => new()
    {
        TenantId = Yaizu, Number = number, FacilityCode = facility, Name = number, AssetClass = assetClass, Account = account,
        AcquisitionCost = cost, UsefulLife = life, AcquisitionDate = acquired,
    };

    /// <summary>
    /// Worked example from register-and-depreciation.md: §6.1 鉄筋コンクリート造の学校 47 years; §5 定額法, charge =
    /// 取得価額 ÷ 耐用年数 = 47,000,000 ÷ 47 = 1,000,000 a year; §5 a fully depreciated asset keeps 備忘価額 1円.
    /// With the default policy (翌年度から, [U]) the school building acquired 1998-03-20 (FY1997) is charged FY1998–FY2021,
    /// 24 years: 減価償却累計額 24,000,000, 帳簿価額 23,000,000 at the end of FY2021. 物品 100,000 / 5 years acquired in
    /// FY2010 ended its life in FY2015: 帳簿価額 1円. 土地 is not depreciated (§3): 帳簿価額 = 取得価額.
    /// </summary>
    private static List<FixedAsset> Assets() =>
    [
        Asset("K-1", "S1", "事業用資産", "建物", 47_000_000m, 47, new(1998, 3, 20)),
        Asset("K-2", "S1", "物品", "物品", 100_000m, 5, new(2010, 6, 1)),
        Asset("K-3", "S1", "事業用資産", "土地", 5_000_000m, null, new(1998, 3, 20)),
        Asset("O-1", "S2", "事業用資産", "建物", 20_000_000m, 50, new(2000, 4, 1)),
        Asset("K-4", "S1", "事業用資産", "建物", 10_000_000m, 50, new(2000, 4, 1)),
        Asset("K-5", "S1", "事業用資産", "工作物", 3_000_000m, 30, new(2001, 4, 1)),
    ];

    [Fact]
    public async Task book_values_follow_the_worked_example_of_the_domain_document()
    {
        await using var db = database.Context(Yaizu);
        var record = (await FacilityRecord.LoadAsync(db, "S1", 2021, Now, default)).Value!;

        var building = record.Assets.Single(l => l.Asset.Number == "K-1").Position;
        (building.Cost, building.Accumulated, building.BookValue).ShouldBe((47_000_000m, 24_000_000m, 23_000_000m));
        record.Assets.Single(l => l.Asset.Number == "K-2").Position.BookValue.ShouldBe(1m);
        record.Assets.Single(l => l.Asset.Number == "K-3").Position.BookValue.ShouldBe(5_000_000m);
        record.Assets.Select(l => l.Asset.Number).ShouldBe(["K-1", "K-2", "K-3"], "the other school's asset is not this facility's");
        record.AllAssets.BookValue.ShouldBe(23_000_000m + 1m + 5_000_000m);
    }

    [Theory]
    [InlineData(2005, "K-1 K-3 K-4 K-5")]
    [InlineData(2017, "K-1 K-2 K-3 K-4 K-5")] // before the move and the deletion: their past versions
    [InlineData(2018, "K-1 K-2 K-3 K-5")]
    [InlineData(2021, "K-1 K-2 K-3")]
    public async Task book_values_equal_the_indicators_page_for_the_same_facility_and_year(int year, string numbers)
    {
        await using var db = database.Context(Yaizu);
        var record = (await FacilityRecord.LoadAsync(db, "S1", year, Now, default)).Value!;
        var indicators = await RegisterIndicators.ForYearAsync(db, new FiscalYear(year), IndicatorSettings.Default, default);

        record.Assets.Select(l => l.Asset.Number).ShouldBe(numbers.Split(' '));

        // The indicators page's per-facility group (RatioByFacility) and its drill-down (AssetsTable, facility=S1).
        var group = indicators.ByFacility.Single(g => g.Key == "S1");
        (record.InRatio.Cost, record.InRatio.Accumulated, record.InRatio.BookValue, record.InRatio.Assets)
            .ShouldBe((group.Cost, group.Accumulated, group.BookValue, group.Assets));
        var drill = IndicatorReport.AssetsTable(indicators, null, null, "S1").Rows
            .Select(r => (r[0].Text, r[9].Number, r[10].Number, r[11].Number)).ToList();
        record.Assets.Select(l => ((string?)l.Asset.Number, (decimal?)l.Position.Cost, (decimal?)l.Position.Accumulated, (decimal?)l.Position.BookValue)).ToList()
            .ShouldBe(drill);
    }

    [Fact]
    public async Task the_record_also_projects_the_renewal_cost_with_the_baseline_preset()
    {
        await using var db = database.Context(Yaizu);
        var record = (await FacilityRecord.LoadAsync(db, "S1", 2021, Now, default)).Value!;

        record.RenewalCost.Scenario.PresetId.ShouldBe(Core.Projection.Presets.Baseline);
        record.RenewalCost.NotProjected.ShouldBeNull();
        record.RenewalCost.Total.ShouldBeGreaterThan(0m);
        FacilityRecordTables.Tables(record).Select(t => t.Title).ShouldBe(["施設", "資産", "点検", "工事・補修", "住民通報", "更新費用", "履歴"]);
    }

    [Fact]
    public async Task another_tenant_has_no_such_facility_and_a_bad_year_is_refused()
    {
        await using (var other = database.Context(Fujieda))
        {
            (await FacilityRecord.LoadAsync(other, "S1", 2021, Now, default)).Value.ShouldBeNull();
        }

        await using var db = database.Context(Yaizu);
        (await FacilityRecord.LoadAsync(db, "NONE", 2021, Now, default)).Value.ShouldBeNull();
        var bad = await FacilityRecord.LoadAsync(db, "S1", 1700, Now, default);
        bad.IsSuccess.ShouldBeFalse();
        bad.Error!.Message.ShouldContain("1700");
    }
}
