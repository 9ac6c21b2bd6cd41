using InfraLedger.Core.Common;

namespace InfraLedger.Core.Planning;

/// <summary>
/// The fast heuristic for any network size (Pontis/INCBEN-style, maintenance-planning.md §5): committed works first;
/// then each deadline with its cheapest candidate that still fits; then every other candidate in order of
/// benefit/cost (ties: larger benefit, facility, year) when its slot is free and its budget has room; last, passes of
/// incremental benefit/cost that replace a slot's choice by an alternative of larger benefit whenever the budget
/// freed plus what is left pays for it. The same again in the order of benefit − λ·cost with Lagrangian prices of the
/// budgets (<see cref="LagrangianPrices"/>) and, up to a size, of the linear relaxation (<see cref="LinearRelaxation"/>);
/// the best plan is kept. Share targets are met right after the deadlines (<see cref="ShareRepair"/>) and no later step
/// takes a row above its limit. Budgets are checked in decimal yen: never
/// exceeded. O(n log n) plus a fixed number of passes.
/// </summary>
public static class HeuristicSolver
{
    private const int ImprovementPasses = 3;

    public static Result<ProgrammePlan> Solve(ProgrammeProblem problem)
    {
        if (ProgrammeCheck.Check(problem) is { } error)
        {
            return error;
        }

        var shares = ShareRows.Of(problem);
        if (!shares.IsSuccess)
        {
            return shares.Error!;
        }

        var candidates = problem.Candidates;
        var byFacility = ProgrammeCheck.ByFacility(problem);
        var eligible = Enumerable.Range(0, candidates.Count).Where(i => !candidates[i].Committed && candidates[i].Benefit > 0).ToArray();
        var byRatio = eligible.OrderByDescending(i => Ratio(candidates[i])).ThenByDescending(i => candidates[i].Benefit)
            .ThenBy(i => candidates[i].Facility, StringComparer.Ordinal).ThenBy(i => candidates[i].Year).ToArray();
        var plain = Run(problem, shares.Value, byFacility, byRatio, byRatio);
        if (!plain.IsSuccess)
        {
            return plain.Error!;
        }

        // The same with the order of benefit − λ·cost, λ the budgets' Lagrangian prices: it sees that a facility deferred
        // to a later year loses benefit, which the plain ratio order does not. The better of the two plans is kept.
        var prices = LagrangianPrices.Estimate(problem, eligible, i => ExactSolver.Slot(problem, candidates[i]));
        var byReducedBenefit = eligible.Select(i => (i, Reduced: (double)candidates[i].Benefit - (prices[(candidates[i].Year, candidates[i].Source)] * (double)candidates[i].Cost)))
            .Where(x => x.Reduced > 0).OrderByDescending(x => x.Reduced).ThenBy(x => x.i).Select(x => x.i).ToArray();
        var best = Better(plain.Value, Run(problem, shares.Value, byFacility, byReducedBenefit, byRatio).Value);

        // On networks of moderate size, the order of the linear relaxation's solution (its ones first) as well.
        if (candidates.Count <= LinearRelaxation.MaxCandidates && LinearRelaxation.Solve(problem, i => ExactSolver.Slot(problem, candidates[i]), shares.Value) is { } x)
        {
            var rank = new int[candidates.Count];
            for (var r = 0; r < byRatio.Length; r++)
            {
                rank[byRatio[r]] = r;
            }

            var byRelaxation = eligible.Where(i => x[i] > 1e-6).OrderByDescending(i => x[i]).ThenBy(i => rank[i]).ToArray();
            best = Better(best, Run(problem, shares.Value, byFacility, byRelaxation, byRatio).Value);
        }

        return new ProgrammePlan(SolveMethod.Heuristic, ProgrammePlan.Sorted(best.Chosen), false, null);
    }

    private static ProgrammePlan Better(ProgrammePlan a, ProgrammePlan b) => b.Benefit > a.Benefit ? b : a;

    private static Result<ProgrammePlan> Run(ProgrammeProblem problem, ShareRows shares, Dictionary<string, List<int>> byFacility, int[] order, int[] byRatio)
    {
        var state = new State(problem, shares);
        var candidates = problem.Candidates;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Committed)
            {
                state.Take(i);
            }
        }

        foreach (var d in problem.Targets.OrderBy(d => d.ByYear).ThenBy(d => d.Facility, StringComparer.Ordinal))
        {
            var own = byFacility[d.Facility].Where(i => candidates[i].Year <= d.ByYear).ToList();
            if (own.Any(state.Chosen.Contains))
            {
                continue;
            }

            var pick = own.Where(i => state.Free(i) && state.Fits(i))
                .OrderBy(i => candidates[i].Cost).ThenByDescending(i => candidates[i].Benefit).ThenBy(i => candidates[i].Year).FirstOrDefault(-1);
            if (pick < 0)
            {
                return Errors.HeuristicInfeasible(d.Facility, d.ByYear, d.Reason);
            }

            state.Take(pick);
            state.Pinned.Add(pick);
        }

        if (ShareRepair.Run(state) is { } missed)
        {
            return Errors.ShareHeuristicInfeasible(missed.Year, missed.MaxShare);
        }

        foreach (var i in order.Concat(order == byRatio ? [] : byRatio))
        {
            if (state.Free(i) && state.Fits(i))
            {
                state.Take(i);
            }
        }

        SourceRebalance.Run(state, order);

        for (var pass = 0; pass < ImprovementPasses && Improve(state, byRatio); pass++)
        {
        }

        return new ProgrammePlan(SolveMethod.Heuristic, [.. state.Chosen.Select(i => candidates[i])], false, null);
    }

    /// <summary>One pass of incremental benefit/cost over the slots: the best affordable upgrade of each slot's choice.</summary>
    private static bool Improve(State state, int[] order)
    {
        var changed = false;
        var candidates = state.Problem.Candidates;
        foreach (var slot in order.GroupBy(state.SlotOf))
        {
            var current = state.InSlot(slot.Key);
            if (current >= 0 && (candidates[current].Committed || state.Pinned.Contains(current)))
            {
                continue;
            }

            var gain = current < 0 ? 0 : candidates[current].Benefit;
            var best = -1;
            var bestRatio = 0m;
            foreach (var i in slot)
            {
                var delta = candidates[i].Benefit - gain;
                if (i == current || delta <= 0 || !state.FitsReplacing(i, current))
                {
                    continue;
                }

                var extra = candidates[i].Cost - (current < 0 ? 0 : candidates[current].Cost);
                var ratio = extra <= 0 ? decimal.MaxValue : delta / extra;
                if (best < 0 || ratio > bestRatio)
                {
                    (best, bestRatio) = (i, ratio);
                }
            }

            if (best >= 0)
            {
                if (current >= 0)
                {
                    state.Drop(current);
                }

                state.Take(best);
                changed = true;
            }
        }

        return changed;
    }

    private static decimal Ratio(Candidate c) => c.Cost == 0 ? decimal.MaxValue : c.Benefit / c.Cost;

    /// <summary>What is chosen, per slot, and what is left of each budget.</summary>
    internal sealed class State
    {
        private readonly Dictionary<(int, string), decimal> left;
        private readonly Dictionary<(string, int), int> slots = [];

        public State(ProgrammeProblem problem, ShareRows shares)
        {
            Problem = problem;
            Shares = shares;
            ShareSums = new long[shares.Items.Count];
            left = problem.Budgets.ToDictionary(b => (b.Year, b.Source), b => b.Amount);
        }

        public ProgrammeProblem Problem { get; }

        public ShareRows Shares { get; }

        /// <summary>Σ delta·x of each share row for the chosen candidates.</summary>
        public long[] ShareSums { get; }

        public SortedSet<int> Chosen { get; } = [];

        public HashSet<int> Pinned { get; } = [];

        public (string, int) SlotOf(int i) => ExactSolver.Slot(Problem, Problem.Candidates[i]);

        public int InSlot((string, int) slot) => slots.TryGetValue(slot, out var i) ? i : -1;

        public bool Free(int i) => !slots.ContainsKey(SlotOf(i));

        public bool Fits(int i) => Problem.Candidates[i].Cost <= left[Key(i)] && ShareOk(i, -1);

        /// <summary>Whether <paramref name="i"/> fits once <paramref name="current"/> (or nothing, when negative) is dropped.</summary>
        public bool FitsReplacing(int i, int current) => BudgetFitsReplacing(i, current) && ShareOk(i, current);

        public bool BudgetFitsReplacing(int i, int current) =>
            Problem.Candidates[i].Cost <= left[Key(i)] + (current >= 0 && Key(current) == Key(i) ? Problem.Candidates[current].Cost : 0);

        /// <summary>No share row goes above its limit (or above where it already is, while the targets are being met).</summary>
        public bool ShareOk(int i, int current)
        {
            for (var r = 0; r < ShareSums.Length; r++)
            {
                var row = Shares.Items[r];
                var next = ShareSums[r] + row.Delta[i] - (current >= 0 ? row.Delta[current] : 0);
                if (next > Math.Max(row.Limit, ShareSums[r]))
                {
                    return false;
                }
            }

            return true;
        }

        public void Take(int i)
        {
            Chosen.Add(i);
            slots[SlotOf(i)] = i;
            left[Key(i)] -= Problem.Candidates[i].Cost;
            for (var r = 0; r < ShareSums.Length; r++)
            {
                ShareSums[r] += Shares.Items[r].Delta[i];
            }
        }

        public void Drop(int i)
        {
            Chosen.Remove(i);
            slots.Remove(SlotOf(i));
            left[Key(i)] += Problem.Candidates[i].Cost;
            for (var r = 0; r < ShareSums.Length; r++)
            {
                ShareSums[r] -= Shares.Items[r].Delta[i];
            }
        }

        private (int, string) Key(int i) => (Problem.Candidates[i].Year, Problem.Candidates[i].Source);
    }
}
