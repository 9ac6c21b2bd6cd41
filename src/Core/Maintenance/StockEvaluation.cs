using InfraLedger.Core.Deterioration;

namespace InfraLedger.Core.Maintenance;

/// <summary>
/// Evaluates a policy of a library for a whole stock exactly. Cost is linear in each facility's priced treatments, and
/// every facility of a state-based policy follows the same chain, so facilities are first summed into buckets by start
/// state (age-based: by age in the cycle) in one pass — their measures summed, not priced one by one
/// (<see cref="StockSizes"/>) — and each bucket is carried through the years by matrix algebra.
/// The result equals the sum of per-facility evaluations (a test checks it); a stock costs about one pass over its rows.
/// </summary>
public static class StockEvaluation
{
    private const int SkipExamples = 5;

    public static StockResult Evaluate(double[,] oneYear, TreatmentLibrary library, PolicySpec policy, IEnumerable<StockItem> stock, int years, double rate) =>
        policy.Type == PolicyType.Age
            ? AgeBased(oneYear, library, policy, stock, years, rate)
            : StateBased(oneYear, library, policy, stock, years, rate);

    /// <summary>The treatment (or none) a state-based policy applies in each state, 1-based states as indices 0…n−1.</summary>
    public static Treatment?[] Plan(TreatmentLibrary library, PolicySpec policy) =>
        [.. Enumerable.Range(1, library.Levels).Select(s => policy.Type switch
        {
            PolicyType.Threshold when s >= policy.Threshold => library.For(s),
            PolicyType.States => policy.Choices?.FirstOrDefault(c => c.State == s) is { } c ? library.Find(c.Treatment) : null,
            _ => null,
        })];

    /// <summary>The chain of a state-based policy for one facility (its treatment prices and risk), for per-facility use (issue 20's candidates).</summary>
    public static PolicyChain? Chain(double[,] oneYear, TreatmentLibrary library, PolicySpec policy, StockItem facility)
    {
        var plan = Plan(library, policy);
        var after = plan.Select((t, s) => t is null ? s : t.Effect.After(s + 1) - 1).ToArray();
        var cost = new double[plan.Length];
        for (var s = 0; s < plan.Length; s++)
        {
            var (c, skip) = plan[s] is { } t ? facility.Price(t.Cost) : (0, null);
            var (risk, riskSkip) = library.Risk is { } r ? facility.Price(new CostRule(r.Unit, r.PerYear[after[s]])) : (0, null);
            if (skip is not null || riskSkip is not null)
            {
                return null;
            }

            cost[s] = c + risk;
        }

        return new PolicyChain(oneYear, after, cost);
    }

    private static StockResult StateBased(double[,] oneYear, TreatmentLibrary library, PolicySpec policy, IEnumerable<StockItem> stock, int years, double rate)
    {
        var n = library.Levels;
        var plan = Plan(library, policy);
        var after = plan.Select((t, s) => t is null ? s : t.Effect.After(s + 1) - 1).ToArray();
        var riskUsed = library.Risk is { } rr && rr.PerYear.Any(x => x != 0);
        var buckets = new double[n, n]; // [start state, state] Σ cost of acting there
        var counts = new double[n];
        var skipped = new Dictionary<string, (int Count, List<string> First)>();
        var evaluated = 0;
        var used = plan.OfType<Treatment>().Distinct().ToArray();
        var slot = plan.Select(t => t is null ? -1 : Array.IndexOf(used, t)).ToArray();
        var risks = riskUsed ? after.Select(a => new CostRule(library.Risk!.Unit, library.Risk.PerYear[a])).ToArray() : [];
        var sizes = new StockSizes([.. used.Select(t => t.Cost), .. risks], n);
        foreach (ref readonly var f in Items(stock))
        {
            if (f.State is not { } s0 || s0 < 1 || s0 > n)
            {
                Skip(skipped, "点検記録（この資産種別の区分）がない", f.Code);
                continue;
            }

            var row = sizes.Slot(f);
            if (row < 0)
            {
                // The reason, as pricing finds it: the plan's treatments first, then the risk of each state after.
                Skip(skipped, FirstSkip(f, [.. used.Select(t => t.Cost), .. risks]), f.Code);
                continue;
            }

            evaluated++;
            counts[s0 - 1]++;
            sizes.Add(s0 - 1, row, f);
        }

        for (var s0 = 0; s0 < n; s0++)
        {
            for (var s = 0; s < n && counts[s0] > 0; s++)
            {
                buckets[s0, s] = (slot[s] >= 0 ? sizes.Price(s0, used[slot[s]].Cost) : 0) + (riskUsed ? sizes.Price(s0, risks[s]) : 0);
            }
        }

        var chain = new PolicyChain(oneYear, after, new double[n]);
        var m = chain.Step();
        var yearCosts = new double[years];
        var distributions = new List<double[]>(years);
        var r = Matrix.Identity(n);
        for (var t = 0; t < years; t++)
        {
            var d = new double[n + 1];
            for (var s0 = 0; s0 < n; s0++)
            {
                for (var s = 0; s < n; s++)
                {
                    yearCosts[t] += r[s0, s] * buckets[s0, s];
                    d[s] += counts[s0] * r[s0, s];
                }
            }

            distributions.Add(d);
            r = Matrix.Multiply(r, m);
        }

        // V_f(s0) = Σ_s G[s0, s] c_f(s) with G = (I − γM)⁻¹; the long-run average is π·c_f for every start.
        var g = Matrix.Solve(Matrix.Combine((1, Matrix.Identity(n)), (-PolicyChain.Discount(rate), m)), Matrix.Identity(n));
        var pi = chain.Stationary();
        double infinite = 0, average = 0;
        for (var s0 = 0; s0 < n; s0++)
        {
            for (var s = 0; s < n; s++)
            {
                infinite += g[s0, s] * buckets[s0, s];
                average += pi[s] * buckets[s0, s];
            }
        }

        return new StockResult(policy, evaluated, yearCosts, distributions, infinite, average, rate, Done(skipped));
    }

    private static StockResult AgeBased(double[,] oneYear, TreatmentLibrary library, PolicySpec policy, IEnumerable<StockItem> stock, int years, double rate)
    {
        var n = library.Levels;
        var aged = library.Treatments.Where(t => (t.Ages ?? []).Count > 0).ToList();
        var renewal = aged.First(t => t.Effect.ResetsAge);
        var cycle = renewal.Ages!.Min();
        var events = aged.Where(t => t != renewal).SelectMany(t => t.Ages!.Where(a => a < cycle).Select(a => (Age: a, Treatment: aged.IndexOf(t)))).ToList();
        var renewalIndex = aged.IndexOf(renewal);
        var backlog = Math.Max(1, policy.BacklogYears ?? 1);

        // Buckets by age in the cycle (cycle + 1 = overdue) and start state (n = unknown): count and Σ price of each treatment.
        var count = new double[cycle + 2, n + 1];
        var priced = new double[cycle + 2, aged.Count];
        var skipped = new Dictionary<string, (int Count, List<string> First)>();
        var evaluated = 0;
        var sizes = new StockSizes([.. aged.Select(t => t.Cost)], cycle + 2);
        foreach (ref readonly var f in Items(stock))
        {
            if (f.Age is not { } age || age < 0)
            {
                Skip(skipped, "建設年度がない", f.Code);
                continue;
            }

            var row = sizes.Slot(f);
            if (row < 0)
            {
                Skip(skipped, FirstSkip(f, [.. aged.Select(t => t.Cost)]), f.Code);
                continue;
            }

            var a = age > cycle ? cycle + 1 : age;
            evaluated++;
            count[a, f.State is { } s && s >= 1 && s <= n ? s - 1 : n]++;
            sizes.Add(a, row, f);
        }

        for (var a = 0; a <= cycle + 1; a++)
        {
            for (var j = 0; j < aged.Count; j++)
            {
                priced[a, j] = sizes.Price(a, aged[j].Cost);
            }
        }

        var gamma = PolicyChain.Discount(rate);
        var yearCosts = new double[years];
        var distributions = Enumerable.Range(0, years).Select(_ => new double[n + 1]).ToList();
        double infinite = 0, average = 0;
        var eventsPv = aged.Select((_, j) => events.Where(e => e.Treatment == j).Sum(e => Math.Pow(gamma, e.Age))).ToArray();
        var perCycle = aged.Select((_, j) => (j == renewalIndex ? 1 : 0) + events.Count(e => e.Treatment == j)).ToArray();
        for (var a0 = 0; a0 <= cycle + 1; a0++)
        {
            var d = new double[n + 1];
            for (var s = 0; s <= n; s++)
            {
                d[s] = count[a0, s];
            }

            if (d.Sum() == 0)
            {
                continue;
            }

            var a = a0;
            var firstRenewal = -1;
            for (var t = 0; t < Math.Max(years, cycle + 2) && (t < years || firstRenewal < 0); t++)
            {
                var treatment = a >= cycle ? renewalIndex : a > 0 && events.FindIndex(e => e.Age == a) is var i and >= 0 ? events[i].Treatment : -1;
                if (treatment >= 0)
                {
                    var overdue = treatment == renewalIndex && a0 == cycle + 1 && t == 0;
                    for (var k = 0; k < (overdue ? backlog : 1); k++)
                    {
                        var share = priced[a0, treatment] / (overdue ? backlog : 1);
                        if (t + k < years)
                        {
                            yearCosts[t + k] += share;
                        }

                        if (firstRenewal < 0)
                        {
                            infinite += Math.Pow(gamma, t + k) * share;
                        }
                    }

                    if (treatment == renewalIndex)
                    {
                        if (firstRenewal < 0)
                        {
                            firstRenewal = t;
                        }

                        a = 0;
                    }

                    d = Treat(d, aged[treatment].Effect, n);
                }

                if (t < years)
                {
                    distributions[t] = Add(distributions[t], d);
                }

                d = Step(d, oneYear, n);
                a++;
            }

            // From the first renewal (year tR) on the schedule repeats every cycle L: the events at tR + e + kL (k ≥ 0)
            // and the renewals at tR + kL (k ≥ 1), summed in closed form.
            var perCycleFactor = 1 / (1 - Math.Pow(gamma, cycle));
            for (var j = 0; j < aged.Count; j++)
            {
                var pv = j == renewalIndex ? Math.Pow(gamma, firstRenewal + cycle) : Math.Pow(gamma, firstRenewal) * eventsPv[j];
                infinite += perCycleFactor * pv * priced[a0, j];
                average += perCycle[j] * priced[a0, j] / cycle;
            }
        }

        return new StockResult(policy, evaluated, yearCosts, distributions, infinite, average, rate, Done(skipped));
    }

    /// <summary>Why a facility cannot be priced: the reason of the first rule that cannot price it.</summary>
    private static string FirstSkip(in StockItem f, CostRule[] rules)
    {
        foreach (var rule in rules)
        {
            if (f.Price(rule).Skip is { } reason)
            {
                return reason;
            }
        }

        throw new InvalidOperationException("a facility that cannot be priced has a reason");
    }

    /// <summary>The facilities without an enumerator per item (arrays and lists as they are; anything else copied once).</summary>
    private static ReadOnlySpan<StockItem> Items(IEnumerable<StockItem> stock) => stock switch
    {
        StockItem[] array => array,
        List<StockItem> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
        _ => stock.ToArray(),
    };

    private static double[] Treat(double[] d, TreatmentEffect effect, int n)
    {
        var r = new double[n + 1];
        r[n] = d[n];
        for (var s = 0; s < n; s++)
        {
            r[effect.After(s + 1) - 1] += d[s];
        }

        return r;
    }

    private static double[] Step(double[] d, double[,] p, int n)
    {
        var r = new double[n + 1];
        r[n] = d[n];
        for (var s = 0; s < n; s++)
        {
            for (var j = 0; j < n; j++)
            {
                r[j] += d[s] * p[s, j];
            }
        }

        return r;
    }

    private static double[] Add(double[] a, double[] b) => [.. a.Select((x, i) => x + b[i])];

    private static void Skip(Dictionary<string, (int Count, List<string> First)> skipped, string reason, string code)
    {
        if (!skipped.TryGetValue(reason, out var s))
        {
            s = (0, []);
        }

        if (s.First.Count < SkipExamples)
        {
            s.First.Add(code);
        }

        skipped[reason] = (s.Count + 1, s.First);
    }

    private static Dictionary<string, SkipCount> Done(Dictionary<string, (int Count, List<string> First)> skipped) =>
        skipped.ToDictionary(x => x.Key, x => new SkipCount(x.Value.Count, x.Value.First));
}
