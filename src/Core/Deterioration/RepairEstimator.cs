using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Deterioration;

/// <summary>
/// Maximum-likelihood estimation of the deterioration model with works (<see cref="RepairFit"/>): a continuous-time
/// Markov chain whose generator has the one-step deterioration hazards θ_i and a repair intensity ρ_s→j for every
/// improvement s → j the records show (ADR 0012). A pair of consecutive inspections enters as a panel observation,
/// log P(z)[i, j], improved ones included (an unrecorded repair). A pair that ends at a recorded work which left a
/// better grade j than the last one seen (<see cref="InspectionPair.ByWork"/>) is a transition into j at a known time
/// from a state not seen: log Σ_{s≠j} P(z)[i, s]·Q[s, j] (msm's obstype 3); its repair rates are those into j from
/// i and every worse state. Rates are estimated on the log scale by Fisher scoring, then Newton; a
/// repair rate the likelihood drives below 10⁻⁶ per year is set to 0 (the estimate is on the boundary) and dropped, and
/// brought back once if the likelihood rises at 0.
/// ∂P/∂rate is the Fréchet derivative of expm, read from the exponential of the block matrix [[Qz, Ez], [0, Qz]].
/// </summary>
public static partial class RepairEstimator
{
    private const double Negligible = 1e-6;
    private const double Unbounded = 1e3;

    /// <summary>Fits the model with works to <paramref name="pairs"/> (any direction) of a <paramref name="states"/>-state chain; <paramref name="works"/> is how many of the observations were works (reported only).</summary>
    public static Result<RepairFit> Fit(IReadOnlyList<InspectionPair> pairs, int states, int works = 0, int maxIterations = 500)
    {
        if (states is < 2 or > 20)
        {
            return Errors.StatesInvalid(states);
        }

        var groups = new SortedDictionary<double, Group>();
        Group At(double z) => groups.TryGetValue(z, out var g) ? g : groups[z] = new Group(z, new double[states, states], new double[states, states]);
        var support = new SortedSet<(int From, int To)>(Comparer<(int From, int To)>.Create((a, b) => a.From != b.From ? a.From.CompareTo(b.From) : a.To.CompareTo(b.To)));
        for (var index = 0; index < pairs.Count; index++)
        {
            var p = pairs[index];
            if (p.From < 1 || p.From > states || p.To < 1 || p.To > states || !(p.Years > 0) || double.IsInfinity(p.Years))
            {
                return Errors.PairInvalid(index, $"状態 {N(p.From)}→{N(p.To)}（1〜{N(states)}）と0より大きい点検間隔 {p.Years.ToString(CultureInfo.InvariantCulture)} 年が必要です。");
            }

            if (p.ByWork && p.To < p.From)
            {
                At(p.Years).Exact[p.From - 1, p.To - 1]++;
                for (var before = p.From; before <= states; before++)
                {
                    support.Add((before - 1, p.To - 1));
                }
            }
            else
            {
                At(p.Years).Counts[p.From - 1, p.To - 1]++;
                if (p.To < p.From)
                {
                    support.Add((p.From - 1, p.To - 1));
                }
            }
        }

        if (pairs.Count == 0)
        {
            return Errors.NoPairs;
        }

        var data = groups.Values.ToList();
        var model = new Parameters(states, [.. support]);
        var psi = model.Start(data);
        var current = Evaluate(model, data, psi);
        var dropped = new HashSet<(int, int)>();
        var readded = new HashSet<(int, int)>();
        var newton = false;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var curvature = newton ? Observed(model, data, psi, current) : current.Information;
            var step = Matrix.TrySolve(curvature, Column(current.Score));
            if (step is null && newton)
            {
                (newton, step) = (false, Matrix.TrySolve(current.Information, Column(current.Score)));
            }

            if (step is null)
            {
                return Errors.NotIdentifiable(1 + Enumerable.Range(0, states - 1).FirstOrDefault(m => current.Information[m, m] <= 1e-12));
            }

            var largest = Enumerable.Range(0, psi.Length).Max(k => Math.Abs(step[k, 0]));
            var factor = largest > 3 ? 3 / largest : 1;
            double[] next;
            Evaluated trial;
            var halvings = 0;
            do
            {
                next = [.. psi.Select((b, k) => b + (factor * step[k, 0]))];
                trial = Evaluate(model, data, next);
                factor /= 2;
                halvings++;
            }
            while (!Rises(trial, current) && halvings < 60 && !newton);

            if (!Rises(trial, current))
            {
                if (newton)
                {
                    newton = false;
                    continue;
                }

                break; // no step raises the likelihood: at the optimum to machine precision
            }

            (psi, current) = (next, trial);
            if (psi.Any(b => b > Math.Log(Unbounded)))
            {
                // A rate above 1,000 per year (a stay of hours) is no grade's: the likelihood grows without bound along
                // a cycle of repairs, which happens when works are few beside the inspections that show fast change.
                return Errors.RatesUnbounded;
            }
            newton = halvings == 1 && largest < 1e-2;

            // A repair rate heading to 0 is an estimate on the boundary: set it to 0 and go on without it.
            if (model.Repairs.Select((e, r) => (e, r)).Where(x => psi[states - 1 + x.r] < Math.Log(Negligible)).Select(x => x.e).ToList() is { Count: > 0 } gone)
            {
                (model, psi) = model.Without(gone, psi);
                dropped.UnionWith(gone);
                current = Evaluate(model, data, psi);
                newton = false;
                continue;
            }

            if (largest * factor * 2 < 1e-9)
            {
                // Karush–Kuhn–Tucker at the boundary: a dropped rate whose likelihood still rises at 0 comes back (once).
                var back = dropped.Where(e => !readded.Contains(e) && RisesAtZero(model, data, psi, e)).ToList();
                if (back.Count == 0)
                {
                    return Done(model, data, psi, current, pairs.Count, works, iteration);
                }

                readded.UnionWith(back);
                (model, psi) = model.With(back, psi);
                current = Evaluate(model, data, psi);
                newton = false;
            }
        }

        return current.Score.All(s => Math.Abs(s) < 1e-6 * Math.Max(1, pairs.Count))
            ? Done(model, data, psi, current, pairs.Count, works, maxIterations)
            : Errors.NotConverged(maxIterations);
    }

    private static Result<RepairFit> Done(Parameters model, List<Group> data, double[] psi, Evaluated at, int pairs, int works, int iterations)
    {
        var n = psi.Length;
        var covariance = Matrix.TrySolve(Observed(model, data, psi, at), Matrix.Identity(n)) ?? Matrix.TrySolve(at.Information, Matrix.Identity(n));
        double Se(int k) => covariance is null ? double.NaN : Math.Exp(psi[k]) * Math.Sqrt(Math.Max(0, covariance[k, k]));
        var s = model.States;
        return new RepairFit(
            s,
            [.. Enumerable.Range(0, s - 1).Select(m => Math.Exp(psi[m]))],
            [.. Enumerable.Range(0, s - 1).Select(Se)],
            [.. model.Repairs.Select((e, r) => new RepairRate(e.From + 1, e.To + 1, Math.Exp(psi[s - 1 + r]), Se(s - 1 + r)))],
            at.LogLikelihood, pairs, works, iterations);
    }

    private static bool Rises(Evaluated trial, Evaluated current) =>
        trial.LogLikelihood >= current.LogLikelihood - (1e-12 * Math.Abs(current.LogLikelihood)) && double.IsFinite(trial.LogLikelihood);

    /// <summary>∂ log L / ∂ρ_e at ρ_e = 0 (the rate itself, not its log) is positive: the boundary is not the optimum.</summary>
    private static bool RisesAtZero(Parameters model, List<Group> data, double[] psi, (int From, int To) e)
    {
        var (with, at) = model.With([e], psi);
        at[^1] = double.NegativeInfinity; // rate 0; the derivative below is taken per unit of rate
        var total = data.Sum(g => g.Observations);
        return Evaluate(with, data, at, perUnitRate: at.Length - 1).Score[^1] > 1e-8 * Math.Max(1, total);
    }

    /// <summary>L(A, E), the Fréchet derivative of expm at A in direction E: the upper-right block of expm([[A, E], [0, A]]).</summary>
    private static double[,] Frechet(double[,] a, double[,] e)
    {
        var n = a.GetLength(0);
        var block = new double[2 * n, 2 * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                block[i, j] = block[n + i, n + j] = a[i, j];
                block[i, n + j] = e[i, j];
            }
        }

        var x = MatrixExponential.Of(block);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                l[i, j] = x[i, n + j];
            }
        }

        return l;
    }

    /// <summary>
    /// Log-likelihood, score and information in ψ (log rates); with <paramref name="perUnitRate"/>, that parameter's
    /// score is per unit of its rate instead (for a rate at 0). Panel rows use the expected (multinomial) information,
    /// works the outer product of their score: either is only Fisher scoring's direction, Newton finishes.
    /// </summary>
    private static Evaluated Evaluate(Parameters model, List<Group> data, double[] psi, int perUnitRate = -1)
    {
        var n = psi.Length;
        var s = model.States;
        var q = model.Generator(psi);
        var scale = psi.Select((b, k) => k == perUnitRate ? 1 : Math.Exp(b)).ToArray();
        var score = new double[n];
        var information = new double[n, n];
        var logLikelihood = 0.0;
        var dp = new double[n][,];
        var d = new double[n];
        foreach (var g in data)
        {
            var a = Matrix.Scale(q, g.Years);
            var p = MatrixExponential.Of(a);
            for (var k = 0; k < n; k++)
            {
                dp[k] = Frechet(a, Matrix.Scale(Parameters.Direction(s, model.Edge(k), g.Years), scale[k]));
            }

            for (var i = 0; i < s; i++)
            {
                var total = 0.0;
                for (var j = 0; j < s; j++)
                {
                    total += g.Counts[i, j];
                }

                for (var j = 0; j < s; j++)
                {
                    if (total > 0)
                    {
                        for (var k = 0; k < n; k++)
                        {
                            d[k] = dp[k][i, j];
                        }

                        Add(g.Counts[i, j], p[i, j], total / p[i, j]);
                    }

                    if (g.Exact[i, j] > 0)
                    {
                        // Entered j now from an unseen state b: Σ_b P[i, b]·Q[b, j], and its derivative.
                        var likelihood = 0.0;
                        Array.Clear(d);
                        for (var b = 0; b < s; b++)
                        {
                            if (b != j && q[b, j] > 0)
                            {
                                likelihood += p[i, b] * q[b, j];
                                for (var k = 0; k < n; k++)
                                {
                                    d[k] += dp[k][i, b] * q[b, j];
                                }
                            }
                        }

                        for (var k = 0; k < n; k++)
                        {
                            var (from, to) = model.Edge(k);
                            d[k] += to == j ? p[i, from] * scale[k] : 0;
                        }

                        Add(g.Exact[i, j], likelihood, g.Exact[i, j] / (likelihood * likelihood));
                    }
                }
            }
        }

        return new Evaluated(logLikelihood, score, information);

        // count observations of likelihood l with gradient d; weight multiplies d·dᵀ in the information.
        void Add(double count, double l, double weight)
        {
            if (count > 0)
            {
                logLikelihood += count * Math.Log(Math.Max(l, 1e-300));
            }

            if (l < 1e-300)
            {
                return;
            }

            for (var k = 0; k < n; k++)
            {
                score[k] += count / l * d[k];
                var w = weight * d[k];
                for (var m = 0; m < n; m++)
                {
                    information[k, m] += w * d[m];
                }
            }
        }
    }

    /// <summary>−∂score/∂ψ by forward differences of the analytic score, made symmetric.</summary>
    private static double[,] Observed(Parameters model, List<Group> data, double[] psi, Evaluated at)
    {
        var n = psi.Length;
        var h = new double[n, n];
        for (var k = 0; k < n; k++)
        {
            var shifted = (double[])psi.Clone();
            var d = 1e-6 * Math.Max(1, Math.Abs(psi[k]));
            shifted[k] += d;
            var score = Evaluate(model, data, shifted).Score;
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

    private static double[,] Column(double[] v)
    {
        var r = new double[v.Length, 1];
        for (var i = 0; i < v.Length; i++)
        {
            r[i, 0] = v[i];
        }

        return r;
    }

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Pairs of one interval, counted by from and to (0-based states): inspection pairs, and pairs ending at a work that improved.</summary>
    private sealed record Group(double Years, double[,] Counts, double[,] Exact)
    {
        public double Observations => Counts.Cast<double>().Sum() + Exact.Cast<double>().Sum();
    }

    private readonly record struct Evaluated(double LogLikelihood, double[] Score, double[,] Information);
}
