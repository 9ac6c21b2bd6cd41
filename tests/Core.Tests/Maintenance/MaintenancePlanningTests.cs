using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Maintenance;
using InfraLedger.Core.Register;
using InfraLedger.Tests;

namespace InfraLedger.Core.Tests.Maintenance;

/// <summary>The policy comparison of a tenant's stock (CompareAsync): E1's figures scaled by the preset's prices, and another tenant's stock never in it.</summary>
public sealed class MaintenancePlanningTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private static readonly DateOnly Today = new(2025, 6, 1);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task the_tenants_stock_costs_e1s_stock_figures_at_the_presets_prices_and_another_tenants_bridges_are_not_in_it()
    {
        await using (var other = database.Context(Fujieda))
        {
            await BridgesAsync(other, "F", ["IV", "IV", "IV", "IV", "IV"]);
        }

        await using var db = database.Context(Yaizu);
        await BridgesAsync(db, "B", ["I", "I", "I", "II", "II", "II", "II", "III", "III", "IV"]);
        var e1 = new HazardFit(4, [], new double[,] { { Math.Log(0.10) }, { Math.Log(0.15) }, { Math.Log(0.20) } }, new double[3, 3], [], 0, 0, 0);
        (await DeteriorationModels.ImportAsync(db, AssetKind.Bridge, DeteriorationModel.ToJson(e1), "e1.json", DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();

        var comparison = await MaintenancePlanning.CompareAsync(db, AssetKind.Bridge, 30, 0.04, 2025, default);

        comparison.IsSuccess.ShouldBeTrue(comparison.Error?.Message);
        var corrective = comparison.Value.Results.Single(r => r.Policy.Name == "事後保全");
        corrective.Evaluated.ShouldBe(10);
        // maintenance-planning.md §4, E1 stock (30/40/20/10 %) under 事後保全 at 1000 per element in IV: year 0 = 100,
        // year 1 = 41.776808, 30-year undiscounted 1434.109221. Cost is linear in the price, so ten bridges of 100 ㎡ at
        // the preset's 床版取替 224,000 円/㎡ (22,400,000 円 a bridge, 22,400 × E1's 1000) cost 10 × 22.4 × E1's figures.
        const double Scale = 10 * 22_400_000 / 1000.0;
        corrective.YearCosts[0].ShouldBe(Scale * 100, 1e-6 * Scale * 100);
        corrective.YearCosts[1].ShouldBe(Scale * 41.776808, 1e-6 * Scale * 41.776808);
        corrective.Total(30).ShouldBe(Scale * 1434.109221, 1e-6 * Scale * 1434.109221);
        comparison.Value.Optimal.ShouldNotBeNull().Agree.ShouldBeTrue();

        await using var theirs = database.Context(Fujieda);
        (await MaintenancePlanning.CompareAsync(theirs, AssetKind.Bridge, 30, 0.04, 2025, default)).Error!.Code.ShouldBe("maintenance.no_model");
    }

    private static async Task BridgesAsync(AppDbContext db, string prefix, string[] grades)
    {
        for (var i = 0; i < grades.Length; i++)
        {
            var code = $"{prefix}{i}";
            var facility = new Facility { TenantId = db.Scope.TenantId!, Code = code, Name = code + "橋", Kind = AssetKind.Bridge, YearBuilt = 1970, Quantity = 100, QuantityKind = QuantityKind.Area };
            (await FacilityRegister.SaveAsync(db, facility, isNew: true, new DateOnly(2020, 4, 1), null, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
            (await Core.Inspections.InspectionRecords.RecordAsync(db, new(code, null, "2024-06-01", null, grades[i], null, null, null), Today, default)).IsSuccess.ShouldBeTrue();
        }
    }
}
