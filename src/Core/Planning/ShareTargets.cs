using InfraLedger.Core.Common;

namespace InfraLedger.Core.Planning;

/// <summary>
/// A condition target on the stock (maintenance-planning.md §5): from plan year <paramref name="FromYear"/> on, the
/// expected share of facilities in the poor states (<see cref="ConditionForecast.PoorFrom"/> and worse, e.g. III+IV) is
/// at most <paramref name="MaxShare"/> (0.15 = 15%).
/// </summary>
public sealed record ShareTarget(int FromYear, decimal MaxShare);

/// <summary>
/// What the share targets need to know about the network: for each facility (all of them, with candidates or not) the
/// probability of being poor in each plan year without works, and for each candidate (index as in the problem) the same
/// when that candidate is carried out. Year k of the arrays is plan year <see cref="FirstYear"/> + k, measured at the
/// start of the year after that year's works. With at most one candidate per facility the expected number of poor
/// facilities is linear in the choice: Σ_f untreated_f(y) + Σ_c x_c·(treated_c(y) − untreated_f(y)).
/// </summary>
public sealed record ConditionForecast(int FirstYear, int PoorFrom, IReadOnlyDictionary<string, double[]> Untreated, IReadOnlyList<double[]> Treated)
{
    public int Years => Untreated.Values.FirstOrDefault()?.Length ?? 0;
}

/// <summary>
/// The share targets as linear rows Σ_c delta[c]·x_c ≤ limit, one per target year, in whole millionths of a facility so
/// that both solvers use exactly the same numbers: each candidate's change rounded up and the limit down, so a plan
/// that satisfies a row satisfies the target.
/// </summary>
internal sealed class ShareRows
{
    /// <summary>Millionths of a facility: far finer than any share anyone publishes, far from 64-bit limits.</summary>
    public const double Scale = 1_000_000;

    private ShareRows(List<Row> rows) => Items = rows;

    public sealed record Row(int Year, decimal MaxShare, long[] Delta, long Limit, double Untreated, int Facilities);

    public IReadOnlyList<Row> Items { get; }

    public static ShareRows None { get; } = new([]);

    /// <summary>The rows of a problem, or the refusal when its targets cannot be stated or cannot be met by any choice.</summary>
    public static Result<ShareRows> Of(ProgrammeProblem p)
    {
        if (p.ShareTargets.Count == 0)
        {
            return None;
        }

        if (p.Condition is not { } c || c.Treated.Count != p.Candidates.Count)
        {
            return Errors.ShareWithoutForecast();
        }

        if (p.Exclusivity != Exclusivity.OnePerFacility)
        {
            return Errors.ShareNeedsOnePerFacility();
        }

        var n = c.Untreated.Count;
        var rows = new List<Row>();
        for (var k = 0; k < c.Years; k++)
        {
            var year = c.FirstYear + k;
            var targets = p.ShareTargets.Where(t => t.FromYear <= year).ToList();
            if (targets.Count == 0)
            {
                continue;
            }

            var max = targets.Min(t => t.MaxShare);
            if (max is < 0 or > 1)
            {
                return Errors.ShareInvalid(max);
            }

            var untreated = c.Untreated.Values.Sum(u => u[k]);
            var delta = new long[p.Candidates.Count];
            for (var i = 0; i < delta.Length; i++)
            {
                // A facility without a forecast (no grade) is not counted in the shares, nor is its work.
                if (!c.Untreated.TryGetValue(p.Candidates[i].Facility, out var u))
                {
                    continue;
                }

                delta[i] = (long)Math.Ceiling((c.Treated[i][k] - u[k]) * Scale);
            }

            var limit = (long)Math.Floor((((double)max * n) - untreated) * Scale);
            rows.Add(new Row(year, max, delta, limit, untreated, n));
        }

        var shares = new ShareRows(rows);
        return shares.Unreachable(p) is { } error ? error : shares;
    }

    /// <summary>
    /// A target no choice can meet, whatever the budgets: each facility at its best candidate (its committed one when it
    /// has one) still leaves too many poor facilities in some year.
    /// </summary>
    private Error? Unreachable(ProgrammeProblem p)
    {
        var byFacility = ProgrammeCheck.ByFacility(p);
        foreach (var row in Items)
        {
            long best = 0;
            foreach (var own in byFacility.Values)
            {
                var committed = own.Where(i => p.Candidates[i].Committed).Select(i => row.Delta[i]).ToList();
                best += committed.Count > 0 ? committed.Min() : Math.Min(0, own.Min(i => row.Delta[i]));
            }

            if (best > row.Limit)
            {
                var share = (row.Untreated + (best / Scale)) / row.Facilities;
                return Errors.ShareUnreachable(row.Year, row.MaxShare, (decimal)share);
            }
        }

        return null;
    }

    /// <summary>Σ delta·x per row for the chosen candidates.</summary>
    public long[] Sums(IEnumerable<int> chosen)
    {
        var sums = new long[Items.Count];
        foreach (var i in chosen)
        {
            for (var r = 0; r < sums.Length; r++)
            {
                sums[r] += Items[r].Delta[i];
            }
        }

        return sums;
    }

    /// <summary>The expected share of poor facilities in each row's year for the chosen candidates.</summary>
    public IReadOnlyList<(int Year, double Share)> Shares(IEnumerable<int> chosen)
    {
        var sums = Sums(chosen);
        return [.. Items.Select((r, k) => (r.Year, (r.Untreated + (sums[k] / Scale)) / r.Facilities))];
    }
}
