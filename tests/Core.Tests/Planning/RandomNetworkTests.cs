using InfraLedger.Core.Planning;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>Property tests over random networks: the exact solver equals enumeration, no solver ever exceeds a budget.</summary>
[Trait("Database", "any")] // no database
public sealed class RandomNetworkTests
{
    /// <summary>A random network: facilities × years × treatments with costs, benefits, two funding sources, sometimes committed works and deadlines.</summary>
    internal static ProgrammeProblem Network(int seed, int facilities, int years, int treatments, Exclusivity exclusivity, bool extras)
    {
        var random = new Random(seed);
        var candidates = new List<Candidate>();
        for (var f = 0; f < facilities; f++)
        {
            for (var y = 1; y <= years; y++)
            {
                for (var t = 0; t < treatments; t++)
                {
                    var cost = random.Next(50, 500) + (random.Next(4) == 0 ? 0.5m : 0);
                    candidates.Add(new Candidate($"F{f}", y, $"T{t}", cost, decimal.Round(cost * (decimal)(0.5 + (random.NextDouble() * 2)), 1), random.Next(3) == 0 ? "国費" : ""));
                }
            }
        }

        var budgets = Enumerable.Range(1, years).SelectMany(y => new[] { new Budget(y, "", random.Next(100, 900)), new Budget(y, "国費", random.Next(0, 400)) }).ToList();
        List<Deadline> deadlines = [];
        if (extras)
        {
            var c = random.Next(candidates.Count);
            candidates[c] = candidates[c] with { Committed = random.Next(2) == 0 };
            deadlines.Add(new Deadline($"F{random.Next(facilities)}", random.Next(1, years + 1), "判定区分IV"));
        }

        return new ProgrammeProblem(candidates, budgets, exclusivity, deadlines);
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void the_exact_solver_equals_enumeration_of_every_plan_on_a_small_network(int seed)
    {
        var exclusivity = seed % 2 == 0 ? Exclusivity.OnePerFacility : Exclusivity.OnePerFacilityPerYear;
        var problem = exclusivity == Exclusivity.OnePerFacility
            ? Network(seed, 6, 3, 1, exclusivity, extras: seed % 3 == 0)
            : Network(seed, 3, 3, 2, exclusivity, extras: seed % 3 == 0);

        var best = BruteForce.Best(problem);
        var exact = ExactSolver.Solve(problem);

        if (best is null)
        {
            exact.Error!.Code.ShouldBe("planning.infeasible");
        }
        else
        {
            exact.Value.Benefit.ShouldBe(best.Value);
            exact.Value.ProvedOptimal.ShouldBeTrue();
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void neither_solver_ever_exceeds_a_budget_nor_chooses_two_candidates_of_one_slot(int seed)
    {
        var exclusivity = seed % 2 == 0 ? Exclusivity.OnePerFacility : Exclusivity.OnePerFacilityPerYear;
        var problem = Network(seed, 30, 5, 3, exclusivity, extras: true);
        var budgets = problem.Budgets.ToDictionary(b => (b.Year, b.Source), b => b.Amount);

        foreach (var method in new[] { SolveMethod.Exact, SolveMethod.Heuristic })
        {
            var solved = AnyPlan.Solve(problem, method);
            if (!solved.IsSuccess)
            {
                // Only a committed work or a deadline can make a plan impossible (the heuristic may miss a plan the exact solver finds).
                solved.Error!.Code.ShouldBe("planning.infeasible");
                (problem.Candidates.Any(c => c.Committed) || problem.Targets.Count > 0).ShouldBeTrue();
                continue;
            }

            var plan = solved.Value;
            plan.Spending.ShouldAllBe(s => s.Value <= budgets[s.Key], method.ToString());
            plan.Chosen.GroupBy(c => (c.Facility, exclusivity == Exclusivity.OnePerFacility ? 0 : c.Year)).ShouldAllBe(g => g.Count() == 1);
            problem.Candidates.Where(c => c.Committed).ShouldAllBe(c => plan.Chosen.Contains(c));
            problem.Targets.ShouldAllBe(d => plan.Chosen.Any(c => c.Facility == d.Facility && c.Year <= d.ByYear));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void the_heuristic_never_beats_the_proved_optimum(int seed)
    {
        var problem = Network(seed, 20, 4, 2, Exclusivity.OnePerFacility, extras: false);

        var both = Programmes.Compare(problem).Value;

        both.Exact.ProvedOptimal.ShouldBeTrue();
        both.Heuristic.Benefit.ShouldBeLessThanOrEqualTo(both.Exact.Benefit);
        both.Gap.ShouldBeGreaterThanOrEqualTo(0m);
    }
}
