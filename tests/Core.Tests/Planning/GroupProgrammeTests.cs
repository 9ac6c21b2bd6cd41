using InfraLedger.Core.Common;
using InfraLedger.Core.Planning;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>
/// A group plan on a network small enough to solve by hand, then checked against an enumeration of every selection (at
/// most one work per facility over the plan), with one shared budget and with each member's own.
/// </summary>
[Trait("Database", "any")] // no database
public sealed class GroupProgrammeTests
{
    private const string A = "221007";
    private const string B = "222127";

    // A1: 60 → 100 in year 1 or 60 → 80 in year 2; A2: 50 → 70 in year 1; B1: 40 → 90 in year 1; B2: 40 → 30 or 40 → 35 in year 2.
    private static readonly GroupCandidate[] Network =
    [
        G(A, "A1", 1, 60, 100), G(A, "A1", 2, 60, 80), G(A, "A2", 1, 50, 70),
        G(B, "B1", 1, 40, 90), G(B, "B2", 1, 40, 30), G(B, "B2", 2, 40, 35),
    ];

    private static GroupCandidate G(string member, string facility, int year, decimal cost, decimal benefit, string source = "") =>
        new(member, new Candidate(facility, year, "補修", cost, benefit, source), AssetKind.Bridge, "M533946");

    private static GroupProblem Problem(GroupBudgetMode mode, IReadOnlyList<GroupBudget> budgets, IReadOnlyList<GroupCandidate>? candidates = null) =>
        new(7, "テスト群", A, [A, B], candidates ?? Network, mode, budgets, Exclusivity.OnePerFacility);

    private static readonly GroupBudget[] Shared = [new("", 1, "", 90), new("", 2, "", 90)];
    private static readonly GroupBudget[] Own = [new(A, 1, "", 50), new(A, 2, "", 50), new(B, 1, "", 40), new(B, 2, "", 40)];

    [Theory]
    [InlineData(SolveMethod.Exact)]
    [InlineData(SolveMethod.Heuristic)]
    public void a_shared_budget_lets_one_members_money_pay_anothers_works(SolveMethod method)
    {
        // By hand: year 1 B1 + A2 = 90 of 90 (benefit 160), year 2 A1 = 60 (80); B2 (40) no longer fits the 30 left. 240.
        var plan = GroupProgramme.Solve(Problem(GroupBudgetMode.Shared, Shared), method).Value;

        plan.Benefit.ShouldBe(240);
        plan.Works.Select(w => $"{w.Member}/{w.Candidate.Facility}@{w.Candidate.Year}").ShouldBe([$"{A}/A2@1", $"{B}/B1@1", $"{A}/A1@2"]);
        BruteForce(Problem(GroupBudgetMode.Shared, Shared)).ShouldBe(240);
    }

    [Theory]
    [InlineData(SolveMethod.Exact)]
    [InlineData(SolveMethod.Heuristic)]
    public void own_budgets_keep_each_members_works_within_its_own_money(SolveMethod method)
    {
        // By hand: A has 50 a year, so A1 (60) never fits: A2 in year 1 (70). B: B1 in year 1 (90), B2 in year 2 (35). 195 < 240.
        var plan = GroupProgramme.Solve(Problem(GroupBudgetMode.PerMember, Own), method).Value;

        plan.Benefit.ShouldBe(195);
        plan.Works.Select(w => $"{w.Member}/{w.Candidate.Facility}@{w.Candidate.Year}").ShouldBe([$"{A}/A2@1", $"{B}/B1@1", $"{B}/B2@2"]);
        BruteForce(Problem(GroupBudgetMode.PerMember, Own)).ShouldBe(195);
        WithinBudgets(Problem(GroupBudgetMode.PerMember, Own), plan);
    }

    [Fact]
    public void works_keep_their_members_facility_code_and_source_when_two_members_use_the_same_code()
    {
        GroupCandidate[] same = [G(A, "橋1", 1, 10, 20, "国費"), G(B, "橋1", 1, 10, 30, "国費")];
        var plan = GroupProgramme.Solve(Problem(GroupBudgetMode.PerMember, [new(A, 1, "国費", 10), new(B, 1, "国費", 10)], same), SolveMethod.Exact).Value;

        plan.Works.Select(w => (w.Member, w.Candidate.Facility, w.Candidate.Source)).ShouldBe([(A, "橋1", "国費"), (B, "橋1", "国費")]);
    }

    [Fact]
    public void random_group_networks_match_the_enumeration_and_never_exceed_a_members_budget()
    {
        var random = new Random(20);
        for (var round = 0; round < 40; round++)
        {
            var candidates = new List<GroupCandidate>();
            foreach (var member in new[] { A, B, "222143" })
            {
                for (var f = 0; f < random.Next(1, 4); f++)
                {
                    foreach (var year in new[] { 1, 2 }.Where(_ => random.Next(3) > 0))
                    {
                        candidates.Add(G(member, $"F{f}", year, random.Next(1, 40), random.Next(1, 60), random.Next(2) == 0 ? "国費" : "単費"));
                    }
                }
            }

            var mode = round % 2 == 0 ? GroupBudgetMode.Shared : GroupBudgetMode.PerMember;
            var owners = mode == GroupBudgetMode.Shared ? [""] : new[] { A, B, "222143" };
            var budgets = (from o in owners from y in new[] { 1, 2 } from s in new[] { "国費", "単費" } select new GroupBudget(o, y, s, random.Next(0, 60))).ToList();
            var problem = new GroupProblem(1, "乱数", null, [A, B, "222143"], candidates, mode, budgets, Exclusivity.OnePerFacility);

            var exact = GroupProgramme.Solve(problem, SolveMethod.Exact).Value;
            var heuristic = GroupProgramme.Solve(problem, SolveMethod.Heuristic).Value;

            exact.Benefit.ShouldBe(BruteForce(problem), $"round {round}");
            heuristic.Benefit.ShouldBeLessThanOrEqualTo(exact.Benefit);
            WithinBudgets(problem, exact);
            WithinBudgets(problem, heuristic);
        }
    }

    [Fact]
    public void budgets_that_do_not_fit_the_mode_or_the_members_are_refused_in_japanese()
    {
        Refusal(Problem(GroupBudgetMode.Shared, [new(A, 1, "", 90), new("", 2, "", 90)])).Message.ShouldContain("共通予算の計画に団体「221007」");
        Refusal(Problem(GroupBudgetMode.PerMember, [new("", 1, "", 90)])).Message.ShouldContain("団体を指定しない1年目の予算");
        Refusal(Problem(GroupBudgetMode.PerMember, [new("999999", 1, "", 90)])).Code.ShouldBe("planning.group_member");
        Refusal(Problem(GroupBudgetMode.PerMember, [.. Own, new(A, 1, "", 5)])).Message.ShouldBe("団体「221007」の1年目の予算が2回指定されています。");
        Refusal(Problem(GroupBudgetMode.PerMember, [new(A, 1, "", -1)])).Code.ShouldBe("planning.budget");
        Refusal(Problem(GroupBudgetMode.PerMember, [new(A, 1, "", 50), new(A, 2, "", 50)])).Message.ShouldBe("団体「222127」の施設「B1」: 団体「222127」の1年目の予算がありません。");
    }

    private static Error Refusal(GroupProblem problem) => GroupProgramme.Solve(problem, SolveMethod.Heuristic).Error.ShouldNotBeNull();

    internal static void WithinBudgets(GroupProblem problem, GroupPlan plan)
    {
        foreach (var g in plan.Works.GroupBy(w => (Owner: problem.Mode == GroupBudgetMode.Shared ? "" : w.Member, w.Candidate.Year, w.Candidate.Source)))
        {
            g.Sum(w => w.Candidate.Cost).ShouldBeLessThanOrEqualTo(problem.Budgets.Single(b => (b.Member, b.Year, b.Source) == g.Key).Amount);
        }
    }

    /// <summary>The best total benefit over every selection of at most one candidate per facility of a member, within every budget.</summary>
    internal static decimal BruteForce(GroupProblem p)
    {
        var slots = p.Candidates.GroupBy(c => (c.Member, c.Candidate.Facility)).Select(g => g.ToArray()).ToArray();
        var budgets = p.Budgets.ToDictionary(b => (b.Member, b.Year, b.Source), b => b.Amount);
        var spent = new Dictionary<(string, int, string), decimal>();
        decimal best = 0;

        void Walk(int s, decimal benefit)
        {
            if (s == slots.Length)
            {
                best = Math.Max(best, benefit);
                return;
            }

            Walk(s + 1, benefit);
            foreach (var c in slots[s])
            {
                var key = (p.Mode == GroupBudgetMode.Shared ? "" : c.Member, c.Candidate.Year, c.Candidate.Source);
                var after = spent.GetValueOrDefault(key) + c.Candidate.Cost;
                if (after <= budgets[key])
                {
                    spent[key] = after;
                    Walk(s + 1, benefit + c.Candidate.Benefit);
                    spent[key] = after - c.Candidate.Cost;
                }
            }
        }

        Walk(0, 0);
        return best;
    }
}
