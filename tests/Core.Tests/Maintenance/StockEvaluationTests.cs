using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Maintenance;

namespace InfraLedger.Core.Tests.Maintenance;

/// <summary>The stock path (buckets) against E1 of maintenance-planning.md §4, against per-facility chains, and the properties the issue names.</summary>
[Trait("Database", "any")] // no database
public sealed class StockEvaluationTests
{
    private const double Rate = 0.04;
    private static readonly double[,] P = new HazardChain([0.10, 0.15, 0.20]).Transition(1);

    /// <summary>E1's costs (千円 per element) as a library priced per facility, so that a stock of elements reproduces E1.</summary>
    private static TreatmentLibrary E1Library(decimal early = 250) => new("E1", "maintenance-planning.md §4 E1", 4,
    [
        new Treatment("早期補修", TreatmentCategory.Preventive, [2], null, new CostRule(CostUnit.Facility, early), new TreatmentEffect(1)),
        new Treatment("補修", TreatmentCategory.Preventive, [3], null, new CostRule(CostUnit.Facility, 400), new TreatmentEffect(1)),
        new Treatment("架替", TreatmentCategory.Renewal, [4], [10], new CostRule(CostUnit.Facility, 1000), new TreatmentEffect(1, ResetsAge: true)),
    ],
    [
        new PolicySpec("事後保全", PolicyType.Threshold, 4), new PolicySpec("予防保全", PolicyType.Threshold, 3),
        new PolicySpec("early", PolicyType.Threshold, 2), new PolicySpec("何もしない", PolicyType.None), new PolicySpec("10年で架替", PolicyType.Age),
    ]);

    /// <summary>E1's stock, 30% I, 40% II, 20% III, 10% IV, as 10 elements.</summary>
    private static readonly StockItem[] Ten = [.. new[] { 1, 1, 1, 2, 2, 2, 2, 3, 3, 4 }.Select((s, i) => new StockItem($"E{i}", s, i, null, null, null))];

    [Theory]
    [InlineData("事後保全", 100, 41.776808, 1434.109221, 883.523497)]
    [InlineData("予防保全", 180, 27.311032, 953.891963, 634.084211)]
    [InlineData("early", 280, 25.094427, 1007.738374, 706.196581)]
    public void a_stock_of_ten_elements_costs_ten_times_e1s_stock_shares(string policy, double year0, double year1, double undiscounted30, double discounted30)
    {
        var library = E1Library();
        var r = StockEvaluation.Evaluate(P, library, library.Policy(policy)!, Ten, 30, Rate);

        r.Evaluated.ShouldBe(10);
        Relative(r.YearCosts[0], 10 * year0);
        Relative(r.YearCosts[1], 10 * year1);
        Relative(r.Total(30), 10 * undiscounted30);
        Relative(r.DiscountedTotal(30), 10 * discounted30);
    }

    [Fact]
    public void the_buckets_equal_the_sum_of_per_facility_chains_for_facilities_of_different_sizes()
    {
        var library = E1Library() with { Treatments = [.. E1Library().Treatments.Select(t => t with { Cost = t.Cost with { Unit = CostUnit.Area } })] };
        StockItem[] stock = [new("A", 1, 5, 120, null, null), new("B", 3, 40, 55.5, null, null), new("C", 4, 70, 300, null, null), new("D", 2, 1, 10, null, null)];
        foreach (var policy in library.Policies.Where(p => p.Type != PolicyType.Age))
        {
            var r = StockEvaluation.Evaluate(P, library, policy, stock, 20, Rate);
            var chains = stock.Select(f => (f, Chain: StockEvaluation.Chain(P, library, policy, f)!)).ToList();
            Relative(r.InfiniteDiscounted, chains.Sum(x => x.Chain.Discounted(Rate)[x.f.State!.Value - 1]));
            Relative(r.LongRunAverage, chains.Sum(x => x.Chain.LongRunAverage()));
            for (var t = 0; t < 20; t++)
            {
                Relative(r.YearCosts[t], chains.Sum(x => x.Chain.Run(OneHot(x.f.State!.Value), 20).Costs[t]));
            }
        }
    }

    [Fact]
    public void an_age_based_cycle_renews_on_schedule_and_its_v_is_the_geometric_series()
    {
        var library = E1Library();
        // New (age 0), age 7 and overdue (age 12 > 10): renewals at 10 and 20, at 3 and 13, at 0 and 10.
        StockItem[] stock = [new("N", 1, 0, null, null, null), new("M", null, 7, null, null, null), new("O", 4, 12, null, null, null)];
        var r = StockEvaluation.Evaluate(P, library, library.Policy("10年で架替")!, stock, 25, Rate);

        var expected = new double[25];
        foreach (var t in new[] { 10, 20, 3, 13, 23, 0, 10, 20 })
        {
            expected[t] += 1000;
        }

        r.YearCosts.ShouldBe(expected);
        var g = 1 / 1.04;
        double Pv(int first) => 1000 * Math.Pow(g, first) / (1 - Math.Pow(g, 10));
        Relative(r.InfiniteDiscounted, Pv(10) + Pv(3) + Pv(0));
        Relative(r.LongRunAverage, 3 * 1000 / 10.0);
        r.Distributions[5][4].ShouldBe(1); // the facility without an inspection stays 区分不明
    }

    [Fact]
    public void summing_measures_per_bucket_equals_pricing_every_facility_alone_for_every_unit_and_price_table()
    {
        // Linearity, the ground of StockSizes: a stock's figures are the sums of its facilities' own evaluations, for
        // prices per ㎡, per m, per facility and by 口径, for state and age policies, with facilities that cannot be priced.
        CostRule bands = new(CostUnit.Length, 0, [new CostBand(null, 150, 50_000), new CostBand(151, 300, 80_000), new CostBand(301, 600, 120_000)]);
        var library = E1Library() with
        {
            Treatments =
            [
                E1Library().Treatments[0] with { Cost = new CostRule(CostUnit.Area, 12_000) },
                E1Library().Treatments[1] with { Cost = bands },
                E1Library().Treatments[2] with { Cost = new CostRule(CostUnit.Facility, 3_000_000), Ages = [10] },
                new Treatment("中間補修", TreatmentCategory.Preventive, [2], [5], new CostRule(CostUnit.Length, 7_000), new TreatmentEffect(null, Better: 1)),
            ],
        };
        StockItem[] stock =
        [
            new("A", 1, 3, 120, 40, 100), new("B", 2, 11, 55.5, 12.5, 250), new("C", 3, 7, 300, 90, 250), new("D", 4, 0, 10, 3, 600),
            new("E", 2, 25, 80, 20, 100), new("F", 3, 5, 64, 16, 450), new("G", 1, 9, 33, 11, 999), new("H", null, 4, 50, 10, 100),
        ];
        foreach (var policy in library.Policies)
        {
            var whole = StockEvaluation.Evaluate(P, library, policy, stock, 30, Rate);
            var alone = stock.Select(f => StockEvaluation.Evaluate(P, library, policy, [f], 30, Rate)).ToList();

            whole.Evaluated.ShouldBe(alone.Sum(r => r.Evaluated), policy.Name);
            Relative(whole.InfiniteDiscounted, alone.Sum(r => r.InfiniteDiscounted));
            Relative(whole.LongRunAverage, alone.Sum(r => r.LongRunAverage));
            for (var t = 0; t < 30; t++)
            {
                Relative(whole.YearCosts[t], alone.Sum(r => r.YearCosts[t]));
            }
        }

        var preventive = StockEvaluation.Evaluate(P, library, library.Policy("予防保全")!, stock, 5, Rate);
        preventive.Skipped["口径が単価表のどの行にも入らない"].First.ShouldBe(["G"]);
        preventive.YearCosts[0].ShouldBe((80_000 * 90) + (120_000 * 16) + 3_000_000, 1e-6);
    }

    [Fact]
    public void costs_are_never_negative_and_a_policy_that_never_acts_costs_nothing()
    {
        var library = E1Library();
        foreach (var policy in library.Policies)
        {
            var r = StockEvaluation.Evaluate(P, library, policy, Ten, 60, Rate);
            r.YearCosts.ShouldAllBe(c => c >= 0);
            r.InfiniteDiscounted.ShouldBeGreaterThanOrEqualTo(0);
            r.LongRunAverage.ShouldBeGreaterThanOrEqualTo(0);
            if (policy.Type == PolicyType.None)
            {
                (r.Total(60) + r.InfiniteDiscounted + r.LongRunAverage).ShouldBe(0);
            }
        }
    }

    [Theory]
    [InlineData(250, 200)]
    [InlineData(250, 0)]
    [InlineData(100, 99)]
    public void lowering_a_treatments_cost_never_raises_v(int before, int after)
    {
        foreach (var name in new[] { "early", "予防保全", "事後保全" })
        {
            var high = E1Library(before);
            var low = E1Library(after);
            var vHigh = StockEvaluation.Evaluate(P, high, high.Policy(name)!, Ten, 50, Rate).InfiniteDiscounted;
            var vLow = StockEvaluation.Evaluate(P, low, low.Policy(name)!, Ten, 50, Rate).InfiniteDiscounted;
            vLow.ShouldBeLessThanOrEqualTo(vHigh * (1 + 1e-12));
        }
    }

    [Fact]
    public void as_the_rate_goes_to_zero_the_discounted_ranking_becomes_the_long_run_average_ranking()
    {
        // At 4% 予防保全 beats early (E1's reading); by long-run average early wins. r·V → average as r → 0.
        var library = E1Library();
        string[] names = ["事後保全", "予防保全", "early"];
        string[] Rank(Func<PolicySpec, double> key) => [.. names.OrderBy(n => key(library.Policy(n)!))];
        var byAverage = Rank(p => StockEvaluation.Evaluate(P, library, p, Ten, 1, Rate).LongRunAverage);
        byAverage.ShouldBe(["early", "予防保全", "事後保全"]);
        Rank(p => StockEvaluation.Evaluate(P, library, p, Ten, 1, 0.04).InfiniteDiscounted).ShouldBe(["予防保全", "early", "事後保全"]);
        Rank(p => StockEvaluation.Evaluate(P, library, p, Ten, 1, 1e-5).InfiniteDiscounted).ShouldBe(byAverage);
        foreach (var n in names)
        {
            var r = 1e-6;
            var e = StockEvaluation.Evaluate(P, library, library.Policy(n)!, Ten, 1, r);
            (r * e.InfiniteDiscounted).ShouldBe(e.LongRunAverage, 1e-3 * e.LongRunAverage);
        }
    }

    [Fact]
    public void facilities_without_a_grade_or_a_measure_are_counted_under_their_reason_not_guessed()
    {
        var library = E1Library() with { Treatments = [.. E1Library().Treatments.Select(t => t with { Cost = t.Cost with { Unit = CostUnit.Length } })] };
        StockItem[] stock = [new("OK", 2, 3, null, 10, null), new("NOGRADE", null, 3, null, 10, null), new("NOLEN", 2, null, null, null, null)];
        var r = StockEvaluation.Evaluate(P, library, library.Policy("予防保全")!, stock, 5, Rate);

        r.Evaluated.ShouldBe(1);
        r.Skipped["点検記録（この資産種別の区分）がない"].First.ShouldBe(["NOGRADE"]);
        r.Skipped["延長がない"].First.ShouldBe(["NOLEN"]);
        var age = StockEvaluation.Evaluate(P, library, library.Policy("10年で架替")!, stock, 5, Rate);
        age.Skipped["建設年度がない"].Count.ShouldBe(1);
    }

    private static double[] OneHot(int state)
    {
        var d = new double[4];
        d[state - 1] = 1;
        return d;
    }

    private static void Relative(double actual, double expected) =>
        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(1e-6 * Math.Max(1, Math.Abs(expected)), $"{actual} vs {expected}");
}
