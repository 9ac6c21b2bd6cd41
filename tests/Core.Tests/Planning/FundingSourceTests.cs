using InfraLedger.Core.Planning;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>Works that either of two funding sources can pay (one candidate per source, one chosen per facility).</summary>
[Trait("Database", "any")] // no database
public sealed class FundingSourceTests
{
    [Fact]
    public void the_heuristic_moves_a_work_to_the_source_with_room_so_that_a_larger_one_fits()
    {
        // The demo register's four bridges in III (断面修復, benefit/cost ≈ 1.06): 50 from the general budget and 20 of 国費.
        (string Facility, decimal Cost, decimal Benefit)[] works = [("A", 35.2m, 37.5m), ("B", 19.5m, 20.8m), ("C", 6.3m, 6.7m), ("D", 7.1m, 7.6m)];
        var candidates = works.SelectMany(w => new[] { new Candidate(w.Facility, 1, "断面修復", w.Cost, w.Benefit, ""), new Candidate(w.Facility, 1, "断面修復", w.Cost, w.Benefit, "国費") }).ToList();
        var problem = new ProgrammeProblem(candidates, [new Budget(1, "", 50), new Budget(1, "国費", 20)], Exclusivity.OnePerFacility);

        var both = Programmes.Compare(problem).Value;

        both.Exact.Benefit.ShouldBe(72.6m);
        both.Heuristic.Benefit.ShouldBe(72.6m);
        both.Heuristic.Chosen.Single(c => c.Facility == "B").Source.ShouldBe("国費");
        both.Heuristic.Spending.ShouldAllBe(s => s.Value <= (s.Key.Source == "" ? 50 : 20));
    }

    [Fact]
    public void a_single_amount_is_the_budget_of_every_year_of_a_plan_run_and_a_list_gives_one_per_year()
    {
        BudgetText.Parse(["50000000", "国費=1,2"], 2027, years: 3).Value.ShouldBe([
            new Budget(2027, "", 50_000_000), new Budget(2028, "", 50_000_000), new Budget(2029, "", 50_000_000),
            new Budget(2027, "国費", 1), new Budget(2028, "国費", 2)]);
        BudgetText.Parse(["800"], 1).Value.ShouldBe([new Budget(1, "", 800)], "plan solve: a list is one amount per year");
    }
}
