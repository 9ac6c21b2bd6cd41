using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Core.Tests.Inspections;
using InfraLedger.Tests;

namespace InfraLedger.Core.Tests.Deterioration;

public sealed class DeteriorationModelsTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    // Ten bridges inspected on 2014-06-01 in grade I and again five years later: 6 still I, 2 in II, 1 in III, 1 in IV.
    // With every pair starting in state 1 over the same interval z, the likelihood is maximal where p_1j(z) equals the
    // observed shares, so θ_1 = −ln(6/10)/z exactly.
    private static readonly string[] Later = ["I", "I", "I", "I", "I", "I", "II", "II", "III", "IV"];
    private static readonly double Z = 1826 / 365.25;

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    internal static async Task SeedAsync(AppDbContext db)
    {
        for (var i = 0; i < Later.Length; i++)
        {
            var code = $"B{i}";
            await InspectionsTests.AddFacilityAsync(db, code, AssetKind.Bridge);
            (await Core.Inspections.InspectionRecords.RecordAsync(db, new(code, null, "2014-06-01", null, "I", null, null, null), Today, default)).IsSuccess.ShouldBeTrue();
            (await Core.Inspections.InspectionRecords.RecordAsync(db, new(code, null, "2019-06-01", null, Later[i], null, null, null), Today, default)).IsSuccess.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task a_model_fitted_from_the_tenants_inspections_reproduces_the_observed_share_that_stayed_in_grade_one()
    {
        await using var db = database.Context("222127");
        await SeedAsync(db);

        var model = (await DeteriorationModels.FitAsync(db, AssetKind.Bridge, [], null, DateTime.UtcNow, default)).Value;

        var fit = model.Fit();
        fit.Pairs.ShouldBe(10);
        fit.Hazards()[0].ShouldBe(-Math.Log(0.6) / Z, 1e-7);
        var p = fit.Chain().Transition(Z);
        p[0, 1].ShouldBe(0.2, 1e-6);
        p[0, 2].ShouldBe(0.1, 1e-6);
        (await DeteriorationModels.FindAsync(db, AssetKind.Bridge, default))!.Source.ShouldBe("自団体の点検から推定");
    }

    [Fact]
    public async Task the_forecast_starts_from_the_latest_grades_and_keeps_the_number_of_facilities()
    {
        await using var db = database.Context("222127");
        await SeedAsync(db);
        var model = (await DeteriorationModels.FitAsync(db, AssetKind.Bridge, [], null, DateTime.UtcNow, default)).Value;

        var forecast = await DeteriorationModels.ForecastAsync(db, model, 30, default);

        forecast[0].Facilities.ShouldBe([6, 2, 1, 1]);
        forecast.Count.ShouldBe(31);
        forecast.ShouldAllBe(f => Math.Abs(f.Facilities.Sum() - 10) < 1e-9);
        forecast[30].Facilities[3].ShouldBeGreaterThan(forecast[1].Facilities[3]);
    }

    [Fact]
    public async Task a_group_member_fits_a_pooled_model_over_every_members_inspections_and_an_outsider_is_refused()
    {
        long groupId;
        await using (var platform = database.Context())
        {
            var group = new WideAreaGroup { Name = "志太榛原インフラ群", Kind = WideAreaGroupKind.InfrastructureGroup, Members = [new() { MemberCode = "222127" }, new() { MemberCode = "222143" }] };
            platform.WideAreaGroups.Add(group);
            await platform.SaveChangesAsync();
            groupId = group.Id;
        }

        await using (var a = database.Context("222127"))
        {
            await SeedAsync(a);
        }

        await using (var b = database.Context("222143"))
        {
            await SeedAsync(b);
            var pooled = (await DeteriorationModels.FitAsync(b, AssetKind.Bridge, [], groupId, DateTime.UtcNow, default)).Value;
            pooled.Fit().Pairs.ShouldBe(20);
            pooled.Fit().Hazards()[0].ShouldBe(-Math.Log(0.6) / Z, 1e-7);
            pooled.Source.ShouldBe("広域グループ「志太榛原インフラ群」の2団体の点検から共同推定");
        }

        await using var outsider = database.Context("131016");
        (await DeteriorationModels.FitAsync(outsider, AssetKind.Bridge, [], groupId, DateTime.UtcNow, default)).Error!.Code.ShouldBe("deterioration.group_not_found");
    }

    [Fact]
    public async Task another_bodys_model_is_invisible_and_its_inspections_are_not_used_but_an_exported_model_can_be_imported()
    {
        string json;
        await using (var a = database.Context("222127"))
        {
            await SeedAsync(a);
            json = DeteriorationModels.Export((await DeteriorationModels.FitAsync(a, AssetKind.Bridge, [], null, DateTime.UtcNow, default)).Value);
        }

        await using var b = database.Context("222143");
        (await DeteriorationModels.FindAsync(b, AssetKind.Bridge, default)).ShouldBeNull();
        (await DeteriorationModels.ListAsync(b, default)).ShouldBeEmpty();
        (await DeteriorationModels.FitAsync(b, AssetKind.Bridge, [], null, DateTime.UtcNow, default)).Error!.Code.ShouldBe("deterioration.no_pairs");

        var imported = (await DeteriorationModels.ImportAsync(b, AssetKind.Bridge, json, "焼津市橋梁.json", DateTime.UtcNow, default)).Value;
        imported.Source.ShouldBe("取込: 焼津市橋梁.json");
        imported.Fit().Hazards()[0].ShouldBe(-Math.Log(0.6) / Z, 1e-7);
        (await DeteriorationModels.ImportAsync(b, AssetKind.Road, json, "x.json", DateTime.UtcNow, default)).Error!.Code.ShouldBe("deterioration.model_file");
        (await DeteriorationModels.ImportAsync(b, AssetKind.Bridge, "{\"states\":4}", "x.json", DateTime.UtcNow, default)).Error!.Code.ShouldBe("deterioration.model_file");
    }

    [Fact]
    public async Task covariates_from_the_register_are_accepted_and_unknown_ones_refused()
    {
        await using var db = database.Context("222127");
        await SeedAsync(db);

        (await DeteriorationModels.FitAsync(db, AssetKind.Bridge, ["traffic"], null, DateTime.UtcNow, default)).Error!.Code.ShouldBe("deterioration.covariate");
        // Every bridge has the same age at its first inspection: the age effect is not identifiable, and that is said.
        (await DeteriorationModels.FitAsync(db, AssetKind.Bridge, ["age"], null, DateTime.UtcNow, default)).Error!.Code.ShouldBe("deterioration.not_identifiable");
    }
}
