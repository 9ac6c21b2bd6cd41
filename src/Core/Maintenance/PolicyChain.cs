using InfraLedger.Core.Deterioration;

namespace InfraLedger.Core.Maintenance;

/// <summary>
/// A stationary maintenance policy on a kind's one-year transition matrix, with the conventions of
/// maintenance-planning.md §3: at the start of each year the state s is observed; the policy pays
/// <see cref="Cost"/>[s] and moves the element to <see cref="After"/>[s] (s itself when it does nothing), then one
/// year of deterioration follows. Row s of the step matrix M is therefore P[After[s]]. Everything here is exact
/// matrix algebra (no simulation). States are 0-based indices (state I is 0).
/// </summary>
public sealed class PolicyChain
{
    private readonly double[,] step;

    public PolicyChain(double[,] oneYear, IReadOnlyList<int> after, IReadOnlyList<double> cost)
    {
        var n = oneYear.GetLength(0);
        if (oneYear.GetLength(1) != n || after.Count != n || cost.Count != n || after.Any(a => a < 0 || a >= n))
        {
            throw new ArgumentException("the matrix, the states after and the costs must have one entry per state");
        }

        States = n;
        After = [.. after];
        Cost = [.. cost];
        step = new double[n, n];
        for (var s = 0; s < n; s++)
        {
            for (var j = 0; j < n; j++)
            {
                step[s, j] = oneYear[After[s], j];
            }
        }
    }

    public int States { get; }

    /// <summary>The state each state is in after the decision (itself when the policy does nothing there).</summary>
    public IReadOnlyList<int> After { get; }

    /// <summary>The cost paid at the start of a year in each state (treatment, plus any risk cost of the state after).</summary>
    public IReadOnlyList<double> Cost { get; }

    /// <summary>γ = 1/(1+r).</summary>
    public static double Discount(double rate) => 1 / (1 + rate);

    /// <summary>The step matrix M (a copy).</summary>
    public double[,] Step() => (double[,])step.Clone();

    /// <summary>Infinite-horizon discounted cost from each start state: V = c + γ·M·V, i.e. (I − γM) V = c.</summary>
    public double[] Discounted(double rate)
    {
        var gamma = Discount(rate);
        var a = new double[States, States];
        var c = new double[States, 1];
        for (var s = 0; s < States; s++)
        {
            for (var j = 0; j < States; j++)
            {
                a[s, j] = (s == j ? 1 : 0) - (gamma * step[s, j]);
            }

            c[s, 0] = Cost[s];
        }

        var v = Matrix.Solve(a, c);
        return [.. Enumerable.Range(0, States).Select(s => v[s, 0])];
    }

    /// <summary>
    /// The stationary distribution π = π·M of the states at the start of a year. It is unique: every closed class
    /// contains the worst state, because a state the policy leaves alone reaches every worse state in a year and a
    /// treated state moves to a better one first.
    /// </summary>
    public double[] Stationary()
    {
        // πᵀ solves (I − M)ᵀ πᵀ = 0 with one equation replaced by Σπ = 1.
        var a = new double[States, States];
        var b = new double[States, 1];
        for (var i = 0; i < States; i++)
        {
            for (var j = 0; j < States; j++)
            {
                a[i, j] = i == States - 1 ? 1 : (i == j ? 1 : 0) - step[j, i];
            }
        }

        b[States - 1, 0] = 1;
        var x = Matrix.Solve(a, b);
        return [.. Enumerable.Range(0, States).Select(i => Math.Max(0, x[i, 0]))];
    }

    /// <summary>Long-run average cost per year, π·c (the same from every start state).</summary>
    public double LongRunAverage()
    {
        var pi = Stationary();
        return pi.Select((p, s) => p * Cost[s]).Sum();
    }

    /// <summary>The distribution at the start of the next year.</summary>
    public double[] Next(IReadOnlyList<double> distribution)
    {
        var next = new double[States];
        for (var s = 0; s < States; s++)
        {
            var d = distribution[s];
            if (d == 0)
            {
                continue;
            }

            for (var j = 0; j < States; j++)
            {
                next[j] += d * step[s, j];
            }
        }

        return next;
    }

    /// <summary>
    /// Year by year from a start distribution (shares, or expected numbers of elements): the distribution at the start
    /// of each year t &lt; <paramref name="years"/> (before the decision) and the expected cost of that year, undiscounted.
    /// </summary>
    public Trajectory Run(IReadOnlyList<double> start, int years)
    {
        var distributions = new List<double[]>(years);
        var costs = new double[years];
        var d = start.ToArray();
        for (var t = 0; t < years; t++)
        {
            distributions.Add(d);
            costs[t] = d.Select((p, s) => p * Cost[s]).Sum();
            d = Next(d);
        }

        return new Trajectory(distributions, costs);
    }
}

/// <summary>Distributions at the start of each year and each year's expected cost (undiscounted).</summary>
public sealed record Trajectory(IReadOnlyList<double[]> Distributions, IReadOnlyList<double> Costs)
{
    public double Total => Costs.Sum();

    /// <summary>Σ γᵗ·cost(t) with γ = 1/(1+r).</summary>
    public double DiscountedTotal(double rate)
    {
        var gamma = PolicyChain.Discount(rate);
        var (sum, factor) = (0.0, 1.0);
        foreach (var c in Costs)
        {
            sum += factor * c;
            factor *= gamma;
        }

        return sum;
    }
}
