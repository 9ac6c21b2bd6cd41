using InfraLedger.Core.Common;
using InfraLedger.Core.Depreciation;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Register;
using InfraLedger.Tests;

namespace InfraLedger.Core.Tests.Indicators;

public sealed class RegisterIndicatorsTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private static readonly FiscalYear Fy2021 = new(2021);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static Facility School() => new()
    {
        TenantId = Yaizu, Code = "S1", Name = "焼津小学校", Kind = AssetKind.Building, UsageMajor = "学校教育系施設", UsageMinor = "学校",
        Quantity = 5000m, QuantityKind = QuantityKind.FloorArea, YearBuilt = 2015, Structure = "RC",
    };

    private static Facility Road() => new()
    {
        TenantId = Yaizu, Code = "R1", Name = "市道1号線", Kind = AssetKind.Road, Quantity = 1000m, QuantityKind = QuantityKind.Length, YearBuilt = 2020,
    };

    private static FixedAsset Asset(string number, string? facility, string assetClass, string account, decimal cost, int? life, DateOnly? acquired, DateOnly? disposed = null) => new()
    {
        TenantId = Yaizu, Number = number, FacilityCode = facility, Name = number, AssetClass = assetClass, Account = account,
        AcquisitionCost = cost, UsefulLife = life, AcquisitionDate = acquired, DisposalDate = disposed,
    };

    /// <summary>
    /// Hand-computed at the end of FY2021 with the default policy (翌年度から, 1円未満切捨て):
    /// A1 建物 1,000,000 / 10 years, acquired 2015-04-01 (FY2015): charged FY2016–FY2021 = 6 × 100,000 = 600,000.
    /// A2 土地 5,000,000: not depreciated, not in the ratio.
    /// A3 工作物 300,000 / 10, acquired 2020-03-31 (FY2019): FY2020–FY2021 = 2 × 30,000 = 60,000.
    /// A4 物品 100,000 / 5, acquired 2019-06-01 (FY2019): FY2020–FY2021 = 2 × 20,000 = 40,000.
    /// A5 建物 without 取得年月日: unknown, named, left out.
    /// Ratio = 700,000 ÷ 1,400,000 = 50%; without 物品 660,000 ÷ 1,300,000 = 50.769…% → 50.77.
    /// </summary>
    private static List<FixedAsset> Assets() =>
    [
        Asset("A1", "S1", "事業用資産", "建物", 1_000_000m, 10, new(2015, 4, 1)),
        Asset("A2", "S1", "事業用資産", "土地", 5_000_000m, null, new(2015, 4, 1)),
        Asset("A3", "R1", "インフラ資産", "工作物", 300_000m, 10, new(2020, 3, 31)),
        Asset("A4", "S1", "物品", "物品", 100_000m, 5, new(2019, 6, 1)),
        Asset("A5", "S1", "事業用資産", "建物", 200_000m, 22, null),
    ];

    [Fact]
    public void the_ratio_sums_accumulated_over_cost_of_depreciable_tangible_assets()
    {
        var snapshot = RegisterIndicators.Compute([School(), Road()], Assets(), Fy2021, IndicatorSettings.Default);

        snapshot.Total.Cost.ShouldBe(1_400_000m);
        snapshot.Total.Accumulated.ShouldBe(700_000m);
        snapshot.Total.Ratio.ShouldBe(50m);
        snapshot.ByAccount.Select(g => (g.Key, g.Ratio)).ShouldBe([("工作物", 20m), ("建物", 60m), ("物品", 40m)]);
        snapshot.ByFacility.Single(g => g.Key == "S1").Accumulated.ShouldBe(640_000m);
        snapshot.Unknown.Select(l => l.Asset.Number).ShouldBe(["A5"]);
        snapshot.Lines.Single(l => l.Asset.Number == "A2").InRatio.ShouldBeFalse();

        var withoutGoods = RegisterIndicators.Compute([School(), Road()], Assets(), Fy2021, IndicatorSettings.Default with { IncludeGoods = false });
        withoutGoods.Settings.Format(withoutGoods.Total.Ratio).ShouldBe("50.77");
    }

    [Fact]
    public void the_stock_table_gives_per_resident_stock_and_each_type_s_ratio()
    {
        var snapshot = RegisterIndicators.Compute([School(), Road()], Assets(), Fy2021, IndicatorSettings.Default);
        var rows = StockTable.Compute(snapshot, population: 1_000);

        var school = rows.Single(r => r.Type.Name == "学校施設");
        school.PerResident.ShouldBe(5m);          // 5,000 ㎡ ÷ 1,000 人
        school.Assets.Ratio.ShouldBe(64_000_000m / 1_100_000m);   // (600,000 + 40,000) × 100 ÷ (1,000,000 + 100,000)
        var road = rows.Single(r => r.Type.Name == "道路");
        road.PerResident.ShouldBe(1m);            // 1,000 m ÷ 1,000 人
        road.Assets.Ratio.ShouldBe(20m);
        rows.Single(r => r.Type.Name == "図書館").Stock.ShouldBeNull();
        StockTable.Compute(snapshot, population: null).ShouldAllBe(r => r.PerResident == null);
    }

    [Fact]
    public async Task a_past_year_reads_the_register_as_it_stood_and_a_disposed_asset_drops_out()
    {
        await using (var db = database.Context(Yaizu))
        {
            (await FacilityRegister.SaveAsync(db, School(), true, new DateOnly(2015, 4, 1), "開始", Now, default)).IsSuccess.ShouldBeTrue();
            (await FixedAssets.SaveAsync(db, Assets()[0], true, new DateOnly(2015, 4, 1), "開始", Now, default)).IsSuccess.ShouldBeTrue();
            var disposed = Assets()[0];
            disposed.DisposalDate = new DateOnly(2021, 10, 1);
            (await FixedAssets.SaveAsync(db, disposed, false, new DateOnly(2021, 10, 1), "除却", Now, default)).IsSuccess.ShouldBeTrue();
        }

        await using var read = database.Context(Yaizu);
        var fy2020 = await RegisterIndicators.ForYearAsync(read, new FiscalYear(2020), IndicatorSettings.Default, default);
        fy2020.Total.Accumulated.ShouldBe(500_000m);   // FY2016–FY2020
        fy2020.Total.Ratio.ShouldBe(50m);
        var fy2021 = await RegisterIndicators.ForYearAsync(read, Fy2021, IndicatorSettings.Default, default);
        fy2021.Total.Assets.ShouldBe(0);
        fy2021.Total.Ratio.ShouldBeNull();

        await using var other = database.Context(Fujieda);
        (await RegisterIndicators.ForYearAsync(other, new FiscalYear(2020), IndicatorSettings.Default, default)).Lines.ShouldBeEmpty();
    }

    [Fact]
    public void a_bad_setting_is_refused_with_its_key_and_the_allowed_values()
    {
        var error = IndicatorSettings.FromSettings(new Dictionary<string, string> { [IndicatorSettings.IncludeGoodsKey] = "はい" }).Error!;
        error.Message.ShouldBe("設定「indicators.include-goods」の値「はい」を判別できません（true、false のいずれか）。");
        IndicatorSettings.FromSettings(new Dictionary<string, string> { [DepreciationPolicy.FirstYearKey] = "monthly" }).Value.Policy.FirstYear
            .ShouldBe(FirstYearConvention.MonthlyProRata);
    }
}
