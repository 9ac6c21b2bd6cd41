namespace InfraLedger.Core.Deterioration;

/// <summary>
/// A fitted multi-stage exponential hazard model: θ_m(x) = exp(β_m0 + Σ_k β_mk x_k) for each non-absorbing state m
/// (the exponential link of domain doc §7.2), with the asymptotic covariance of β (inverse Fisher information).
/// </summary>
/// <param name="States">J, the number of condition states.</param>
/// <param name="CovariateNames">Names of the covariates x_1 … x_K (empty: one constant hazard per state).</param>
/// <param name="Beta">β as (J−1) rows of 1 + K coefficients (constant first).</param>
/// <param name="Covariance">Covariance of β flattened row by row ((J−1)(1+K) square).</param>
/// <param name="CovariateMeans">Mean of each covariate over the pairs: where <see cref="Hazards"/> is evaluated by default.</param>
/// <param name="LogLikelihood">Σ log p_ij(z) at β.</param>
/// <param name="Pairs">Number of pairs used.</param>
/// <param name="Iterations">Fisher-scoring iterations taken.</param>
public sealed record HazardFit(
    int States,
    IReadOnlyList<string> CovariateNames,
    double[,] Beta,
    double[,] Covariance,
    IReadOnlyList<double> CovariateMeans,
    double LogLikelihood,
    int Pairs,
    int Iterations)
{
    /// <summary>θ_1 … θ_{J−1} at covariates x (null: at the covariate means).</summary>
    public double[] Hazards(IReadOnlyList<double>? x = null)
    {
        x ??= CovariateMeans;
        var r = new double[States - 1];
        for (var m = 0; m < r.Length; m++)
        {
            var eta = Beta[m, 0];
            for (var k = 0; k < CovariateNames.Count; k++)
            {
                eta += Beta[m, k + 1] * x[k];
            }

            r[m] = Math.Exp(eta);
        }

        return r;
    }

    /// <summary>Standard error of each θ_m at x (delta method: θ_m · sqrt(gᵀ Σ_m g), g = (1, x)).</summary>
    public double[] HazardStandardErrors(IReadOnlyList<double>? x = null)
    {
        x ??= CovariateMeans;
        var hazards = Hazards(x);
        var width = CovariateNames.Count + 1;
        var r = new double[hazards.Length];
        for (var m = 0; m < hazards.Length; m++)
        {
            var variance = 0.0;
            for (var a = 0; a < width; a++)
            {
                for (var b = 0; b < width; b++)
                {
                    variance += (a == 0 ? 1 : x[a - 1]) * (b == 0 ? 1 : x[b - 1]) * Covariance[(m * width) + a, (m * width) + b];
                }
            }

            r[m] = hazards[m] * Math.Sqrt(Math.Max(variance, 0));
        }

        return r;
    }

    /// <summary>Standard error of each β coefficient, in the layout of <see cref="Beta"/>.</summary>
    public double[,] BetaStandardErrors()
    {
        var r = new double[Beta.GetLength(0), Beta.GetLength(1)];
        for (var m = 0; m < r.GetLength(0); m++)
        {
            for (var k = 0; k < r.GetLength(1); k++)
            {
                var p = (m * r.GetLength(1)) + k;
                r[m, k] = Math.Sqrt(Math.Max(Covariance[p, p], 0));
            }
        }

        return r;
    }

    /// <summary>The chain at covariates x (null: at the means).</summary>
    public HazardChain Chain(IReadOnlyList<double>? x = null) => new(Hazards(x));
}
