using InfraLedger.Core.Deterioration;

namespace InfraLedger.Tests;

/// <summary>
/// Inspection pairs simulated from a known hazard chain (fixed seed): start states spread over the non-absorbing
/// states, intervals in whole months from 1 to 8 years (as inspection dates are kept), and optionally two covariates
/// in [0, 1] acting on every hazard through the exponential link.
/// </summary>
public static class SyntheticPairs
{
    /// <summary>θ at x = 0 of a 5-state chain (of the order of the pavement example, domain doc §9.2).</summary>
    public static readonly double[] Baseline = [0.10, 0.14, 0.15, 0.09];

    /// <summary>Covariate effects per state when covariates are on (traffic-like and area-like).</summary>
    public static readonly double[,] Effects = { { 0.8, -0.3 }, { 0.5, 0.2 }, { 0.3, 0.0 }, { 0.6, 0.4 } };

    public static List<InspectionPair> Generate(int count, bool covariates, int seed = 20250801)
    {
        var random = new Random(seed);
        var states = Baseline.Length + 1;
        var pairs = new List<InspectionPair>(count);
        for (var k = 0; k < count; k++)
        {
            double[]? x = covariates ? [Math.Round(random.NextDouble(), 2), Math.Round(random.NextDouble(), 2)] : null;
            var from = 1 + random.Next(states - 1);
            var years = random.Next(12, 97) / 12.0;
            var state = from;
            var time = 0.0;
            while (state < states)
            {
                var eta = Math.Log(Baseline[state - 1]);
                if (x is not null)
                {
                    eta += (Effects[state - 1, 0] * x[0]) + (Effects[state - 1, 1] * x[1]);
                }

                time += -Math.Log(1 - random.NextDouble()) / Math.Exp(eta);
                if (time > years)
                {
                    break;
                }

                state++;
            }

            pairs.Add(new InspectionPair(from, state, years, x));
        }

        return pairs;
    }
}
