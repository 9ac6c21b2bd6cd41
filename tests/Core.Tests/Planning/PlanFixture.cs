using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>A tenant's bridges with grades and E1's model (maintenance-planning.md §4), as the plan tests use them.</summary>
internal static class PlanFixture
{
    public static readonly DateOnly Today = new(2026, 6, 1);

    /// <summary>Bridges {prefix}0… of 100 ㎡ with the given grades (I–IV) inspected in 2025, and E1's hazards as the bridge model.</summary>
    public static async Task BridgesAsync(AppDbContext db, string prefix, string[] grades)
    {
        for (var i = 0; i < grades.Length; i++)
        {
            var code = $"{prefix}{i}";
            var facility = new Facility { TenantId = db.Scope.TenantId!, Code = code, Name = code + "橋", Kind = AssetKind.Bridge, YearBuilt = 1970, Quantity = 100, QuantityKind = QuantityKind.Area };
            (await FacilityRegister.SaveAsync(db, facility, isNew: true, new DateOnly(2020, 4, 1), null, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
            await InspectAsync(db, code, "2025-06-01", grades[i]);
        }

        var e1 = new HazardFit(4, [], new double[,] { { Math.Log(0.10) }, { Math.Log(0.15) }, { Math.Log(0.20) } }, new double[3, 3], [], 0, 0, 0);
        (await DeteriorationModels.ImportAsync(db, AssetKind.Bridge, DeteriorationModel.ToJson(e1), "e1.json", DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
    }

    public static async Task InspectAsync(AppDbContext db, string code, string date, string grade) =>
        (await Core.Inspections.InspectionRecords.RecordAsync(db, new(code, null, date, null, grade, null, null, null), Today, default)).IsSuccess.ShouldBeTrue();
}
