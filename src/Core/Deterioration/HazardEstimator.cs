using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Deterioration;

/// <summary>
/// Maximum-likelihood estimation of the multi-stage exponential hazard model from inspection pairs with uneven
/// intervals (domain doc §7.3): log L(β) = Σ_k log p_{i_k j_k}(z_k; x_k, β). Pairs with the same interval and
/// covariates share one transition matrix (they are counted, not repeated). Fisher scoring with the analytic gradient
/// (∂P/∂θ from <see cref="TransitionSensitivity"/>) and step halving, then Newton near the optimum; the covariance is
/// the inverse Fisher information.
/// </summary>
public static class HazardEstimator
{
    /// <summary>Fits the model to <paramref name="pairs"/> of a <paramref name="states"/>-state chain.</summary>
    public static Result<HazardFit> Fit(IReadOnlyList<InspectionPair> pairs, int states, IReadOnlyList<string>? covariateNames = null, int maxIterations = 500)
    {
        covariateNames ??= [];
        if (states is < 2 or > 20)
        {
            return Errors.StatesInvalid(states);
        }

        var k = covariateNames.Count;
        var groups = new Dictionary<GroupKey, int>();
        var data = new List<Group>();
        var means = new double[k];
        var used = 0;
        for (var index = 0; index < pairs.Count; index++)
        {
            var pair = pairs[index];
            if (Validate(pair, states, k) is { } reason)
            {
                return Errors.PairInvalid(index, reason);
            }

            var x = k == 0 ? [] : pair.Covariates!.ToArray();
            for (var c = 0; c < k; c++)
            {
                means[c] += x[c];
            }

            used++;
            if (pair.From == states)
            {
                continue; // p_JJ = 1: no information
            }

            var key = new GroupKey(pair.Years, x);
            if (!groups.TryGetValue(key, out var g))
            {
                g = data.Count;
                groups.Add(key, g);
                data.Add(new Group(pair.Years, x, new double[states, states]));
            }

            data[g].Counts[pair.From - 1, pair.To - 1]++;
        }

        if (data.Count == 0)
        {
            return Errors.NoPairs;
        }

        for (var c = 0; c < k; c++)
        {
            means[c] /= used;
        }

        var width = k + 1;
        var beta = StartingValues(data, states, width);
        var evaluation = new Evaluation(states, width);
        var current = evaluation.Run(data, beta);
        var newton = false;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            // Fisher scoring while far from the optimum; close to it, Newton on the observed information (differences of
            // the analytic score), which converges quadratically where scoring crawls on a poorly determined hazard.
            var curvature = newton ? Observed(evaluation, data, beta, current) : current.Information;
            var step = Matrix.TrySolve(curvature, ToColumn(current.Score));
            if (step is null && newton)
            {
                (newton, step) = (false, Matrix.TrySolve(current.Information, ToColumn(current.Score)));
            }

            if (step is null)
            {
                return Errors.NotIdentifiable(FirstUninformedState(current.Information, width, states));
            }

            var largest = 0.0;
            for (var p = 0; p < beta.Length; p++)
            {
                largest = Math.Max(largest, Math.Abs(step[p, 0]));
            }

            // Fisher scoring can overshoot far from the optimum: cap the step, then halve it until the likelihood rises.
            var factor = largest > 3 ? 3 / largest : 1;
            double[] next;
            Evaluated trial;
            var halvings = 0;
            do
            {
                next = [.. beta.Select((b, p) => b + (factor * step[p, 0]))];
                trial = evaluation.Run(data, next);
                factor /= 2;
                halvings++;
                if (newton && !Rises(trial, current))
                {
                    break; // the observed information is not yet negative definite here: back to scoring
                }
            }
            while (!Rises(trial, current) && halvings < 60);

            if (newton && !Rises(trial, current))
            {
                newton = false;
                continue;
            }

            beta = next;
            current = trial;
            newton = halvings == 1 && largest < 1e-2;
            if (largest * factor * 2 < 1e-10)
            {
                return Result(current, beta, states, covariateNames, means, used, iteration);
            }
        }

        return Errors.NotConverged(maxIterations);
    }

    private static bool Rises(Evaluated trial, Evaluated current) =>
        trial.LogLikelihood >= current.LogLikelihood - (1e-12 * Math.Abs(current.LogLikelihood));

    /// <summary>−∂score/∂β by forward differences of the analytic score, made symmetric.</summary>
    private static double[,] Observed(Evaluation evaluation, List<Group> data, double[] beta, Evaluated at)
    {
        var n = beta.Length;
        var h = new double[n, n];
        for (var k = 0; k < n; k++)
        {
            var shifted = (double[])beta.Clone();
            var d = 1e-6 * Math.Max(1, Math.Abs(beta[k]));
            shifted[k] += d;
            var score = evaluation.Run(data, shifted).Score;
            for (var i = 0; i < n; i++)
            {
                h[i, k] = -(score[i] - at.Score[i]) / d;
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < i; k++)
            {
                h[i, k] = h[k, i] = (h[i, k] + h[k, i]) / 2;
            }
        }

        return h;
    }

    private static Result<HazardFit> Result(Evaluated at, double[] beta, int states, IReadOnlyList<string> names, double[] means, int used, int iterations)
    {
        var n = beta.Length;
        var covariance = Matrix.TrySolve(at.Information, Matrix.Identity(n));
        if (covariance is null)
        {
            return Errors.NotIdentifiable(FirstUninformedState(at.Information, names.Count + 1, states));
        }

        var b = new double[states - 1, names.Count + 1];
        for (var p = 0; p < n; p++)
        {
            b[p / (names.Count + 1), p % (names.Count + 1)] = beta[p];
        }

        return new HazardFit(states, [.. names], b, covariance, means, at.LogLikelihood, used, iterations);
    }

    private static string? Validate(InspectionPair pair, int states, int k)
    {
        if (pair.From < 1 || pair.From > states || pair.To < 1 || pair.To > states)
        {
            return $"状態 {pair.From.ToString(CultureInfo.InvariantCulture)}→{pair.To.ToString(CultureInfo.InvariantCulture)} が 1〜{states.ToString(CultureInfo.InvariantCulture)} の範囲にありません。";
        }

        if (pair.To < pair.From)
        {
            return $"状態が {pair.From.ToString(CultureInfo.InvariantCulture)} から {pair.To.ToString(CultureInfo.InvariantCulture)} へ良くなっています（補修をはさむペアは除くか、補修後から数えてください）。";
        }

        if (!(pair.Years > 0) || double.IsInfinity(pair.Years))
        {
            return $"点検間隔 {pair.Years.ToString(CultureInfo.InvariantCulture)} 年は0より大きくなければなりません。";
        }

        return (pair.Covariates?.Count ?? 0) != k || (pair.Covariates?.Any(c => !double.IsFinite(c)) ?? false)
            ? $"説明変数が {k.ToString(CultureInfo.InvariantCulture)} 個の有限な数ではありません。"
            : null;
    }

    /// <summary>log of (transitions out of m + ½) / (time observed starting in m + 1): a crude exit rate per state.</summary>
    private static double[] StartingValues(List<Group> data, int states, int width)
    {
        var beta = new double[(states - 1) * width];
        for (var m = 0; m < states - 1; m++)
        {
            double left = 0, exposure = 0;
            foreach (var g in data)
            {
                for (var j = m; j < states; j++)
                {
                    exposure += g.Counts[m, j] * g.Years;
                    left += j > m ? g.Counts[m, j] : 0;
                }
            }

            beta[m * width] = Math.Log((left + 0.5) / (exposure + 1));
        }

        return beta;
    }

    private static int FirstUninformedState(double[,] information, int width, int states)
    {
        for (var m = 0; m < states - 1; m++)
        {
            if (information[m * width, m * width] <= 1e-12)
            {
                return m + 1;
            }
        }

        return 1;
    }

    private static double[,] ToColumn(double[] v)
    {
        var r = new double[v.Length, 1];
        for (var i = 0; i < v.Length; i++)
        {
            r[i, 0] = v[i];
        }

        return r;
    }

    private sealed record Group(double Years, double[] X, double[,] Counts);

    private readonly record struct Evaluated(double LogLikelihood, double[] Score, double[,] Information);

    /// <summary>Log-likelihood, score and expected information at β, reusing its buffers between calls.</summary>
    private sealed class Evaluation(int states, int width)
    {
        private readonly double[,] p = new double[states, states];
        private readonly double[,,] dp = new double[states - 1, states, states];
        private readonly double[] theta = new double[states - 1];
        private readonly double[] gradient = new double[(states - 1) * width];

        public Evaluated Run(List<Group> data, double[] beta)
        {
            var n = beta.Length;
            var score = new double[n];
            var information = new double[n, n];
            var logLikelihood = 0.0;
            foreach (var g in data)
            {
                for (var m = 0; m < states - 1; m++)
                {
                    var eta = beta[m * width];
                    for (var c = 1; c < width; c++)
                    {
                        eta += beta[(m * width) + c] * g.X[c - 1];
                    }

                    theta[m] = Math.Exp(eta);
                }

                TransitionSensitivity.Compute(theta, g.Years, p, dp);
                for (var i = 0; i < states - 1; i++)
                {
                    var total = 0.0;
                    for (var j = i; j < states; j++)
                    {
                        total += g.Counts[i, j];
                    }

                    if (total == 0)
                    {
                        continue;
                    }

                    for (var j = i; j < states; j++)
                    {
                        var pij = Math.Max(p[i, j], 1e-300);
                        var count = g.Counts[i, j];
                        var last = Math.Min(j, states - 2);

                        // ∂p_ij/∂β_m,c = ∂p_ij/∂θ_m · θ_m · x_c, non-zero only for i ≤ m ≤ j
                        Array.Clear(gradient);
                        for (var m = i; m <= last; m++)
                        {
                            var d = dp[m, i, j] * theta[m];
                            for (var c = 0; c < width; c++)
                            {
                                gradient[(m * width) + c] = d * (c == 0 ? 1 : g.X[c - 1]);
                            }
                        }

                        if (count > 0)
                        {
                            logLikelihood += count * Math.Log(pij);
                        }

                        var from = i * width;
                        var to = ((last + 1) * width) - 1;
                        for (var a = from; a <= to; a++)
                        {
                            if (gradient[a] == 0)
                            {
                                continue;
                            }

                            score[a] += count / pij * gradient[a];
                            var weight = total / pij * gradient[a];
                            for (var b = from; b <= to; b++)
                            {
                                information[a, b] += weight * gradient[b];
                            }
                        }
                    }
                }
            }

            return new Evaluated(logLikelihood, score, information);
        }
    }

    /// <summary>Pairs with the same interval and covariates share one transition matrix.</summary>
    private readonly struct GroupKey(double years, double[] x) : IEquatable<GroupKey>
    {
        private readonly double years = years;
        private readonly double[] x = x;

        public bool Equals(GroupKey other) => years.Equals(other.years) && x.AsSpan().SequenceEqual(other.x);

        public override bool Equals(object? obj) => obj is GroupKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(years);
            foreach (var v in x)
            {
                hash.Add(v);
            }

            return hash.ToHashCode();
        }
    }
}
