using InfraLedger.Core.Common;
using InfraLedger.Core.Planning;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>
/// A plan of either solver for tests that check what every plan must keep (budgets, slots, targets), not optimality:
/// 3 seconds find a plan or prove there is none on the random networks here (proving their optimum took up to 20); a
/// slower machine that finds nothing in 3 gets 20.
/// </summary>
internal static class AnyPlan
{
    public static Result<ProgrammePlan> Solve(ProgrammeProblem problem, SolveMethod method)
    {
        var solved = Programmes.Solve(problem, method, new ExactOptions(TimeLimitSeconds: 3));
        return solved.Error?.Code == "planning.no_solution" ? Programmes.Solve(problem, method, new ExactOptions(TimeLimitSeconds: 20)) : solved;
    }
}
