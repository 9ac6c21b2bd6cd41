namespace InfraLedger.Core.Deterioration;

/// <summary>
/// An improvement seen in the records, as a rate: a facility in state <see cref="From"/> is repaired (or re-graded)
/// into the better state <see cref="To"/> at <see cref="Rate"/> per year (a continuous-time intensity, like θ).
/// States are 1-based, best first.
/// </summary>
public sealed record RepairRate(int From, int To, double Rate, double StandardError);

/// <summary>
/// The deterioration model with works ("current practice"): the multi-stage exponential hazards θ_1 … θ_{J−1} of the
/// grades getting worse one state at a time, plus the repair intensities seen in the records (improvements between
/// inspections and works with the state they left), estimated together by maximum likelihood from the same facilities
/// (<see cref="RepairEstimator"/>). No covariates: the rates are the stock's averages.
/// </summary>
/// <param name="States">J, the number of condition states.</param>
/// <param name="Hazards">θ per year, one per non-worst state.</param>
/// <param name="HazardStandardErrors">Standard error of each θ (delta method on log θ, inverse observed information).</param>
/// <param name="Repairs">The repair intensities with a positive estimate, ordered by state.</param>
/// <param name="LogLikelihood">The log-likelihood at the estimate (panel pairs and works together).</param>
/// <param name="Pairs">Inspection pairs used (improved ones included).</param>
/// <param name="Works">Recorded works used as repairs at a known time into a known state.</param>
/// <param name="Iterations">Iterations taken.</param>
public sealed record RepairFit(
    int States,
    IReadOnlyList<double> Hazards,
    IReadOnlyList<double> HazardStandardErrors,
    IReadOnlyList<RepairRate> Repairs,
    double LogLikelihood,
    int Pairs,
    int Works,
    int Iterations)
{
    /// <summary>The generator Q (per year): Q_i,i+1 = θ_i, Q_s,j = ρ_s→j for j &lt; s, rows summing to 0.</summary>
    public double[,] Generator()
    {
        var q = new double[States, States];
        for (var i = 0; i < Hazards.Count; i++)
        {
            q[i, i + 1] += Hazards[i];
        }

        foreach (var r in Repairs)
        {
            q[r.From - 1, r.To - 1] += r.Rate;
        }

        for (var i = 0; i < States; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < States; j++)
            {
                sum += j == i ? 0 : q[i, j];
            }

            q[i, i] = -sum;
        }

        return q;
    }

    /// <summary>P(z) = expm(Q z), z in years.</summary>
    public double[,] Transition(double years) => MatrixExponential.Of(Matrix.Scale(Generator(), years));

    /// <summary>A distribution (shares or expected numbers) after <paramref name="years"/>.</summary>
    public double[] Forecast(IReadOnlyList<double> distribution, double years)
    {
        var p = Transition(years);
        var r = new double[States];
        for (var i = 0; i < States; i++)
        {
            for (var j = 0; j < States; j++)
            {
                r[j] += distribution[i] * Math.Max(0, p[i, j]);
            }
        }

        return r;
    }
}
