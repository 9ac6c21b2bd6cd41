namespace InfraLedger.Core.Planning;

/// <summary>
/// Prices λ ≥ 0 of the budgets (year, source) by subgradient steps on the Lagrangian relaxation of the budget
/// constraints: each slot takes its candidate of largest benefit − λ·cost when positive; a budget spent over its amount
/// raises its price, one under lowers it. The average of the later iterates is returned (it oscillates less). Used
/// only to order the heuristic's candidates, so an approximate λ is enough.
/// </summary>
internal static class LagrangianPrices
{
    private const int Iterations = 60;

    public static Dictionary<(int, string), double> Estimate(ProgrammeProblem problem, int[] eligible, Func<int, (string, int)> slotOf)
    {
        var keys = problem.Budgets.Select(b => (b.Year, b.Source)).ToList();
        var keyIndex = keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        var amount = problem.Budgets.Select(b => Math.Max(1.0, (double)b.Amount)).ToArray();
        var candidates = problem.Candidates;
        var cost = eligible.Select(i => (double)candidates[i].Cost).ToArray();
        var benefit = eligible.Select(i => (double)candidates[i].Benefit).ToArray();
        var key = eligible.Select(i => keyIndex[(candidates[i].Year, candidates[i].Source)]).ToArray();
        var slotIds = new Dictionary<(string, int), int>();
        var slot = eligible.Select(i => slotIds.TryGetValue(slotOf(i), out var s) ? s : slotIds[slotOf(i)] = slotIds.Count).ToArray();
        var start = 1.0;
        if (cost.Sum() > 0)
        {
            start = benefit.Sum() / cost.Sum();
        }

        var lambda = new double[keys.Count];
        var average = new double[keys.Count];
        var averaged = 0;
        var best = new int[slotIds.Count];
        var bestValue = new double[slotIds.Count];
        for (var t = 0; t < Iterations; t++)
        {
            Array.Fill(best, -1);
            Array.Fill(bestValue, 0);
            for (var j = 0; j < eligible.Length; j++)
            {
                var value = benefit[j] - (lambda[key[j]] * cost[j]);
                if (value > bestValue[slot[j]])
                {
                    (best[slot[j]], bestValue[slot[j]]) = (j, value);
                }
            }

            var used = new double[keys.Count];
            foreach (var j in best.Where(j => j >= 0))
            {
                used[key[j]] += cost[j];
            }

            var step = start / Math.Sqrt(t + 1);
            for (var k = 0; k < keys.Count; k++)
            {
                lambda[k] = Math.Max(0, lambda[k] + (step * (used[k] - amount[k]) / amount[k]));
                if (t >= Iterations / 2)
                {
                    average[k] += lambda[k];
                }
            }

            averaged += t >= Iterations / 2 ? 1 : 0;
        }

        return keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => average[x.i] / averaged);
    }
}
