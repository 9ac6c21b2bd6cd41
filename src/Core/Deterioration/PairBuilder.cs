namespace InfraLedger.Core.Deterioration;

/// <summary>
/// Inspection pairs from a facility's (or member's) consecutive inspections (domain doc §7.3, §14): the interval in
/// years (days / 365.25); a pair that spans a work is counted from the last such work, starting at the grade the work
/// left (when the work does not say, the pair is dropped); a pair whose grade improved without a recorded work is
/// dropped (an unrecorded repair); unchanged pairs are kept.
/// </summary>
public static class PairBuilder
{
    public sealed record Observation(string FacilityCode, string Member, DateOnly On, int Grade);

    public sealed record Work(string FacilityCode, string Member, DateOnly On, int? GradeAfter);

    public sealed record Built(string FacilityCode, DateOnly Start, InspectionPair Pair);

    public static List<Built> Build(IEnumerable<Observation> inspections, IEnumerable<Work> works)
    {
        var worksOf = works.GroupBy(w => w.FacilityCode).ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<Built>();
        foreach (var series in inspections.GroupBy(i => (i.FacilityCode, i.Member)).OrderBy(g => g.Key.FacilityCode, StringComparer.Ordinal).ThenBy(g => g.Key.Member, StringComparer.Ordinal))
        {
            var list = series.GroupBy(i => i.On).Select(g => g.OrderByDescending(i => i.Grade).First()).OrderBy(i => i.On).ToList();
            var facilityWorks = worksOf.GetValueOrDefault(series.Key.FacilityCode) ?? [];
            for (var k = 1; k < list.Count; k++)
            {
                var (a, b) = (list[k - 1], list[k]);
                var between = facilityWorks.Where(w => (w.Member.Length == 0 || w.Member == series.Key.Member) && w.On > a.On && w.On <= b.On)
                    .OrderBy(w => w.On).ToList();
                var (from, start) = (a.Grade, a.On);
                if (between.Count > 0)
                {
                    if (between[^1].GradeAfter is not { } after)
                    {
                        continue;
                    }

                    (from, start) = (after, between[^1].On);
                }

                var years = (b.On.DayNumber - start.DayNumber) / 365.25;
                if (b.Grade >= from && years > 0)
                {
                    result.Add(new Built(series.Key.FacilityCode, start, new InspectionPair(from, b.Grade, years)));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The pairs of the model with works (<see cref="RepairEstimator"/>): every pair of consecutive observations, improved
    /// ones included, where a work that says the grade it left is an observation too (of that grade, on its completion
    /// date, after an inspection of the same day; of several works on one day the last in the list). A pair that ends at
    /// a work leaving a better grade than the last one seen is a repair at a known time (<see cref="InspectionPair.ByWork"/>);
    /// a work that leaves the same or a worse grade is an ordinary observation of it. A work without the grade it left is
    /// no observation: the pair across it stays whole and its effect shows in the next grade. A work on the day of the
    /// inspection before it makes no pair (no time passed). Returns the pairs and how many works were used.
    /// </summary>
    public static (List<InspectionPair> Pairs, int Works) BuildWithRepairs(IEnumerable<Observation> inspections, IEnumerable<Work> works)
    {
        var worksOf = works.Where(w => w.GradeAfter is not null).GroupBy(w => w.FacilityCode).ToDictionary(g => g.Key, g => g.ToList());
        var (pairs, used) = (new List<InspectionPair>(), new HashSet<Work>());
        foreach (var series in inspections.GroupBy(i => (i.FacilityCode, i.Member)).OrderBy(g => g.Key.FacilityCode, StringComparer.Ordinal).ThenBy(g => g.Key.Member, StringComparer.Ordinal))
        {
            var seen = series.GroupBy(i => i.On).Select(g => (On: g.Key, Order: 0, Grade: g.Max(i => i.Grade), Work: (Work?)null));
            var done = (worksOf.GetValueOrDefault(series.Key.FacilityCode) ?? []).Where(w => w.Member.Length == 0 || w.Member == series.Key.Member)
                .GroupBy(w => w.On).Select(g => (On: g.Key, Order: 1, Grade: g.Last().GradeAfter!.Value, Work: (Work?)g.Last()));
            (DateOnly On, int Grade)? last = null;
            foreach (var (on, _, grade, work) in seen.Concat(done).OrderBy(x => x.On).ThenBy(x => x.Order))
            {
                var years = last is { } l ? (on.DayNumber - l.On.DayNumber) / 365.25 : 0;
                if (last is { } before && years > 0)
                {
                    pairs.Add(new InspectionPair(before.Grade, grade, years, ByWork: work is not null && grade < before.Grade));
                }

                if (work is not null)
                {
                    used.Add(work);
                }

                last = (on, grade);
            }
        }

        return (pairs, used.Count);
    }
}
