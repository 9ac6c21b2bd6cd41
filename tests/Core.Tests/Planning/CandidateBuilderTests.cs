using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Maintenance;
using InfraLedger.Core.Planning;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>
/// Candidates and risk from the register's facilities on the chain of maintenance-planning.md §4 (θ = 0.10, 0.15, 0.20,
/// r = 4%), with E2's costs and risk costs in 円 (repair 400,000 in III, 1,000,000 in IV, to I; risk 20,000 in III and
/// 300,000 in IV per year), so E2's V* (= E1's 予防保全 V, ×1,000) is the oracle.
/// </summary>
[Trait("Database", "any")] // no database
public sealed class CandidateBuilderTests
{
    private const double Rate = 0.04;
    private static readonly double[,] P = new HazardChain([0.10, 0.15, 0.20]).Transition(1);

    private static readonly TreatmentLibrary Library = new(
        "E1", "maintenance-planning.md E1", 4,
        [
            new Treatment("補修", TreatmentCategory.Preventive, [3], null, new CostRule(CostUnit.Facility, 400_000), new TreatmentEffect(1)),
            new Treatment("更新", TreatmentCategory.Renewal, [4], null, new CostRule(CostUnit.Facility, 1_000_000), new TreatmentEffect(1)),
        ],
        [new PolicySpec("予防保全", PolicyType.Threshold, 3), new PolicySpec("事後保全", PolicyType.Threshold, 4), new PolicySpec("周期", PolicyType.Age)],
        Risk: new RiskRule(CostUnit.Facility, [0, 0, 20_000, 300_000]));

    private static StockItem Bridge(string code, int? state) => new(code, state, 30, 100, 20, null);

    [Fact]
    public void repairing_a_facility_in_iii_is_worth_the_deferred_costs_it_saves_computed_from_e1s_v()
    {
        var (candidates, skip) = CandidateBuilder.For(P, Library, Library.Policy("予防保全")!, Bridge("B1", 3), 1, Rate, 2026);

        skip.ShouldBeNull();
        var c = candidates.ShouldHaveSingleItem();
        c.Candidate.ShouldBe(new Candidate("B1", 2026, "補修", 400_000m, c.Candidate.Benefit));
        // Not treating for the one plan year: the year's risk in III, then 予防保全: 20 + γ·(P[III]·V*); treating now, its
        // cost included: 400 + V*(I) = V*(III) (E2's V*, 千円). The benefit is the net saving.
        double[] v = [576.3582971943, 803.2434025734, 976.3582971943, 1576.3582971943];
        var untreated = 20 + ((0.8187307531 * v[2] + 0.1812692469 * v[3]) / 1.04);
        var treated = v[2];
        c.Candidate.Benefit.ShouldBe(Math.Round((decimal)((untreated - treated) * 1000), 0, MidpointRounding.AwayFromZero));
        // E2: repairing in III is optimal, so treating now saves money against waiting a year (87,026 円).
        c.Candidate.Benefit.ShouldBeGreaterThan(0);
        c.Reason.ShouldBe("2026年度に最も可能性の高い区分 III（確率 100%）で方針「予防保全」が補修を行う");
    }

    [Fact]
    public void deferring_a_repair_due_now_is_worth_less_each_year_so_plans_do_not_push_works_to_their_end()
    {
        var (candidates, _) = CandidateBuilder.For(P, Library, Library.Policy("予防保全")!, Bridge("B1", 3), 10, Rate, 2026);

        // In III the policy repairs; each year of waiting adds risk and the chance of IV (E2: repair in III is optimal).
        candidates.Count.ShouldBeGreaterThan(1);
        candidates[0].Candidate.Year.ShouldBe(2026);
        candidates.Select(c => c.Candidate.Benefit).ShouldBeInOrder(SortDirection.Descending);
        candidates.Select(c => c.Candidate.Benefit).Distinct().Count().ShouldBe(candidates.Count);
    }

    [Fact]
    public void the_corrective_policy_proposes_renewal_from_the_year_iv_becomes_the_most_likely_state()
    {
        var (candidates, _) = CandidateBuilder.For(P, Library, Library.Policy("事後保全")!, Bridge("B2", 3), 10, Rate, 2026);

        // From III, P(still III after k years) = 0.8187307531^k: 0.549 after 3 years, 0.449 after 4, so IV is the mode from 2030.
        candidates.Select(c => c.Candidate.Year).ShouldBe([2030, 2031, 2032, 2033, 2034, 2035]);
        candidates.ShouldAllBe(c => c.Candidate.Treatment == "更新" && c.Candidate.Cost == 1_000_000m && c.State == 4);
        candidates[0].Probability.ShouldBe(1 - Math.Pow(0.8187307531, 4), 1e-9);
    }

    [Fact]
    public void a_facility_without_a_grade_or_under_an_age_policy_gets_no_candidate_and_a_reason()
    {
        CandidateBuilder.For(P, Library, Library.Policy("予防保全")!, Bridge("B3", null), 10, Rate, 2026).Skip.ShouldBe("点検記録（この資産種別の区分）がない");
        CandidateBuilder.For(P, Library, Library.Policy("周期")!, Bridge("B3", 3), 10, Rate, 2026).Skip!.ShouldContain("年数による方針");
        CandidateBuilder.For(P, Library, Library.Policy("予防保全")!, Bridge("B4", 1), 3, Rate, 2026).Candidates.ShouldBeEmpty();
    }

    [Fact]
    public void candidates_of_a_stock_go_into_the_programme_and_the_exact_plan_respects_the_budget()
    {
        var stock = Enumerable.Range(0, 12).Select(i => Bridge($"B{i:00}", 2 + (i % 3))).ToList();
        var candidates = stock.SelectMany(f => CandidateBuilder.For(P, Library, Library.Policy("予防保全")!, f, 5, Rate, 2026).Candidates.Select(c => c.Candidate)).ToList();
        var problem = new ProgrammeProblem(candidates, [.. Enumerable.Range(2026, 5).Select(y => new Budget(y, "", 1_500_000))], Exclusivity.OnePerFacility);

        var both = Programmes.Compare(problem).Value;

        both.Exact.ProvedOptimal.ShouldBeTrue();
        both.Exact.Spending.ShouldAllBe(s => s.Value <= 1_500_000m);
        both.Heuristic.Benefit.ShouldBeLessThanOrEqualTo(both.Exact.Benefit);
        both.Exact.Chosen.ShouldContain(c => c.Treatment == "更新");
    }

    [Fact]
    public void risk_is_the_probability_of_iv_within_n_years_times_the_weighted_consequence_ranked_with_reasons()
    {
        var settings = new RiskSettings(1, [new ConsequenceFactor("emergency", "緊急輸送道路", 20), new ConsequenceFactor("overpass", "跨線橋", 0.5m)]);
        RiskFacility F(string code, int? state, params string[] attributes) => new(Bridge(code, state), attributes.ToHashSet());

        var ranked = RiskRanking.Rank(P, [F("C", 3), F("A", 2, "emergency"), F("B", 3, "overpass"), F("D", null, "emergency")], settings);

        // One-year matrix of §4: III → IV 0.1812692469, II → IV 0.0133603535.
        ranked.Select(r => (r.Facility, r.Rank)).ShouldBe([("A", 1), ("B", 2), ("C", 3)]);
        ranked[0].Risk.ShouldBe(0.0133603535 * 21, 1e-9);
        ranked[1].Risk.ShouldBe(0.1812692469 * 1.5, 1e-9);
        ranked[2].Risk.ShouldBe(0.1812692469, 1e-9);
        ranked[1].Reason.ShouldBe("区分 III、1年以内に IV に達する確率 18.1%、影響度 1.5（基本 1 ＋ 跨線橋 0.5）");
        RiskRanking.WorstWithin(P, 2)[2].ShouldBe(1 - Math.Pow(0.8187307531, 2), 1e-9);
    }
}
