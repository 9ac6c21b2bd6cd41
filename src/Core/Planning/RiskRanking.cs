using System.Globalization;
using InfraLedger.Core.Maintenance;

namespace InfraLedger.Core.Planning;

/// <summary>The tenant's risk settings: the horizon n of the probability and the weighted attributes (maintenance-planning.md §6).</summary>
public sealed record RiskSettings(int Years, IReadOnlyList<ConsequenceFactor> Attributes);

/// <summary>One facility as the risk ranking sees it: its state and measures, and the keys of the attributes it has.</summary>
public sealed record RiskFacility(StockItem Item, IReadOnlySet<string> Attributes);

/// <summary>One row of the ranked list: probability, consequence, risk, rank and the reason in words.</summary>
public sealed record RiskEntry(string Facility, int State, double Probability, decimal Consequence, double Risk, int Rank, string Reason);

/// <summary>
/// Risk and priority (maintenance-planning.md §6; no national formula exists, so the weights are each tenant's own):
/// risk = P(reaching the worst grade within n years, from the Markov model, no works) × consequence, with
/// consequence = 1 + Σ weights of the facility's attributes. Ranked by risk, then the worse state, then the code.
/// Facilities without a state on the kind's scale are left out (the caller counts them).
/// </summary>
public static class RiskRanking
{
    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

    public static IReadOnlyList<RiskEntry> Rank(double[,] oneYear, IEnumerable<RiskFacility> facilities, RiskSettings settings)
    {
        var n = oneYear.GetLength(0);
        var reach = WorstWithin(oneYear, settings.Years);
        var rows = new List<RiskEntry>();
        foreach (var f in facilities)
        {
            if (f.Item.State is not { } s || s < 1 || s > n)
            {
                continue;
            }

            var held = settings.Attributes.Where(a => f.Attributes.Contains(a.Key)).ToList();
            var consequence = 1 + held.Sum(a => a.Weight);
            var p = reach[s - 1];
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"区分 {Roman[s - 1]}、{settings.Years}年以内に {Roman[n - 1]} に達する確率 {p * 100:0.0}%、影響度 {consequence:0.##}（基本 1{string.Concat(held.Select(a => $" ＋ {a.Describe()} {a.Weight.ToString("0.##", CultureInfo.InvariantCulture)}"))}）");
            rows.Add(new RiskEntry(f.Item.Code, s, p, consequence, p * (double)consequence, 0, reason));
        }

        return [.. rows.OrderByDescending(r => r.Risk).ThenByDescending(r => r.State).ThenBy(r => r.Facility, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 })];
    }

    /// <summary>For each start state, the probability of being in the worst (absorbing) state after <paramref name="years"/> years without works.</summary>
    public static double[] WorstWithin(double[,] oneYear, int years)
    {
        var n = oneYear.GetLength(0);
        var result = new double[n];
        for (var s = 0; s < n; s++)
        {
            var d = new double[n];
            d[s] = 1;
            for (var t = 0; t < years; t++)
            {
                d = CandidateBuilder.Step(oneYear, d);
            }

            result[s] = d[n - 1];
        }

        return result;
    }
}
