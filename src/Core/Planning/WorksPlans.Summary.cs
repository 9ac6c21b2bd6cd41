namespace InfraLedger.Core.Planning;

public static partial class WorksPlans
{
    /// <summary>
    /// What may be published of a decided plan (issue 20 item 6, <see cref="PlanSummaryPublication"/>): cost per year and
    /// source, expected grade shares per year (of the facilities with a grade), and the life-cycle cost of the plan's
    /// policies and of 事後保全 over the outlook, all kinds together. Refused for a plan that is not the decided one.
    /// </summary>
    public static async Task<Common.Result<PlanSummary>> SummaryAsync(Database.AppDbContext db, int id, CancellationToken ct)
    {
        var found = await FindAsync(db, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var plan = found.Value;
        if (plan.Summary.Status != WorksPlanStatus.Decided)
        {
            return Errors.PlanNotDecided(id, plan.Summary.StatusLabel);
        }

        var r = plan.Result;
        return new PlanSummary(
            plan.Summary.Title,
            [.. r.Years.Select(y => y.Year)],
            [.. r.Years.SelectMany(y => y.BySource.Select(s => new PlanSummaryCost(y.Year, s.Name, s.Amount)))],
            r.GradeLabels,
            [.. r.Years.Select(y => new PlanSummaryGrades(y.Year, Shares(y.Grades)))],
            Yen(r.Lcc.Sum(l => l.PolicyTotal)),
            Yen(r.Lcc.Sum(l => l.CorrectiveTotal)));
    }

    /// <summary>Expected counts as shares to 4 decimals; the largest share takes the rounding so that they sum to 1.</summary>
    private static decimal[] Shares(IReadOnlyList<double> counts)
    {
        var total = counts.Sum();
        if (total <= 0)
        {
            return [.. counts.Select((_, i) => i == 0 ? 1m : 0m)];
        }

        var shares = counts.Select(c => Math.Round((decimal)(c / total), 4, MidpointRounding.AwayFromZero)).ToArray();
        var largest = Array.IndexOf(shares, shares.Max());
        shares[largest] += 1 - shares.Sum();
        return shares;
    }

    private static decimal Yen(double v) => Math.Round((decimal)v, 0, MidpointRounding.AwayFromZero);
}
