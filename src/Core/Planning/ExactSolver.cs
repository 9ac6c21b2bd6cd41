using System.Globalization;
using Google.OrTools.Sat;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Planning;

/// <summary>Limits of one exact solve. One worker by default: CP-SAT is then deterministic, so a re-run gives the same plan.</summary>
public sealed record ExactOptions(double TimeLimitSeconds = 60, int Workers = 1);

/// <summary>
/// The programme of maintenance-planning.md §5 as an integer programme, solved by Google OR-Tools CP-SAT: x[c] ∈ {0,1}
/// per candidate, Σ cost·x ≤ budget per year and source, at most one chosen per exclusivity slot, committed x = 1,
/// for each deadline at least one of the facility's candidates up to its year, for each share target year the expected
/// number of poor facilities within its share (<see cref="ShareRows"/>, linear because a facility has one candidate). CP-SAT works on integers: costs and
/// budgets are scaled to whole units of their finest decimal (costs rounded up, budgets down, so a plan can never
/// exceed a budget), benefits likewise to at most four decimals. When it is infeasible, the budget that binds is found
/// by relaxing budgets one at a time, with the least that budget would need.
/// </summary>
public static class ExactSolver
{
    public static Result<ProgrammePlan> Solve(ProgrammeProblem problem, ExactOptions? options = null)
    {
        options ??= new ExactOptions();
        if (ProgrammeCheck.Check(problem) is { } error)
        {
            return error;
        }

        var shares = ShareRows.Of(problem);
        if (!shares.IsSuccess)
        {
            return shares.Error!;
        }

        var data = ScaledProblem.Of(problem, shares.Value);
        if (data is null)
        {
            return Errors.TooLarge("費用・予算・便益の桁");
        }

        var (model, x) = Build(problem, data, relaxed: null);
        model.Maximize(LinearExpr.WeightedSum(x, data.Benefit));

        // The heuristic's plan as a starting point: CP-SAT then only searches for better ones (same optimum, found sooner).
        if (HeuristicSolver.Solve(problem) is { IsSuccess: true } start)
        {
            var hinted = start.Value.Chosen.ToHashSet();
            for (var i = 0; i < x.Length; i++)
            {
                model.AddHint(x[i], hinted.Contains(problem.Candidates[i]));
            }
        }

        using var solver = Solver(options);
        var status = solver.Solve(model);
        if (status == CpSolverStatus.Infeasible)
        {
            return Diagnose(problem, data, options);
        }

        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return Errors.NoSolution(options.TimeLimitSeconds);
        }

        var chosen = problem.Candidates.Where((_, i) => solver.BooleanValue(x[i]));
        var bound = (decimal)solver.BestObjectiveBound / data.BenefitScale;
        return new ProgrammePlan(SolveMethod.Exact, ProgrammePlan.Sorted(chosen), status == CpSolverStatus.Optimal, bound);
    }

    private static CpSolver Solver(ExactOptions options) => new()
    {
        StringParameters = string.Create(CultureInfo.InvariantCulture,
            $"num_workers:{options.Workers}, random_seed:0, max_time_in_seconds:{options.TimeLimitSeconds}"),
    };

    private static (CpModel Model, BoolVar[] X) Build(ProgrammeProblem p, ScaledProblem data, (int, string)? relaxed)
    {
        var model = new CpModel();
        var x = new BoolVar[p.Candidates.Count];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = model.NewBoolVar($"x{i}");
            if (p.Candidates[i].Committed)
            {
                model.Add(x[i] == 1);
            }
        }

        foreach (var g in Enumerable.Range(0, x.Length).GroupBy(i => (p.Candidates[i].Year, p.Candidates[i].Source)))
        {
            if (g.Key != relaxed)
            {
                model.Add(LinearExpr.WeightedSum(g.Select(i => x[i]), g.Select(i => data.Cost[i])) <= data.Budget[g.Key]);
            }
        }

        foreach (var slot in Enumerable.Range(0, x.Length).GroupBy(i => Slot(p, p.Candidates[i])).Where(s => s.Count() > 1))
        {
            model.AddAtMostOne(slot.Select(i => x[i]));
        }

        var byFacility = ProgrammeCheck.ByFacility(p);
        foreach (var d in p.Targets)
        {
            model.AddBoolOr(byFacility[d.Facility].Where(i => p.Candidates[i].Year <= d.ByYear).Select(i => x[i]));
        }

        foreach (var row in data.Shares.Items)
        {
            var terms = Enumerable.Range(0, x.Length).Where(i => row.Delta[i] != 0).ToList();
            model.Add(LinearExpr.WeightedSum(terms.Select(i => x[i]), terms.Select(i => row.Delta[i])) <= row.Limit);
        }

        return (model, x);
    }

    internal static (string, int) Slot(ProgrammeProblem p, Candidate c) => (c.Facility, p.Exclusivity == Exclusivity.OnePerFacility ? 0 : c.Year);

    /// <summary>The binding budget: the earliest one whose removal alone makes the plan feasible, with the least it needs.</summary>
    private static Error Diagnose(ProgrammeProblem p, ScaledProblem data, ExactOptions options)
    {
        var keys = p.Budgets.Select(b => (b.Year, b.Source)).OrderBy(k => k.Year).ThenBy(k => k.Source, StringComparer.Ordinal).ToList();
        foreach (var key in keys)
        {
            var (model, x) = Build(p, data, key);
            var inKey = Enumerable.Range(0, x.Length).Where(i => (p.Candidates[i].Year, p.Candidates[i].Source) == key).ToList();
            model.Minimize(LinearExpr.WeightedSum(inKey.Select(i => x[i]), inKey.Select(i => data.Cost[i])));
            using var solver = Solver(options);
            if (solver.Solve(model) is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                var needed = inKey.Where(i => solver.BooleanValue(x[i])).Sum(i => p.Candidates[i].Cost);
                return Errors.Infeasible(key.Year, key.Source, Amount(p, key), needed);
            }
        }

        // No single budget is to blame: several years together are short.
        var last = keys[^1];
        return Errors.InfeasibleAfterRelaxing(last.Year, last.Source, Amount(p, last), keys.Count);
    }

    private static decimal Amount(ProgrammeProblem p, (int Year, string Source) key) => p.Budgets.First(b => (b.Year, b.Source) == key).Amount;
}
