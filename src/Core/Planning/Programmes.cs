using InfraLedger.Core.Common;

namespace InfraLedger.Core.Planning;

/// <summary>The entry to the works programme: one method, or both with the heuristic's gap.</summary>
public static class Programmes
{
    public static Result<ProgrammePlan> Solve(ProgrammeProblem problem, SolveMethod method, ExactOptions? options = null) =>
        method == SolveMethod.Exact ? ExactSolver.Solve(problem, options) : HeuristicSolver.Solve(problem);

    /// <summary>Both solvers; refused when either is (the exact solver's reason first, it names the binding budget).</summary>
    public static Result<ProgrammeComparison> Compare(ProgrammeProblem problem, ExactOptions? options = null)
    {
        var exact = ExactSolver.Solve(problem, options);
        if (!exact.IsSuccess)
        {
            return exact.Error!;
        }

        var heuristic = HeuristicSolver.Solve(problem);
        return heuristic.IsSuccess ? new ProgrammeComparison(exact.Value, heuristic.Value) : heuristic.Error!;
    }
}
