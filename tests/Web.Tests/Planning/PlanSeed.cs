using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Register;
using InfraLedger.Web.Tests.Register;

namespace InfraLedger.Web.Tests.Planning;

/// <summary>A tenant's bridges of 100 ㎡ with grades (I–IV) inspected in 2025, and E1's hazards (maintenance-planning.md §4) as its bridge model.</summary>
internal static class PlanSeed
{
    public static async Task BridgesAsync(AppDbContext db, string tenant, string prefix, params string[] grades)
    {
        for (var i = 0; i < grades.Length; i++)
        {
            var bridge = RegisterSeed.Facility(tenant, $"{prefix}{i}", $"{prefix}{i}橋");
            (bridge.Kind, bridge.YearBuilt, bridge.Quantity, bridge.QuantityKind) = (AssetKind.Bridge, 1970, 100m, QuantityKind.Area);
            await RegisterSeed.SaveAsync(db, bridge);
            var inspected = await Core.Inspections.InspectionRecords.RecordAsync(db, new(bridge.Code, null, "2025-06-01", null, grades[i], null, null, null), new DateOnly(2026, 6, 1), default);
            inspected.IsSuccess.ShouldBeTrue(inspected.Error?.Message);
        }

        var e1 = new HazardFit(4, [], new double[,] { { Math.Log(0.10) }, { Math.Log(0.15) }, { Math.Log(0.20) } }, new double[3, 3], [], 0, 0, 0);
        (await DeteriorationModels.ImportAsync(db, AssetKind.Bridge, DeteriorationModel.ToJson(e1), "e1.json", DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
    }
}
