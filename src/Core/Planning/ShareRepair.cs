namespace InfraLedger.Core.Planning;

/// <summary>
/// The heuristic's way to meet the share targets: while some target year has too many expected poor facilities, take
/// (or swap a facility's choice for) the candidate that removes the most excess per yen of extra cost and fits its
/// budget; committed works and deadline picks are kept. Each step lowers the total excess (whole millionths), so it ends.
/// </summary>
internal static class ShareRepair
{
    /// <summary>Null when every target is met, else the first target year still missed.</summary>
    public static ShareRows.Row? Run(HeuristicSolver.State state)
    {
        var rows = state.Shares.Items;
        if (rows.Count == 0)
        {
            return null;
        }

        var candidates = state.Problem.Candidates;
        while (Excess(state, -1, -1) > 0)
        {
            var now = Excess(state, -1, -1);
            var (best, bestRatio) = (-1, 0.0);
            for (var i = 0; i < candidates.Count; i++)
            {
                var current = state.InSlot(state.SlotOf(i));
                if (current == i || candidates[i].Committed || (current >= 0 && (candidates[current].Committed || state.Pinned.Contains(current)))
                    || !state.BudgetFitsReplacing(i, current))
                {
                    continue;
                }

                var gain = now - Excess(state, i, current);
                if (gain <= 0)
                {
                    continue;
                }

                var extra = (double)(candidates[i].Cost - (current >= 0 ? candidates[current].Cost : 0));
                var ratio = gain / Math.Max(extra, 1e-9);
                if (best < 0 || ratio > bestRatio)
                {
                    (best, bestRatio) = (i, ratio);
                }
            }

            if (best < 0)
            {
                return rows.Where((r, k) => state.ShareSums[k] > r.Limit).First();
            }

            var replaced = state.InSlot(state.SlotOf(best));
            if (replaced >= 0)
            {
                state.Drop(replaced);
            }

            state.Take(best);
        }

        return null;
    }

    /// <summary>Σ over rows of how far the sum is above the limit, with <paramref name="add"/> taken and <paramref name="drop"/> dropped (−1: none).</summary>
    private static double Excess(HeuristicSolver.State state, int add, int drop)
    {
        double total = 0;
        for (var r = 0; r < state.ShareSums.Length; r++)
        {
            var row = state.Shares.Items[r];
            var sum = state.ShareSums[r] + (add >= 0 ? row.Delta[add] : 0) - (drop >= 0 ? row.Delta[drop] : 0);
            total += Math.Max(0, sum - row.Limit);
        }

        return total;
    }
}
