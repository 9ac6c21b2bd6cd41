using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Maintenance;

namespace InfraLedger.Core.Tests.Maintenance;

/// <summary>
/// The worked examples E1 and E2 of maintenance-planning.md §4 (computed outside the project; the tables there are the
/// oracle), reproduced to 1e-6 relative: 4 states, hazards θ = (0.10, 0.15, 0.20) per year, r = 4%, costs in 千円.
/// </summary>
[Trait("Database", "any")] // no database
public sealed class WorkedExamplesTests
{
    private const double Rate = 0.04;
    private static readonly double[,] P = new HazardChain([0.10, 0.15, 0.20]).Transition(1);
    private static readonly double[] Stock = [0.3, 0.4, 0.2, 0.1];

    /// <summary>E1's policies: where each acts (cost, always to I).</summary>
    public static PolicyChain Policy(string name) => name switch
    {
        "事後保全" => new(P, [0, 1, 2, 0], [0, 0, 0, 1000]),
        "予防保全" => new(P, [0, 1, 0, 0], [0, 0, 400, 1000]),
        _ => new(P, [0, 0, 0, 0], [0, 250, 400, 1000]),
    };

    public static TheoryData<string, double[], double, double, double> E1 => new()
    {
        { "事後保全", [875.5838538438, 1218.992267125, 1536.5247428405, 1875.5838538438], 710.538017, 1905.596463, 45.112790 },
        { "予防保全", [576.3582971943, 803.2434025734, 976.3582971943, 1576.3582971943], 479.135307, 1198.674032, 26.574358 },
        { "early", [627.36066682, 877.36066682, 1027.36066682, 1627.36066682], 535.552004, 1229.626907, 25.094427 },
    };

    public static TheoryData<string, double[], double, double, double[]> E1Stock => new()
    {
        { "事後保全", [100, 41.776808, 44.533204, 46.322614], 1434.109221, 883.523497, [0.4126412437, 0.303823013, 0.2361470188, 0.0473887245] },
        { "予防保全", [180, 27.311032, 27.143401, 27.013915], 953.891963, 634.084211, [0.5528081123, 0.3887821735, 0.0529387143, 0.005471] },
        { "early", [280, 25.094427, 25.094427, 25.094427], 1007.738374, 706.196581, [0.904837418, 0.0882588832, 0.0064566548, 0.000447044] },
    };

    [Fact]
    public void the_one_year_matrix_is_the_one_printed_in_the_domain_doc()
    {
        double[,] printed =
        {
            { 0.904837418, 0.0882588832, 0.0064566548, 0.000447044 },
            { 0, 0.8607079764, 0.12593167, 0.0133603535 },
            { 0, 0, 0.8187307531, 0.1812692469 },
            { 0, 0, 0, 1 },
        };
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                P[i, j].ShouldBe(printed[i, j], 1e-9);
            }
        }
    }

    [Theory]
    [MemberData(nameof(E1))]
    public void e1_every_v_the_50_year_totals_from_i_and_the_long_run_average_match_the_oracle(string name, double[] v, double discounted50, double undiscounted50, double average)
    {
        var policy = Policy(name);
        var values = policy.Discounted(Rate);
        for (var s = 0; s < 4; s++)
        {
            Relative(values[s], v[s]);
        }

        var fromI = policy.Run([1, 0, 0, 0], 50);
        Relative(fromI.DiscountedTotal(Rate), discounted50);
        Relative(fromI.Total, undiscounted50);
        Relative(policy.LongRunAverage(), average);
    }

    [Theory]
    [MemberData(nameof(E1Stock))]
    public void e1_the_stocks_yearly_costs_30_year_totals_and_distribution_at_year_10_match_the_oracle(string name, double[] firstYears, double undiscounted30, double discounted30, double[] atYear10)
    {
        var run = Policy(name).Run(Stock, 30);
        for (var t = 0; t < firstYears.Length; t++)
        {
            Relative(run.Costs[t], firstYears[t]);
        }

        Relative(run.Total, undiscounted30);
        Relative(run.DiscountedTotal(Rate), discounted30);
        for (var s = 0; s < 4; s++)
        {
            Relative(run.Distributions[10][s], atYear10[s]);
        }
    }

    [Fact]
    public void e2_value_iteration_policy_iteration_and_the_or_tools_lp_find_the_same_optimum_as_the_oracle()
    {
        // In every state: do nothing, or repair to I at (0, 250, 400, 1000); risk u = (0, 0, 20, 300) a year in the state after the decision.
        double[] repair = [0, 250, 400, 1000], risk = [0, 0, 20, 300];
        var actions = Enumerable.Range(0, 4).Select(s => (IReadOnlyList<MdpAction>)
            [new MdpAction("何もしない", s, risk[s]), new MdpAction("補修", 0, repair[s] + risk[0])]).ToList();
        var mdp = new Mdp(P, actions, Rate);
        double[] expected = [576.3582971943, 803.2434025734, 976.3582971943, 1576.3582971943];

        foreach (var solution in new[] { mdp.ValueIteration(), mdp.PolicyIteration(), MdpLinearProgram.Solve(mdp) })
        {
            solution.Choice.ShouldBe([0, 0, 1, 1]); // do nothing in I and II, repair in III and IV
            for (var s = 0; s < 4; s++)
            {
                Relative(solution.Values[s], expected[s]);
            }
        }
    }

    private static void Relative(double actual, double expected) =>
        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(1e-6 * Math.Abs(expected), $"{actual} vs {expected}");
}
