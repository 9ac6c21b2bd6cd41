using Google.OrTools.LinearSolver;

namespace InfraLedger.Core.Planning;

/// <summary>
/// The programme's linear relaxation (x ∈ [0, 1]) solved by OR-Tools GLOP, for the heuristic's order: a basic optimal
/// solution has at most as many fractional slots as there are budgets, so taking its ones first and filling the rest
/// loses little. Only for networks up to <see cref="MaxCandidates"/> candidates; larger ones use Lagrangian prices.
/// </summary>
internal static class LinearRelaxation
{
    public const int MaxCandidates = 200_000;

    /// <summary>x of every candidate (index as in the problem), or null when the relaxation is infeasible or not solved.</summary>
    public static double[]? Solve(ProgrammeProblem problem, Func<int, (string, int)> slotOf, ShareRows shares)
    {
        var candidates = problem.Candidates;
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools GLOP is not available");
        var x = new Variable[candidates.Count];
        var objective = solver.Objective();
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = solver.MakeNumVar(candidates[i].Committed ? 1 : 0, 1, $"x{i}");
            objective.SetCoefficient(x[i], (double)candidates[i].Benefit);
        }

        objective.SetMaximization();
        foreach (var b in problem.Budgets)
        {
            var c = solver.MakeConstraint(double.NegativeInfinity, (double)b.Amount);
            for (var i = 0; i < x.Length; i++)
            {
                if (candidates[i].Year == b.Year && candidates[i].Source == b.Source)
                {
                    c.SetCoefficient(x[i], (double)candidates[i].Cost);
                }
            }
        }

        foreach (var slot in Enumerable.Range(0, x.Length).GroupBy(slotOf).Where(g => g.Count() > 1))
        {
            var c = solver.MakeConstraint(double.NegativeInfinity, 1);
            foreach (var i in slot)
            {
                c.SetCoefficient(x[i], 1);
            }
        }

        var byFacility = ProgrammeCheck.ByFacility(problem);
        foreach (var d in problem.Targets)
        {
            var c = solver.MakeConstraint(1, double.PositiveInfinity);
            foreach (var i in byFacility[d.Facility].Where(i => candidates[i].Year <= d.ByYear))
            {
                c.SetCoefficient(x[i], 1);
            }
        }

        foreach (var row in shares.Items)
        {
            var c = solver.MakeConstraint(double.NegativeInfinity, row.Limit);
            for (var i = 0; i < x.Length; i++)
            {
                if (row.Delta[i] != 0)
                {
                    c.SetCoefficient(x[i], row.Delta[i]);
                }
            }
        }

        return solver.Solve() == Solver.ResultStatus.OPTIMAL ? [.. x.Select(v => v.SolutionValue())] : null;
    }
}
