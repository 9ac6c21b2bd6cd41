using InfraLedger.Core.Projection;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Tests.Projection;

/// <summary>
/// Hand-computed oracles for each rule of renewal-projection.md §3–§5 under the 総務省 preset. Base FY2024, horizon
/// 40 (FY2024–2063). A 市民文化系施設 of 1,000㎡: rebuild 40万円/㎡ → 4億円 over 3 years (133,333,333.33 a year),
/// major renovation 25万円/㎡ → 2.5億円 over 2 years (1.25億円 a year).
/// </summary>
[Trait("Database", "any")] // no database
public class RenewalProjectionTests
{
    private const int Base = 2024;
    private const decimal RebuildPart = 400_000_000m / 3;

    private static ScenarioParameters Soumu => Presets.Find(Presets.Baseline)!.Parameters;

    private static ScenarioParameters LifeExtension => Presets.Find(Presets.LifeExtension)!.Parameters;

    private static int next;

    internal static Facility Building(int? year, decimal area = 1000m, string? major = "市民文化系施設", string? code = null) => new()
    {
        TenantId = "999999",
        Code = code ?? $"B{Interlocked.Increment(ref next)}",
        Name = "施設",
        Kind = AssetKind.Building,
        UsageMajor = major,
        Quantity = area,
        QuantityKind = QuantityKind.FloorArea,
        YearBuilt = year,
    };

    private static Facility Infra(AssetKind kind, decimal quantity, int? year, QuantityKind quantityKind = QuantityKind.Length,
        string? structure = null, decimal? width = null, int? diameter = null, string? minor = null) => new()
    {
        TenantId = "999999",
        Code = $"I{Interlocked.Increment(ref next)}",
        Name = "インフラ",
        Kind = kind,
        Quantity = quantity,
        QuantityKind = quantityKind,
        YearBuilt = year,
        Structure = structure,
        Width = width,
        Diameter = diameter,
        UsageMinor = minor,
    };

    private static SortedDictionary<int, decimal> Costs(ProjectionResult result) =>
        new(result.Years.Zip(result.Total).Where(x => x.Second != 0).ToDictionary(x => x.First, x => decimal.Round(x.Second, 2)));

    private static SortedDictionary<int, decimal> Expect(params (int From, int To, decimal Amount)[] spans)
    {
        var expected = new SortedDictionary<int, decimal>();
        foreach (var (from, to, amount) in spans)
        {
            for (var y = from; y <= to; y++)
            {
                expected[y] = decimal.Round(expected.GetValueOrDefault(y) + amount, 2);
            }
        }

        return expected;
    }

    public static TheoryData<int, (int, int, decimal)[]> BuildingAges => new()
    {
        // Age 10 (built 2014): renovation at 30 → 2044–2045; rebuild at 60 (2074) is past the horizon.
        { 2014, [(2044, 2045, 125_000_000m)] },
        // Age 30 (built 1994): renovation due in the base year itself (not backlog) → 2024–2025; rebuild 2054–2056.
        { 1994, [(2024, 2025, 125_000_000m), (2054, 2056, RebuildPart)] },
        // Age 45: missed renovation (31–50) spread over 2024–2033 (2,500万円 a year); rebuild at 60 → 2039–2041;
        // the next renovation (2069) is past the horizon.
        { 1979, [(2024, 2033, 25_000_000m), (2039, 2041, RebuildPart)] },
        // Age 55 (51–59): no retroactive renovation; rebuilt at 60 → 2029–2031; renovated 30 years later → 2059–2060.
        { 1969, [(2029, 2031, RebuildPart), (2059, 2060, 125_000_000m)] },
        // Age 60 and 75: rebuilt over the first 10 years (4,000万円 a year); the cycle restarts in 2024 → renovation 2054–2055.
        { 1964, [(2024, 2033, 40_000_000m), (2054, 2055, 125_000_000m)] },
        { 1949, [(2024, 2033, 40_000_000m), (2054, 2055, 125_000_000m)] },
        // Age 21: renovation 2033–2034; the rebuild falls in 2063 and only its first third is inside the horizon.
        { 2003, [(2033, 2034, 125_000_000m), (2063, 2063, RebuildPart)] },
    };

    [Theory]
    [MemberData(nameof(BuildingAges))]
    public void a_building_is_renovated_rebuilt_and_backlogged_by_its_age_in_the_base_year(int built, (int, int, decimal)[] expected)
    {
        var result = RenewalProjection.Run(Soumu, Base, [Building(built)]);

        Costs(result).ShouldBe(Expect(expected));
    }

    [Fact]
    public void the_event_types_split_the_same_costs_as_the_categories()
    {
        var result = RenewalProjection.Run(Soumu, Base, [Building(1979), Building(1964, 500m, "学校教育系施設")]);

        result.Events.Select(e => e.Name).ShouldBe(["積み残し（大規模改修）", "建替え", "積み残し（建替え）", "大規模改修"], ignoreOrder: true);
        decimal.Round(result.Events.Single(e => e.Name == "積み残し（大規模改修）").Total).ShouldBe(250_000_000m);
        // 学校教育系施設 500㎡ past 60: 33万円/㎡ → 1.65億円 over 10 years, then renovation 17万円/㎡ → 8,500万円 in 2054–2055.
        decimal.Round(result.Events.Single(e => e.Name == "積み残し（建替え）").Total).ShouldBe(165_000_000m);
        decimal.Round(result.Categories.Single(c => c.Name == "学校教育系施設").Total).ShouldBe(250_000_000m);
        decimal.Round(result.Events.Sum(e => e.Total)).ShouldBe(decimal.Round(result.GrandTotal));
    }

    [Fact]
    public void over_sixty_years_a_building_costs_its_area_times_rebuild_plus_renovation()
    {
        var sixty = Soumu with { Horizon = 60 };

        var result = RenewalProjection.Run(sixty, Base, [Building(2014, 1m)]);

        // (40万 + 25万) ÷ 60 ≈ 10,833円/㎡/year (renewal-projection.md §7.1).
        decimal.Round(result.GrandTotal).ShouldBe(650_000m);
        decimal.Round(result.AnnualAverage, 2).ShouldBe(10_833.33m);
    }

    [Theory]
    [InlineData("学校教育系施設", 8_333.33)]
    [InlineData("公営住宅", 7_500)]
    public void steady_state_figures_per_square_metre_match_the_domain_doc(string category, decimal perYear)
    {
        var result = RenewalProjection.Run(Soumu with { Horizon = 60 }, Base, [Building(2014, 1m, category)]);

        decimal.Round(result.AnnualAverage, 2).ShouldBe(perYear);
    }

    [Fact]
    public void centred_spreads_start_before_the_trigger_year()
    {
        var result = RenewalProjection.Run(Soumu with { SpreadAlignment = SpreadAlignment.Centred }, Base, [Building(1994), Building(2014)]);

        // Built 1994: renovation due 2024 → 2023–2024, of which only 2024 is in the horizon; rebuild due 2054 → 2053–2055.
        // Built 2014: renovation due 2044 → 2043–2044.
        Costs(result).ShouldBe(Expect((2024, 2024, 125_000_000m), (2053, 2055, RebuildPart), (2043, 2044, 125_000_000m)));
    }

    [Fact]
    public void counting_the_year_built_as_year_one_makes_a_thirty_year_old_building_a_backlog()
    {
        var result = RenewalProjection.Run(Soumu with { AgeBasis = AgeBasis.Inclusive }, Base, [Building(1994)]);

        // Age 31 → renovation backlog over 2024–2033; rebuild due at 1993 + 60 = 2053.
        Costs(result).ShouldBe(Expect((2024, 2033, 25_000_000m), (2053, 2055, RebuildPart)));
    }

    [Fact]
    public void the_demolition_add_on_raises_the_rebuild_price_only()
    {
        var result = RenewalProjection.Run(Soumu with { DemolitionAddOn = 23_000m }, Base, [Building(1969)]);

        Costs(result).ShouldBe(Expect((2029, 2031, 423_000_000m / 3), (2059, 2060, 125_000_000m)));
    }

    [Fact]
    public void categories_match_with_or_without_shisetsu_and_unknown_ones_take_the_fallback()
    {
        var result = RenewalProjection.Run(Soumu, Base, [Building(2014, 1000m, "学校教育系"), Building(2014, 1000m, "謎の分類"), Building(2014, 1000m, null)]);

        // 学校教育系: 17万円/㎡; その他: 20万円/㎡ (twice).
        result.Categories.Select(c => (c.Name, decimal.Round(c.Total))).ShouldBe([("学校教育系施設", 170_000_000m), ("その他", 400_000_000m)]);
    }

    [Fact]
    public void facilities_that_cannot_be_projected_are_counted_with_their_reason()
    {
        var closed = Building(1990);
        closed.Status = FacilityStatus.Closed;
        var planned = Building(2030);
        planned.Status = FacilityStatus.Planned;
        var park = Infra(AssetKind.Park, 5000m, 1990, QuantityKind.Area);
        var noYear = Building(null);
        var noArea = Building(1990, 0m);

        var result = RenewalProjection.Run(Soumu, Base, [closed, planned, park, noYear, noArea, Building(2014)]);

        result.Skipped.Select(s => (s.Reason, s.Count)).ShouldBe(
            [("廃止", 1), ("計画中", 1), ("試算方法の対象外の種別（公園・トンネル・その他）", 1), ("建築年度がない", 1), ("延床面積がない", 1)], ignoreOrder: true);
        result.Skipped.Single(s => s.Reason == "建築年度がない").Examples.ShouldBe([noYear.Code]);
        result.Stock.Single().ShouldBe(new ProjectedStock("市民文化系施設", 1, 1000m, "㎡"));
    }

    [Fact]
    public void roads_renew_a_fifteenth_of_their_area_every_year()
    {
        var road = Infra(AssetKind.Road, 1000m, 1970, QuantityKind.Area);
        var path = Infra(AssetKind.Road, 1000m, null, minor: "自転車歩行者道");       // length only: 1.5 m assumed → 1,500㎡
        var widened = Infra(AssetKind.Road, 100m, null, width: 6m);                    // 600㎡ of 一般道路
        var noWidth = Infra(AssetKind.Road, 100m, null);

        var result = RenewalProjection.Run(Soumu, Base, [road, path, widened, noWidth]);

        // 1,600㎡ × 4,700 ÷ 15 = 501,333.33 (≈313円/㎡/year); 1,500㎡ × 2,700 ÷ 15 = 270,000 (180円/㎡/year).
        result.Total.Select(v => decimal.Round(v, 2)).Distinct().ShouldBe([771_333.33m]);
        result.Total.Count.ShouldBe(40);
        result.Skipped.Single().Reason.ShouldBe("延長だけで幅員がない（面積を計算できない）");
        result.Stock.Single().ShouldBe(new ProjectedStock("道路", 3, 3100m, "㎡"));
    }

    [Fact]
    public void bridges_renew_at_sixty_by_structure_and_unknown_years_evenly()
    {
        var steel = Infra(AssetKind.Bridge, 100m, 1980, QuantityKind.Area, "鋼");        // 2040: 100 × 500,000
        var pcUnknownYear = Infra(AssetKind.Bridge, 60m, null, QuantityKind.Area, "PC橋"); // 60 × 425,000 ÷ 60 a year
        var oldUnknownStructure = Infra(AssetKind.Bridge, 10m, 1960, width: 10m);          // 100㎡ past 60: 448,000 over 10 years

        var result = RenewalProjection.Run(Soumu, Base, [steel, pcUnknownYear, oldUnknownStructure]);

        var expected = Expect((2024, 2063, 425_000m), (2040, 2040, 50_000_000m), (2024, 2033, 4_480_000m));
        Costs(result).ShouldBe(expected);
        result.Events.Select(e => e.Name).ShouldBe([RenewalProjection.InfraBacklog, RenewalProjection.InfraRenewal, RenewalProjection.InfraUnknownYear], ignoreOrder: true);
    }

    [Fact]
    public void an_unknown_year_and_structure_bridge_costs_about_7467_yen_per_square_metre_a_year()
    {
        var result = RenewalProjection.Run(Soumu, Base, [Infra(AssetKind.Bridge, 1m, null, QuantityKind.Area)]);

        decimal.Round(result.AnnualAverage, 2).ShouldBe(7_466.67m);
    }

    [Fact]
    public void water_pipes_are_priced_by_type_and_diameter_and_a_diameter_in_a_gap_is_reported()
    {
        var distribution = Infra(AssetKind.WaterPipe, 100m, 1990, diameter: 150, minor: "配水管"); // 2030: 100 × 97,000
        var conveyance = Infra(AssetKind.WaterPipe, 10m, 2000, diameter: 300, minor: "導水管");     // 2040: 10 × 114,000
        var gap = Infra(AssetKind.WaterPipe, 10m, 2000, diameter: 1900, minor: "配水管");
        var noType = Infra(AssetKind.WaterPipe, 10m, 2000, diameter: 100);
        var noDiameter = Infra(AssetKind.WaterPipe, 10m, 2000, minor: "配水管");
        var named = Infra(AssetKind.WaterPipe, 100m, 1990, diameter: 150);    // type from the name: 配水 → 配水管
        named.Name = "配水本管 第1区間";
        var minorWins = Infra(AssetKind.WaterPipe, 100m, 1990, diameter: 150, minor: "配水管");
        minorWins.Name = "導水路沿いの管";                                       // the 中分類 decides, not the name

        var result = RenewalProjection.Run(Soumu, Base, [distribution, conveyance, gap, noType, noDiameter, named, minorWins]);

        Costs(result).ShouldBe(Expect((2030, 2030, 3 * 9_700_000m), (2040, 2040, 1_140_000m)));
        result.Skipped.Select(s => s.Reason).ShouldBe(["配水管の口径 1900mm に当たる単価がない", "管種（導水管・送水管・配水管）が分からない", "口径がない"], ignoreOrder: true);
    }

    [Fact]
    public void sewer_pipes_are_priced_by_material_or_by_diameter()
    {
        var pvc = Infra(AssetKind.SewerPipe, 100m, 2000, structure: "硬質塩化ビニル管", diameter: 250); // 2050: 100 × 124,000
        var lined = Infra(AssetKind.SewerPipe, 100m, 2001, structure: "更生管", diameter: 600);           // 2051: 100 × 134,000
        var unknownYear = Infra(AssetKind.SewerPipe, 1m, null);                                 // 124,000 ÷ 50 = 2,480 a year

        var byMaterial = RenewalProjection.Run(Soumu, Base, [pvc, lined, unknownYear]);
        var byDiameter = RenewalProjection.Run(Soumu with { SewerPipes = Soumu.SewerPipes with { Pricing = SewerPricing.Diameter } }, Base, [pvc, lined]);

        Costs(byMaterial).ShouldBe(Expect((2024, 2063, 2_480m), (2050, 2050, 12_400_000m), (2051, 2051, 13_400_000m)));
        // 250mm: 61,000; 600mm: 295,000.
        Costs(byDiameter).ShouldBe(Expect((2050, 2050, 6_100_000m), (2051, 2051, 29_500_000m)));
    }

    [Fact]
    public void pipes_past_their_cycle_are_renewed_over_the_infrastructure_backlog_years()
    {
        var old = Infra(AssetKind.WaterPipe, 100m, 1970, diameter: 150, minor: "配水管"); // 54 years > 40

        var result = RenewalProjection.Run(Soumu with { InfraBacklogYears = 5 }, Base, [old]);

        // 9,700,000 over 2024–2028, then renewed again 40 years after the base year (2064, past the horizon).
        Costs(result).ShouldBe(Expect((2024, 2028, 1_940_000m)));
    }

    [Fact]
    public void the_life_extension_preset_extends_ninety_percent_and_adds_repairs()
    {
        var result = RenewalProjection.Run(LifeExtension, Base, [Building(2014)]);

        // 90% (900㎡) on the 80-year cycle: 中規模修繕 at 20 → 2034 (0.3 × 40万 × 900 = 1.08億); 大規模改修 at 40 → 2054–2055
        // (25万 × 900 = 2.25億); 中規模 at 60 (2074) is past the horizon. 10% on the 60-year cycle: renovation 2044–2045
        // (2,500万). Repairs 1,000円 × 1,000㎡ every year (100万 × 40).
        Costs(result).ShouldBe(Expect((2024, 2063, 1_000_000m), (2034, 2034, 108_000_000m), (2054, 2055, 112_500_000m), (2044, 2045, 12_500_000m)));
        decimal.Round(result.GrandTotal).ShouldBe(398_000_000m);
    }

    [Fact]
    public void the_life_extension_backlog_window_is_forty_one_to_fifty()
    {
        var result = RenewalProjection.Run(LifeExtension, Base, [Building(1979)]);

        // 90%: missed 40-year renovation 2.25億 over 2024–2033; 中規模 at 60 → 2039 (1.08億); rebuild at 80 → 2059–2061 (3.6億).
        // 10%: renovation backlog 2,500万 over 2024–2033; rebuild at 60 → 2039–2041 (4,000万). Repairs 100万 a year.
        Costs(result).ShouldBe(Expect(
            (2024, 2063, 1_000_000m), (2024, 2033, 22_500_000m + 2_500_000m), (2039, 2039, 108_000_000m),
            (2059, 2061, 120_000_000m), (2039, 2041, 40_000_000m / 3)));
    }

    [Fact]
    public void consolidated_facilities_stop_costing_when_the_new_building_is_built()
    {
        var a = Building(1994, 1000m, code: "A");
        var b = Building(2004, 500m, "社会教育系施設", code: "B");
        var scenario = Soumu with { Consolidations = [new Consolidation("複合化", ["A", "B"], 2030, "市民文化系施設", 1200m)] };

        var result = RenewalProjection.Run(scenario, Base, [a, b]);

        // A: renovation 2024–2025 kept, its rebuild (2054) dropped; B: renovation due 2034 dropped.
        // New 1,200㎡: built 2030–2032 (4.8億), renovated 2060–2061 (3億).
        Costs(result).ShouldBe(Expect((2024, 2025, 125_000_000m), (2030, 2032, 160_000_000m), (2060, 2061, 150_000_000m)));
        result.Events.Select(e => e.Name).ShouldContain(RenewalProjection.ConsolidatedBuild);
    }

    [Fact]
    public void excluded_facilities_cost_nothing_and_are_listed()
    {
        var result = RenewalProjection.Run(Soumu with { Excluded = ["X"] }, Base, [Building(1994, code: "X"), Building(2014)]);

        decimal.Round(result.GrandTotal).ShouldBe(250_000_000m);
        result.Skipped.Single().ShouldBe(new NotProjected("シナリオで除外", 1, ["X"]), new NotProjectedComparer());
    }

    [Fact]
    public void buckets_give_the_same_result_as_projecting_each_facility_alone()
    {
        var random = new Random(5);
        var facilities = Enumerable.Range(0, 300).Select(_ => Building(random.Next(1940, 2024), random.Next(50, 5000), random.Next(3) == 0 ? "学校教育系施設" : "行政系施設")).ToList();

        var together = RenewalProjection.Run(Soumu, Base, facilities);
        var alone = facilities.Select(f => RenewalProjection.Run(Soumu, Base, [f]).Total).ToList();

        for (var i = 0; i < 40; i++)
        {
            decimal.Round(together.Total[i], 4).ShouldBe(decimal.Round(alone.Sum(t => t[i]), 4));
        }
    }

    [Fact]
    public void presets_survive_a_json_round_trip_and_flag_their_unverified_parameters()
    {
        foreach (var preset in Presets.All)
        {
            var json = preset.Parameters.ToJson();
            ScenarioParameters.FromJson(json).ToJson().ShouldBe(json);
            preset.Parameters.Unverified.Select(u => u.Parameter).ShouldContain("spreadAlignment");
            preset.Parameters.Unverified.Select(u => u.Parameter).ShouldContain("waterPipes.tables");
        }

        Soumu.Cycles.Single().RebuildAge.ShouldBe(60);
        Soumu.BuildingRates.Count.ShouldBe(13);
    }

    [Theory]
    [InlineData("\"buildingRates\": null")]
    [InlineData("\"excluded\": null")]
    [InlineData("\"ageBasis\": 5")]
    [InlineData("\"spreadAlignment\": \"sideways\"")]
    public void a_parameter_file_with_a_null_list_or_an_unknown_choice_is_refused_when_read(string change)
    {
        var json = Soumu.ToJson();
        var key = change[..(change.IndexOf(':', StringComparison.Ordinal) + 1)];
        var start = json.IndexOf(key, StringComparison.Ordinal);
        var end = key.Contains("Rates", StringComparison.Ordinal) ? json.IndexOf(']', start) + 1 : json.IndexOfAny([',', '\n'], start + key.Length);
        var changed = json[..start] + change + json[end..];

        Should.Throw<System.Text.Json.JsonException>(() => ScenarioParameters.FromJson(changed));
    }

    private sealed class NotProjectedComparer : IEqualityComparer<NotProjected>
    {
        public bool Equals(NotProjected? x, NotProjected? y) => x!.Reason == y!.Reason && x.Count == y.Count && x.Examples.SequenceEqual(y.Examples);

        public int GetHashCode(NotProjected obj) => obj.Reason.GetHashCode(StringComparison.Ordinal);
    }
}
