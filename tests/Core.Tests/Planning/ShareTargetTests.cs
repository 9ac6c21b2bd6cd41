using InfraLedger.Core.Planning;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>
/// Share targets (expected share of III+IV at most x% from year N, maintenance-planning.md §5) in both solvers: met,
/// refused with the binding year and budget, or refused as unreachable whatever the budget; budgets never exceeded.
/// </summary>
[Trait("Database", "any")] // no database
public sealed class ShareTargetTests
{
    /// <summary>
    /// A network with its condition forecast: facility f is poor without works with probability p0 + growth·k in plan
    /// year k (capped at 1); a treatment in year t makes it 0 that year, then 0.05 more each year.
    /// </summary>
    internal static ProgrammeProblem Network(int seed, int facilities, int years, decimal budget, IReadOnlyList<ShareTarget> targets, bool committed = false)
    {
        var random = new Random(seed);
        var candidates = new List<Candidate>();
        var treated = new List<double[]>();
        var untreated = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var f = 0; f < facilities; f++)
        {
            var (p0, growth) = (random.NextDouble() * 0.6, random.NextDouble() * 0.15);
            var u = Enumerable.Range(0, years).Select(k => Math.Min(1, p0 + (growth * k))).ToArray();
            untreated[$"F{f}"] = u;
            for (var y = 1; y <= years; y++)
            {
                if (random.Next(4) == 0)
                {
                    continue;
                }

                var cost = random.Next(50, 400);
                candidates.Add(new Candidate($"F{f}", y, "補修", cost, decimal.Round(cost * (decimal)(0.5 + random.NextDouble()), 0)));
                treated.Add([.. Enumerable.Range(0, years).Select(k => k + 1 < y ? u[k] : 0.05 * (k + 1 - y))]);
            }
        }

        if (committed && candidates.Count > 0)
        {
            candidates[0] = candidates[0] with { Committed = true };
        }

        var budgets = Enumerable.Range(1, years).Select(y => new Budget(y, "", budget)).ToList();
        return new ProgrammeProblem(candidates, budgets, Exclusivity.OnePerFacility, null, targets, new ConditionForecast(1, 3, untreated, treated));
    }

    /// <summary>The expected share of poor facilities in each plan year for a plan (from the forecast, not from the solver's rows).</summary>
    private static double[] Shares(ProgrammeProblem p, ProgrammePlan plan)
    {
        var c = p.Condition!;
        var index = p.Candidates.Select((x, i) => (x, i)).ToDictionary(x => x.x, x => x.i);
        var byFacility = plan.Chosen.ToDictionary(x => x.Facility, x => index[x]);
        return [.. Enumerable.Range(0, c.Years).Select(k =>
            c.Untreated.Sum(u => byFacility.TryGetValue(u.Key, out var i) ? c.Treated[i][k] : u.Value[k]) / c.Untreated.Count)];
    }

    [Fact]
    public void both_solvers_meet_a_share_target_that_binds_and_it_costs_benefit()
    {
        var free = Network(7, 12, 4, 600, []);
        var unconstrained = ExactSolver.Solve(free).Value;
        // A target just below what the unconstrained optimum reaches from year 3, so that it binds.
        var max = Math.Round((decimal)Shares(free, unconstrained).Skip(2).Max() - 0.02m, 2);
        var target = free with { Shares = [new ShareTarget(3, max)] };

        foreach (var method in new[] { SolveMethod.Exact, SolveMethod.Heuristic })
        {
            var plan = Programmes.Solve(target, method).Value;
            Shares(target, plan).Skip(2).ShouldAllBe(s => s <= (double)max + 1e-9, method.ToString());
            plan.Spending.ShouldAllBe(s => s.Value <= 600m);
            plan.Benefit.ShouldBeLessThanOrEqualTo(unconstrained.Benefit);
        }
    }

    [Fact]
    public void a_target_no_choice_can_meet_is_refused_whatever_the_budget_naming_the_year_and_the_best_share()
    {
        var p = Network(3, 8, 3, 1_000_000, [new ShareTarget(1, 0m)]);

        var exact = ExactSolver.Solve(p);
        var heuristic = HeuristicSolver.Solve(p);

        exact.Error!.Code.ShouldBe("planning.infeasible");
        exact.Error.Message.ShouldStartWith("1年目の区分の悪い施設の割合を 0% 以下にする目標は、予算に関係なく達成できません（すべての候補を実施しても ");
        heuristic.Error!.Message.ShouldBe(exact.Error.Message);
    }

    [Fact]
    public void a_target_the_budget_cannot_pay_for_names_the_binding_year_and_budget()
    {
        var p = Network(7, 12, 4, 150, [new ShareTarget(2, 0.2m)]);

        var exact = ExactSolver.Solve(p);

        exact.Error!.Code.ShouldBe("planning.infeasible");
        exact.Error.Message.ShouldMatch(@"^\d年目の予算 150 (では|までの)");
        HeuristicSolver.Solve(p).Error!.Code.ShouldBe("planning.infeasible");
    }

    [Fact]
    public void share_targets_need_a_forecast_and_one_candidate_per_facility()
    {
        var p = Network(1, 4, 2, 500, [new ShareTarget(1, 0.5m)]);

        ExactSolver.Solve(p with { Condition = null }).Error!.Code.ShouldBe("planning.share_forecast");
        HeuristicSolver.Solve(p with { Exclusivity = Exclusivity.OnePerFacilityPerYear }).Error!.Code.ShouldBe("planning.share_exclusivity");
        ExactSolver.Solve(p with { Shares = [new ShareTarget(1, 1.5m)] }).Error!.Code.ShouldBe("planning.share");
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 30)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void on_random_networks_no_solver_exceeds_a_budget_or_misses_a_share_target_and_the_exact_one_equals_enumeration(int seed)
    {
        var random = new Random(seed);
        var small = Network(seed, 6, 3, random.Next(150, 700), [new ShareTarget(random.Next(1, 4), (decimal)Math.Round(0.15 + (random.NextDouble() * 0.4), 2))], committed: seed % 4 == 0);
        var large = Network(seed, 40, 5, random.Next(500, 3000), [new ShareTarget(random.Next(1, 6), (decimal)Math.Round(0.1 + (random.NextDouble() * 0.4), 2))], committed: seed % 4 == 0);

        var rows = ShareRows.Of(small);
        var best = rows.IsSuccess ? BruteForce.Best(small, rows.Value) : null;
        var exact = ExactSolver.Solve(small);
        if (best is null)
        {
            exact.Error!.Code.ShouldBe("planning.infeasible");
        }
        else
        {
            exact.Value.Benefit.ShouldBe(best.Value);
        }

        foreach (var p in new[] { small, large })
        {
            var max = p.ShareTargets[0].MaxShare;
            var from = p.ShareTargets[0].FromYear;
            foreach (var method in new[] { SolveMethod.Exact, SolveMethod.Heuristic })
            {
                var solved = AnyPlan.Solve(p, method);
                if (!solved.IsSuccess)
                {
                    solved.Error!.Code.ShouldBe("planning.infeasible");
                    continue;
                }

                solved.Value.Spending.ShouldAllBe(s => s.Value <= p.Budgets.Single(b => b.Year == s.Key.Year).Amount, method.ToString());
                Shares(p, solved.Value).Skip(from - 1).ShouldAllBe(s => s <= (double)max + 1e-9, method.ToString());
                p.Candidates.Where(c => c.Committed).ShouldAllBe(c => solved.Value.Chosen.Contains(c));
            }
        }
    }
}
