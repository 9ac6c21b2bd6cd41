namespace InfraLedger.Core.Deterioration;

/// <summary>
/// The multi-stage exponential hazard Markov chain (津田・貝戸・青木・小林 2005; domain doc §7.2): states 1 … J, best
/// first, J absorbing; the time in state i is exponential with hazard θ_i. Transition probabilities over an interval
/// z are expm(Q z) of the bidiagonal generator Q (Q_ii = −θ_i, Q_i,i+1 = θ_i), computed by
/// <see cref="MatrixExponential"/>; <see cref="ClosedForm"/> is only a cross-check (it divides by θ_m − θ_k).
/// Indices in arrays are 0-based: state i is index i − 1.
/// </summary>
public sealed class HazardChain
{
    public HazardChain(IReadOnlyList<double> hazards)
    {
        if (hazards.Count < 1 || hazards.Any(h => !(h > 0) || double.IsInfinity(h)))
        {
            throw new ArgumentException("hazards must be positive and finite", nameof(hazards));
        }

        Hazards = [.. hazards];
    }

    /// <summary>θ_1 … θ_{J−1} per year.</summary>
    public IReadOnlyList<double> Hazards { get; }

    /// <summary>J, the number of states (the last one absorbing).</summary>
    public int States => Hazards.Count + 1;

    /// <summary>The generator Q (per year).</summary>
    public double[,] Generator()
    {
        var q = new double[States, States];
        for (var i = 0; i < Hazards.Count; i++)
        {
            q[i, i] = -Hazards[i];
            q[i, i + 1] = Hazards[i];
        }

        return q;
    }

    /// <summary>P(z) = expm(Q z), z in years.</summary>
    public double[,] Transition(double years) => MatrixExponential.Of(Matrix.Scale(Generator(), years));

    /// <summary>Expected sojourn in each non-absorbing state, 1/θ_i (years).</summary>
    public IReadOnlyList<double> ExpectedSojourns() => [.. Hazards.Select(h => 1 / h)];

    /// <summary>Expected time from state <paramref name="from"/> (1-based) to the absorbing state: Σ_{k≥from} 1/θ_k.</summary>
    public double ExpectedLife(int from = 1) => Hazards.Skip(from - 1).Sum(h => 1 / h);

    /// <summary>A distribution over the states (shares summing to 1) after <paramref name="years"/>.</summary>
    public double[] Forecast(IReadOnlyList<double> distribution, double years)
    {
        var p = Transition(years);
        var r = new double[States];
        for (var i = 0; i < States; i++)
        {
            for (var j = i; j < States; j++)
            {
                r[j] += distribution[i] * p[i, j];
            }
        }

        return r;
    }

    /// <summary>
    /// The published closed form (domain doc §7.2). Breaks down (division by zero, or cancellation) for equal or
    /// close hazards: a cross-check for tests, never used by the product.
    /// </summary>
    public double[,] ClosedForm(double z)
    {
        var n = States;
        var p = new double[n, n];
        for (var i = 0; i < n - 1; i++)
        {
            var rowSum = 0.0;
            for (var j = i; j < n - 1; j++)
            {
                var product = 1.0;
                for (var m = i; m < j; m++)
                {
                    product *= Hazards[m];
                }

                var sum = 0.0;
                for (var k = i; k <= j; k++)
                {
                    var denominator = 1.0;
                    for (var m = i; m <= j; m++)
                    {
                        if (m != k)
                        {
                            denominator *= Hazards[m] - Hazards[k];
                        }
                    }

                    sum += Math.Exp(-Hazards[k] * z) / denominator;
                }

                p[i, j] = product * sum;
                rowSum += p[i, j];
            }

            p[i, n - 1] = 1 - rowSum;
        }

        p[n - 1, n - 1] = 1;
        return p;
    }
}
