using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Deterioration;

public static partial class DeteriorationModels
{
    /// <summary>
    /// "Current practice" for <paramref name="kind"/>: the model with works (<see cref="RepairEstimator"/>) fitted to the
    /// tenant's own inspections on the kind's current scale and its works that say the grade they left — deterioration
    /// hazards and the repair rates per state that its improvements and works show, estimated together. Not stored: it
    /// follows the records as they are when asked.
    /// </summary>
    public static async Task<Result<RepairFit>> PracticeAsync(AppDbContext db, AssetKind kind, CancellationToken ct)
    {
        var scheme = (await GradeScales.LoadAsync(db, ct)).For(kind);
        var codes = await db.Facilities.AsNoTracking().Where(f => f.Kind == kind).Select(f => f.Code).ToListAsync(ct);
        var observations = await db.Inspections.AsNoTracking().Where(i => codes.Contains(i.FacilityCode) && i.Scheme == scheme.Code)
            .Select(i => new PairBuilder.Observation(i.FacilityCode, i.Member, i.InspectedOn, i.Grade)).ToListAsync(ct);
        var works = await db.MaintenanceWorks.AsNoTracking().Where(w => codes.Contains(w.FacilityCode) && w.GradeAfter != null)
            .Select(w => new PairBuilder.Work(w.FacilityCode, w.Member, w.CompletedOn, w.GradeAfter)).ToListAsync(ct);
        var levels = scheme.Levels.Count;
        var (pairs, used) = PairBuilder.BuildWithRepairs(observations, works.Where(w => w.GradeAfter >= 1 && w.GradeAfter <= levels));
        return pairs.Count == 0 ? Errors.NoPairs : RepairEstimator.Fit(pairs, levels, used);
    }

    /// <summary>The tenant's stock of the model's kind by latest grade (expected numbers per level); zeros when the model is on another scale than the kind's.</summary>
    public static async Task<double[]> StockNowAsync(AppDbContext db, DeteriorationModel model, CancellationToken ct)
    {
        // Latest grades are on the kind's current scale: a model of another scale (reassigned since) forecasts no stock.
        var current = (await GradeScales.LoadAsync(db, ct)).For(model.Kind).Code == model.Scheme;
        var states = model.Fit().States;
        var now = new double[states];
        foreach (var x in (await Inspections.InspectionRecords.LatestGradesAsync(db, ct)).Where(x => current && x.Kind == model.Kind))
        {
            now[Math.Min(x.Grade, states) - 1]++;
        }

        return now;
    }

    /// <summary>Year by year from <paramref name="now"/>: the distribution times the one-year step matrix (row s: where a facility in s at the start of a year is a year later).</summary>
    public static List<(int Year, double[] Facilities)> Project(double[] now, double[,] step, int years)
    {
        var n = now.Length;
        var result = new List<(int, double[])> { (0, now) };
        for (var y = 1; y <= years; y++)
        {
            var previous = result[^1].Item2;
            var next = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    next[j] += previous[i] * Math.Max(0, step[i, j]);
                }
            }

            result.Add((y, next));
        }

        return result;
    }
}
