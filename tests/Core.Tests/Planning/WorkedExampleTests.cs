using InfraLedger.Core.Planning;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>E3 of maintenance-planning.md §4 (six bridges, three years, 800 千円 a year, at most one treatment per bridge).</summary>
[Trait("Database", "any")] // no database
public sealed class WorkedExampleTests
{
    /// <summary>The table of E3: bridge, cost y1–y3, benefit y1–y3 (千円).</summary>
    internal static ProgrammeProblem E3(decimal budget = 800)
    {
        (string Bridge, decimal[] Cost, decimal[] Benefit)[] table =
        [
            ("B1", [400, 420, 440], [900, 800, 700]),
            ("B2", [250, 260, 270], [500, 480, 460]),
            ("B3", [600, 630, 660], [1500, 1300, 1100]),
            ("B4", [150, 160, 170], [260, 250, 240]),
            ("B5", [300, 315, 330], [640, 600, 560]),
            ("B6", [500, 525, 550], [820, 800, 780]),
        ];
        var candidates = table.SelectMany(b => Enumerable.Range(0, 3).Select(y => new Candidate(b.Bridge, y + 1, "補修", b.Cost[y], b.Benefit[y]))).ToList();
        return new ProgrammeProblem(candidates, [.. Enumerable.Range(1, 3).Select(y => new Budget(y, "", budget))], Exclusivity.OnePerFacility);
    }

    [Fact]
    public void the_exact_solver_finds_benefit_4300_with_the_plan_of_e3()
    {
        var plan = ExactSolver.Solve(E3()).Value;

        // maintenance-planning.md E3: B3 and B4 in year 1, B2 and B6 in year 2, B1 and B5 in year 3; benefit 4,300.
        plan.Benefit.ShouldBe(4300m);
        plan.ProvedOptimal.ShouldBeTrue();
        plan.Chosen.Select(c => (c.Facility, c.Year)).ShouldBe([("B3", 1), ("B4", 1), ("B2", 2), ("B6", 2), ("B1", 3), ("B5", 3)]);
        plan.Spending.ShouldAllBe(s => s.Value <= 800m);
    }

    [Fact]
    public void the_heuristic_reports_its_own_total_and_the_gap_to_the_exact_optimum()
    {
        var both = Programmes.Compare(E3()).Value;

        // E3's year-by-year greedy by benefit/cost reaches 3,620 (16% below the optimum); the product's heuristic (the
        // same ratio order over all years, then Lagrangian prices of the budgets) must do at least as well, stay below
        // the proved optimum on this instance and report the gap against it.
        both.Exact.Benefit.ShouldBe(4300m);
        both.Heuristic.Benefit.ShouldBeGreaterThanOrEqualTo(3620m);
        both.Heuristic.Benefit.ShouldBeLessThanOrEqualTo(4300m);
        both.Gap.ShouldBe((4300m - both.Heuristic.Benefit) / 4300m);
        both.Heuristic.Spending.ShouldAllBe(s => s.Value <= 800m);
        both.Heuristic.Chosen.GroupBy(c => c.Facility).ShouldAllBe(g => g.Count() == 1);
    }

    [Fact]
    public void a_committed_work_is_always_in_the_plan_even_when_it_lowers_the_benefit()
    {
        var e3 = E3();
        var committed = e3 with { Candidates = [.. e3.Candidates.Select(c => c.Facility == "B6" && c.Year == 1 ? c with { Committed = true } : c)] };

        foreach (var method in new[] { SolveMethod.Exact, SolveMethod.Heuristic })
        {
            var plan = Programmes.Solve(committed, method).Value;
            plan.Chosen.ShouldContain(c => c.Facility == "B6" && c.Year == 1 && c.Committed, method.ToString());
            plan.Chosen.Count(c => c.Facility == "B6").ShouldBe(1);
            plan.Spending.ShouldAllBe(s => s.Value <= 800m);
        }

        // With B6 fixed in year 1 (500) the optimum changes; it is checked against enumeration of every plan.
        ExactSolver.Solve(committed).Value.Benefit.ShouldBe(BruteForce.Best(committed)!.Value);
    }

    [Fact]
    public void a_rerun_on_the_same_problem_gives_the_same_plan()
    {
        var first = Programmes.Compare(E3()).Value;
        var second = Programmes.Compare(E3()).Value;

        second.Exact.Chosen.ShouldBe(first.Exact.Chosen);
        second.Heuristic.Chosen.ShouldBe(first.Heuristic.Chosen);
    }

    [Fact]
    public void committed_works_over_a_budget_are_refused_naming_the_year_and_the_budget()
    {
        var e3 = E3();
        var tooMuch = e3 with { Candidates = [.. e3.Candidates.Select(c => c.Year == 2 && c.Facility is "B3" or "B6" ? c with { Committed = true } : c)] };

        var error = ExactSolver.Solve(tooMuch).Error!;

        error.Code.ShouldBe("planning.infeasible");
        error.Message.ShouldBe("2年目の予算 800 では、確約済みの工事と対策期限・健全性の目標を満たせません（この予算に少なくとも 1,155 が必要です）。");
        HeuristicSolver.Solve(tooMuch).Error!.Message.ShouldBe(error.Message);
    }

    [Fact]
    public void deadlines_that_no_budget_can_meet_name_the_binding_year_and_what_it_needs()
    {
        // B3 and B6 must both be treated in year 1 (e.g. 判定区分 IV): 600 + 500 > 800, only year 1 binds.
        var problem = E3() with { Deadlines = [new Deadline("B3", 1, "判定区分IV"), new Deadline("B6", 1, "判定区分IV")] };

        var error = ExactSolver.Solve(problem).Error!;

        error.Message.ShouldBe("1年目の予算 800 では、確約済みの工事と対策期限・健全性の目標を満たせません（この予算に少なくとも 1,100 が必要です）。");
        HeuristicSolver.Solve(problem).IsSuccess.ShouldBeFalse();
    }

    [Fact]
    public void a_deadline_that_can_be_met_is_met_by_both_solvers()
    {
        var problem = E3() with { Deadlines = [new Deadline("B6", 1, "判定区分IV")] };

        foreach (var method in new[] { SolveMethod.Exact, SolveMethod.Heuristic })
        {
            Programmes.Solve(problem, method).Value.Chosen.ShouldContain(c => c.Facility == "B6" && c.Year == 1, method.ToString());
        }

        ExactSolver.Solve(problem).Value.Benefit.ShouldBe(BruteForce.Best(problem)!.Value);
    }

    [Theory]
    [InlineData(-1, 800, "候補 1（B1・1年目・補修）: 費用 -1 は0以上で指定してください。")]
    [InlineData(400, -5, "1年目の予算 -5 は0以上で指定してください。")]
    public void bad_amounts_are_refused_in_japanese_naming_the_candidate_or_the_budget(decimal firstCost, decimal budget, string message)
    {
        var e3 = E3(budget);
        var problem = e3 with { Candidates = [e3.Candidates[0] with { Cost = firstCost }, .. e3.Candidates.Skip(1)] };

        ExactSolver.Solve(problem).Error!.Message.ShouldBe(message);
        HeuristicSolver.Solve(problem).Error!.Message.ShouldBe(message);
    }

    [Fact]
    public void a_candidate_in_a_year_without_a_budget_is_refused()
    {
        var e3 = E3();
        var problem = e3 with { Candidates = [.. e3.Candidates, new Candidate("B7", 4, "補修", 100, 100)] };

        ExactSolver.Solve(problem).Error!.Message.ShouldBe("候補 19（B7・4年目・補修）: 4年目の予算がありません。");
    }
}
