namespace InfraLedger.Core.Planning;

/// <summary>
/// The heuristic's pass for several funding sources: a work is a candidate once per source of its year, and the fill
/// takes whichever copy comes first, so a later, larger work can find its source spent while another source has room.
/// For each candidate (in the fill's order) whose facility is free but whose source is short, chosen works of the same
/// year and source move to another source of theirs that has room, largest first (fewest moves), until it fits; if it never fits,
/// the moves are undone. Committed works and deadline picks stay where they are.
/// </summary>
internal static class SourceRebalance
{
    public static void Run(HeuristicSolver.State state, int[] order)
    {
        var p = state.Problem;
        var siblings = Enumerable.Range(0, p.Candidates.Count)
            .GroupBy(i => (p.Candidates[i].Facility, p.Candidates[i].Year, p.Candidates[i].Treatment))
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.ToArray());
        if (siblings.Count == 0)
        {
            return;
        }

        foreach (var i in order)
        {
            if (!state.Free(i) || state.Fits(i))
            {
                continue;
            }

            var c = p.Candidates[i];
            var movable = state.Chosen
                .Where(j => p.Candidates[j].Year == c.Year && p.Candidates[j].Source == c.Source && !p.Candidates[j].Committed && !state.Pinned.Contains(j))
                .OrderByDescending(j => p.Candidates[j].Cost).ThenBy(j => j).ToList();
            var moves = new List<(int From, int To)>();
            foreach (var j in movable)
            {
                var cj = p.Candidates[j];
                var to = siblings.GetValueOrDefault((cj.Facility, cj.Year, cj.Treatment))?.FirstOrDefault(k => k != j && p.Candidates[k].Source != cj.Source && state.BudgetFitsReplacing(k, j), -1) ?? -1;
                if (to < 0)
                {
                    continue;
                }

                state.Drop(j);
                state.Take(to);
                moves.Add((j, to));
                if (state.Fits(i))
                {
                    break;
                }
            }

            if (state.Fits(i))
            {
                state.Take(i);
                continue;
            }

            for (var m = moves.Count - 1; m >= 0; m--)
            {
                state.Drop(moves[m].To);
                state.Take(moves[m].From);
            }
        }
    }
}
