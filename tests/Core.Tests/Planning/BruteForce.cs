using InfraLedger.Core.Planning;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>The exact optimum by enumerating every plan (each slot: nothing or one of its candidates); null when no plan is feasible.</summary>
internal static class BruteForce
{
    public static decimal? Best(ProgrammeProblem p, ShareRows? shares = null)
    {
        var slots = Enumerable.Range(0, p.Candidates.Count)
            .GroupBy(i => (p.Candidates[i].Facility, p.Exclusivity == Exclusivity.OnePerFacility ? 0 : p.Candidates[i].Year))
            .Select(g => g.ToArray()).ToArray();
        var budgets = p.Budgets.ToDictionary(b => (b.Year, b.Source), b => b.Amount);
        var chosen = new List<int>();
        decimal? best = null;

        void Walk(int s)
        {
            if (s == slots.Length)
            {
                if (Feasible(p, chosen, budgets) && (shares is null || shares.Sums(chosen).Select((s, r) => s <= shares.Items[r].Limit).All(ok => ok)))
                {
                    var benefit = chosen.Sum(i => p.Candidates[i].Benefit);
                    best = best is null ? benefit : Math.Max(best.Value, benefit);
                }

                return;
            }

            if (!slots[s].Any(i => p.Candidates[i].Committed))
            {
                Walk(s + 1);
            }

            foreach (var i in slots[s])
            {
                chosen.Add(i);
                Walk(s + 1);
                chosen.RemoveAt(chosen.Count - 1);
            }
        }

        Walk(0);
        return best;
    }

    private static bool Feasible(ProgrammeProblem p, List<int> chosen, Dictionary<(int, string), decimal> budgets) =>
        p.Candidates.Select((c, i) => (c, i)).Where(x => x.c.Committed).All(x => chosen.Contains(x.i))
        && chosen.GroupBy(i => (p.Candidates[i].Year, p.Candidates[i].Source)).All(g => g.Sum(i => p.Candidates[i].Cost) <= budgets[g.Key])
        && p.Targets.All(d => chosen.Any(i => p.Candidates[i].Facility == d.Facility && p.Candidates[i].Year <= d.ByYear));
}
