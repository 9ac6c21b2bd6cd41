using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Inspections;

/// <summary>
/// Sample inspections of the demo tenant's sample bridges (three 5-year cycles from FY2014), simulated from example
/// hazards (not estimated from any real data) and labelled as sample wherever shown: not 焼津市's inspection results.
/// </summary>
public static class DemoInspections
{
    private static readonly double[] ExampleHazards = [0.10, 0.05, 0.08];

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Inspections.AnyAsync(ct))
        {
            return;
        }

        var bridges = await db.Facilities.AsNoTracking().Where(f => f.Kind == AssetKind.Bridge && f.IsSample).OrderBy(f => f.Code).Select(f => f.Code).ToListAsync(ct);
        var random = new Random(8);
        long id = 0;
        foreach (var code in bridges)
        {
            var grade = 1 + random.Next(2);
            var on = new DateOnly(2014 + random.Next(5), 4 + random.Next(9), 1 + random.Next(28));
            for (var cycle = 0; cycle < 3 && on <= new DateOnly(2025, 3, 31); cycle++)
            {
                db.Inspections.Add(new Inspection
                {
                    TenantId = db.Scope.TenantId!, Id = ++id, FacilityCode = code, InspectedOn = on, Inspector = "デモ用サンプル", Scheme = GradeScheme.RoadStructure.Code,
                    Grade = grade, Findings = "サンプルデータ（実在の点検結果ではありません）", IsSample = true,
                });
                var years = 5.0;
                while (grade < 4 && (years -= -Math.Log(1 - random.NextDouble()) / ExampleHazards[grade - 1]) > 0)
                {
                    grade++;
                }

                on = on.AddYears(5);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
