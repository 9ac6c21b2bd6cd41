using System.Globalization;
using InfraLedger.Core.Maintenance;

namespace InfraLedger.Core.Planning;

/// <summary>A candidate proposed for one facility and year, with the state it is expected in and why (③ 対策の優先順位の考え方).</summary>
public sealed record ProposedCandidate(Candidate Candidate, int State, double Probability, string Reason);

/// <summary>
/// Candidates from the register (ADR 0024): for each plan year t (0-based, fiscal year <c>firstYear + t</c>), the
/// facility's state distribution without works d_t = e(s₀)·Pᵗ; when the policy acts in its most likely state, that
/// treatment is a candidate, priced on the facility. Its benefit is the net reduction of expected discounted cost of
/// starting the policy in year t instead of after the plan: U − T_t, where U = Σ_{k&lt;H} γᵏ d_k·risk + γᴴ d_H·V and
/// T_t = Σ_{k&lt;t} γᵏ d_k·risk + γᵗ d_t·V. risk is the library's yearly risk cost of each state; V the policy's
/// infinite-horizon discounted cost from each state, its treatments included (maintenance-planning.md §3). Only positive
/// benefits count, and zero ones in a state where something must be done (the library's required states). Where acting beats waiting a year (as the optimal policy of E2 does), T_t grows with t: a work the
/// policy would do now is worth most now.
/// </summary>
public static class CandidateBuilder
{
    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

    /// <summary>The candidates of one facility, or the reason it has none that can be priced.</summary>
    public static (IReadOnlyList<ProposedCandidate> Candidates, string? Skip) For(
        double[,] oneYear, TreatmentLibrary library, PolicySpec policy, StockItem facility, int years, double rate, int firstYear)
    {
        if (policy.Type == PolicyType.Age)
        {
            return ([], "年数による方針（更新周期）からは状態に応じた対策候補を作れません");
        }

        if (facility.State is not { } s0 || s0 < 1 || s0 > library.Levels)
        {
            return ([], "点検記録（この資産種別の区分）がない");
        }

        var plan = StockEvaluation.Plan(library, policy);
        if (StockEvaluation.Chain(oneYear, library, policy, facility) is not { } chain)
        {
            return ([], "対策の費用を計算できない（面積・延長・口径がない）");
        }

        var n = library.Levels;
        var gamma = PolicyChain.Discount(rate);
        var v = chain.Discounted(rate);
        var risk = new double[n];
        for (var s = 0; s < n && library.Risk is { } r; s++)
        {
            risk[s] = facility.Price(new CostRule(r.Unit, r.PerYear[s])).Cost;
        }

        var untreated = new double[years + 1][];
        untreated[0] = new double[n];
        untreated[0][s0 - 1] = 1;
        for (var t = 1; t <= years; t++)
        {
            untreated[t] = Step(oneYear, untreated[t - 1]);
        }

        // Discounted risk of the untreated years before t, and U itself.
        var before = new double[years + 1];
        for (var t = 0; t < years; t++)
        {
            before[t + 1] = before[t] + (Math.Pow(gamma, t) * Dot(untreated[t], risk));
        }

        var u = before[years] + (Math.Pow(gamma, years) * Dot(untreated[years], v));
        var proposed = new List<ProposedCandidate>();
        for (var t = 0; t < years; t++)
        {
            var mode = Mode(untreated[t]);
            if (plan[mode] is not { } treatment)
            {
                continue;
            }

            // Nothing until year t, then the policy from the state the facility is in (its treatment now, at the price of
            // the state it is in, and all later costs): the policy started at t instead of after the plan.
            var benefit = Yen(u - (before[t] + (Math.Pow(gamma, t) * Dot(untreated[t], v))));
            var required = library.RequiredStates?.Contains(mode + 1) == true;
            if (benefit <= 0 && !required)
            {
                continue;
            }

            // A state where something must be done (e.g. 判定区分 IV) stays a candidate even when waiting costs nothing in
            // the library's figures (no risk cost): its benefit is then 0, and a deadline or a committed work takes it.
            benefit = Math.Max(benefit, 0);
            var year = firstYear + t;
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"{year}年度に最も可能性の高い区分 {Roman[mode]}（確率 {untreated[t][mode] * 100:0}%）で方針「{policy.Name}」が{treatment.Name}を行う{(required ? "（措置が必要な区分）" : "")}");
            proposed.Add(new ProposedCandidate(
                new Candidate(facility.Code, year, treatment.Name, Yen(facility.Price(treatment.Cost).Cost), benefit),
                mode + 1, untreated[t][mode], reason));
        }

        return (proposed, null);
    }

    /// <summary>Amounts in whole yen, half away from zero (the rounding of the register's other yen figures).</summary>
    private static decimal Yen(double value) => Math.Round((decimal)value, 0, MidpointRounding.AwayFromZero);

    /// <summary>The most likely state; of equal ones the worse, so a tie never hides a needed treatment.</summary>
    private static int Mode(double[] d)
    {
        var best = 0;
        for (var s = 1; s < d.Length; s++)
        {
            if (d[s] >= d[best])
            {
                best = s;
            }
        }

        return best;
    }

    internal static double[] Step(double[,] p, double[] d)
    {
        var next = new double[d.Length];
        for (var i = 0; i < d.Length; i++)
        {
            for (var j = 0; j < d.Length; j++)
            {
                next[j] += d[i] * p[i, j];
            }
        }

        return next;
    }

    private static double Dot(double[] a, double[] b) => a.Select((x, i) => x * b[i]).Sum();
}
