using System.Text;
using InfraLedger.Core.Projection;
using InfraLedger.Core.Tenancy;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Projection;

/// <summary>Projections over the database: the tenant's register only, scenarios, recent investment and group projections.</summary>
public sealed class ProjectionsTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private const string Shizuoka = "221007";

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static ScenarioParameters Soumu => Presets.Find(Presets.Baseline)!.Parameters;

    private async Task AddBuildingAsync(string tenant, string code, int year, decimal area)
    {
        await using var db = database.Context(tenant);
        var f = RenewalProjectionTests.Building(year, area, code: code);
        db.Facilities.Add(new Core.Register.Facility
        {
            TenantId = tenant, Code = f.Code, Name = f.Name, Kind = f.Kind, UsageMajor = f.UsageMajor, Quantity = f.Quantity,
            QuantityKind = f.QuantityKind, YearBuilt = f.YearBuilt, ValidFrom = new DateOnly(2024, 4, 1), Version = 1,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task a_projection_reads_only_the_tenant_s_own_register()
    {
        await AddBuildingAsync(Yaizu, "Y1", 2014, 1000m);
        await AddBuildingAsync(Fujieda, "F1", 2014, 3000m);

        await using var db = database.Context(Yaizu);
        var seen = new List<long>();
        var result = Projections.Run(db, Soumu, 2024, new Progress(seen), default);

        // 1,000㎡ × 25万円 renovated in 2044–2045; 藤枝市's 3,000㎡ is not part of it.
        decimal.Round(result.GrandTotal).ShouldBe(250_000_000m);
        result.Stock.Single().Facilities.ShouldBe(1);
        seen.ShouldBe([1]);
    }

    [Fact]
    public async Task a_scenario_is_copied_from_a_preset_edited_with_checks_and_resolved_by_name()
    {
        await using (var db = database.Context(Yaizu))
        {
            (await Scenarios.CreateAsync(db, "長寿命化案", Presets.LifeExtension, default)).IsSuccess.ShouldBeTrue();
            (await Scenarios.CreateAsync(db, "長寿命化案", Presets.Baseline, default)).Error!.Code.ShouldBe("projection.scenario_exists");
            (await Scenarios.CreateAsync(db, "a/b", Presets.Baseline, default)).Error!.Code.ShouldBe("projection.scenario_name");
            (await Scenarios.CreateAsync(db, "..", Presets.Baseline, default)).Error!.Code.ShouldBe("projection.scenario_name");
            (await Scenarios.CreateAsync(db, "案", "nope", default)).Error!.Code.ShouldBe("projection.preset_not_found");

            var bad = Soumu with { Horizon = 0 };
            var refused = await Scenarios.UpdateAsync(db, "長寿命化案", bad, 1, default);
            refused.Error!.Field.ShouldBe("horizon");
            refused.Error.Message.ShouldBe("試算期間（年）「0」は 1〜100 の範囲で指定してください。");

            (await Scenarios.UpdateAsync(db, "長寿命化案", Soumu with { Horizon = 30 }, 1, default)).Value.Version.ShouldBe(2);
            (await Scenarios.UpdateAsync(db, "長寿命化案", Soumu, 1, default)).Error!.Code.ShouldBe("projection.scenario_changed");
        }

        await using (var read = database.Context(Yaizu))
        {
            var resolved = (await Scenarios.ResolveAsync(read, "長寿命化案", default)).Value;
            resolved.Parameters.Horizon.ShouldBe(30);
            resolved.ScenarioVersion.ShouldBe(2);
            resolved.PresetId.ShouldBe(Presets.LifeExtension);
            resolved.Label.ShouldBe("長寿命化案（シナリオ 第2版、プリセット life-extension 第1版から）");
            (await Scenarios.ResolveAsync(read, Presets.Baseline, default)).Value.IsPreset.ShouldBeTrue();
        }

        // Another tenant neither sees nor can change it.
        await using var other = database.Context(Fujieda);
        (await Scenarios.ResolveAsync(other, "長寿命化案", default)).Error!.Code.ShouldBe("projection.scenario_not_found");
        (await Scenarios.ListAsync(other, default)).ShouldBeEmpty();
        (await Scenarios.UpdateAsync(other, "長寿命化案", Soumu, 2, default)).Error!.Code.ShouldBe("projection.scenario_not_found");
        (await Scenarios.DeleteAsync(other, "長寿命化案", default)).Error!.Code.ShouldBe("projection.scenario_not_found");
    }

    public static TheoryData<Func<ScenarioParameters, ScenarioParameters>, string> BadParameters => new()
    {
        { p => p with { Cycles = [p.Cycles[0] with { Share = 0.5m }] }, "cycles" },
        { p => p with { Cycles = [p.Cycles[0] with { RebuildAge = 0 }] }, "cycles[0].rebuildAge" },
        { p => p with { Cycles = [p.Cycles[0] with { BacklogEvent = "存在しない改修" }] }, "cycles[0].backlogEvent" },
        { p => p with { Cycles = [p.Cycles[0] with { Events = [p.Cycles[0].Events[0] with { Ages = [70] }] }] }, "cycles[0].events[0].ages" },
        { p => p with { BuildingRates = [.. p.BuildingRates, new BuildingRate("学校教育系", 1, 1)] }, "buildingRates[13].category" },
        { p => p with { BuildingRates = [p.BuildingRates[0] with { Rebuild = -1 }, .. p.BuildingRates.Skip(1)] }, "buildingRates[0].rebuild" },
        { p => p with { FallbackCategory = "未知" }, "fallbackCategory" },
        { p => p with { Cycles = [p.Cycles[0] with { BacklogMinAge = 0 }] }, "cycles[0].backlogMinAge" },
        { p => p with { Bridges = p.Bridges with { Rates = [.. p.Bridges.Rates, p.Bridges.Rates[0]] } }, "bridges.rates[0].name" },
        { p => p with { Roads = p.Roads with { Types = [p.Roads.Types[0] with { Name = " " }, p.Roads.Types[1]] } }, "roads.types[0].name" },
        { p => p with { Roads = p.Roads with { DefaultType = "高速道路" } }, "roads.defaultType" },
        { p => p with { SewerPipes = p.SewerPipes with { Diameters = [new DiameterBand(0, 500, 1), new DiameterBand(400, null, 1)] } }, "sewerPipes.diameters[1].from" },
        { p => p with { Consolidations = [new Consolidation("集約", [], 2030, "市民文化系施設", 100)] }, "consolidations[0].facilityCodes" },
        { p => p with { Consolidations = [new Consolidation("集約", ["A"], 2030, "未知", 100)] }, "consolidations[0].category" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public void bad_parameters_are_refused_at_the_parameter(Func<ScenarioParameters, ScenarioParameters> change, string field)
    {
        ScenarioValidation.Check(Soumu).ShouldBeNull();
        ScenarioValidation.Check(Presets.Find(Presets.LifeExtension)!.Parameters).ShouldBeNull();

        var error = ScenarioValidation.Check(change(Soumu));

        error.ShouldNotBeNull().Field.ShouldBe(field);
        error.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void every_problem_is_reported_at_once_for_a_form_to_show()
    {
        var errors = ScenarioValidation.CheckAll(Soumu with { Horizon = 0, AnnualRepair = -1, DemolitionAddOn = -1 });

        errors.Select(e => e.Field).ShouldBe(["horizon", "demolitionAddOn", "annualRepair"], ignoreOrder: true);
        ScenarioValidation.Check(Soumu with { Horizon = 0, AnnualRepair = -1 })!.Field.ShouldBe("horizon");
    }

    [Fact]
    public async Task recent_investment_is_averaged_over_the_five_years_before_the_base_year()
    {
        await using (var db = database.Context(Yaizu))
        {
            var csv = "年度,既存更新分（円）,新規整備分（円）,用地取得分（円）,出典\n" + string.Join("\n",
                Enumerable.Range(2017, 7).Select(y => $"{y},\"{(y - 2016) * 1_000_000:N0}\",500000,0,決算統計")) + "\n";
            var imported = await RecentInvestments.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "inv.csv", commit: true, default);
            imported.Value.Problems.ShouldBeEmpty();
            imported.Value.Rows.ShouldBe(7);
        }

        await using (var read = database.Context(Yaizu))
        {
            // Base 2024: FY2019–2023, renewal 3..7 百万 → average 5,000,000 + 500,000.
            var average = (await RecentInvestments.AverageBeforeAsync(read, 2024, default))!;
            average.Years.ShouldBe([2019, 2020, 2021, 2022, 2023]);
            average.Total.ShouldBe(5_500_000m);
            average.Renewal.ShouldBe(5_000_000m);
        }

        await using var other = database.Context(Fujieda);
        (await RecentInvestments.AverageBeforeAsync(other, 2024, default)).ShouldBeNull();
    }

    [Fact]
    public async Task a_bad_investment_file_is_located_and_writes_nothing()
    {
        await using var db = database.Context(Yaizu);
        var csv = "年度,既存更新分,新規整備分,用地取得分,出典\n2020,100,0,0,決算統計\n2021,abc,0,0,決算統計\n2022,100,0,0,\n2020,5,0,0,決算統計\n";

        var result = await RecentInvestments.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "inv.csv", commit: true, default);

        result.Value.Problems.Select(p => (p.At.Row, p.Reason)).ShouldBe(
            [(3, "既存更新分「abc」は0以上の整数（円）で入力してください。"), (4, "出典を入力してください。"), (5, "2020年度 が 2行目 と重複しています。")]);
        (await db.RecentInvestments.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_group_projection_sums_its_members_and_only_members_may_run_it()
    {
        await AddBuildingAsync(Yaizu, "Y1", 2014, 1000m);
        await AddBuildingAsync(Fujieda, "F1", 2014, 3000m);
        await AddBuildingAsync(Shizuoka, "S1", 2014, 9000m);
        long groupId;
        await using (var admin = database.Context())
        {
            var group = new WideAreaGroup { Name = "志太榛原", Kind = WideAreaGroupKind.InfrastructureGroup, Members = [new() { MemberCode = Yaizu }, new() { MemberCode = Fujieda }] };
            admin.WideAreaGroups.Add(group);
            await admin.SaveChangesAsync();
            groupId = group.Id;
        }

        await using (var db = database.Context(Yaizu))
        {
            (await Projections.GroupsAsync(db, default)).Select(g => g.Name).ShouldBe(["志太榛原"]);
            var result = (await Projections.RunGroupAsync(db, groupId, Soumu, 2024, null, default)).Value;

            // Renovation 25万円/㎡ of 1,000 + 3,000㎡; 静岡市 is not a member.
            result.Members.Select(m => (m.Member.Code, decimal.Round(m.Result.GrandTotal))).ShouldBe([(Yaizu, 250_000_000m), (Fujieda, 750_000_000m)]);
            decimal.Round(result.Sum.GrandTotal).ShouldBe(1_000_000_000m);
            result.Sum.Stock.Single().Facilities.ShouldBe(2);
        }

        await using var outsider = database.Context(Shizuoka);
        (await Projections.GroupsAsync(outsider, default)).ShouldBeEmpty();
        (await Projections.RunGroupAsync(outsider, groupId, Soumu, 2024, null, default)).Error!.Code.ShouldBe("projection.group_not_found");
    }

    private sealed class Progress(List<long> seen) : IProgress<long>
    {
        public void Report(long value) => seen.Add(value);
    }
}
