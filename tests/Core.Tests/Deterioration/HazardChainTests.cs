using InfraLedger.Core.Deterioration;

namespace InfraLedger.Core.Tests.Deterioration;

/// <summary>Transition probabilities pinned to the published validation vectors of the domain doc §9.</summary>
[Trait("Database", "any")] // no database
public sealed class HazardChainTests
{
    // §9.1 RC slabs, "N city", 7 states: hazards at average covariates (Kaito et al. draft, Tables 3 and 6).
    private static readonly double[] RcSlab = [0.3766, 0.2541, 0.1628, 0.1079, 0.0980, 0.2017];

    // §9.2 pavement surface (MCI), 5 states, E[θ] of the Bayesian MUSTEM (Lethanh et al. draft).
    private static readonly double[] Pavement = [0.0944, 0.1379, 0.1437, 0.0872];

    [Fact]
    public void rc_slab_one_year_matrix_reproduces_the_published_table_6()
    {
        double[][] published =
        [
            [0.6862, 0.2749, 0.0368, 0.0021, 0.0001, 0.0000, 0.0000],
            [0, 0.7756, 0.2064, 0.0174, 0.0006, 0.0000, 0.0000],
            [0, 0, 0.8497, 0.1422, 0.0078, 0.0002, 0.0000],
            [0, 0, 0, 0.8977, 0.0974, 0.0046, 0.0003],
            [0, 0, 0, 0, 0.9067, 0.0844, 0.0089],
            [0, 0, 0, 0, 0, 0.8174, 0.1826],
        ];
        ShouldMatch(new HazardChain(RcSlab).Transition(1), published, 0.0001);
    }

    [Fact]
    public void rc_slab_five_year_first_row_and_expected_life_reproduce_the_domain_doc()
    {
        var chain = new HazardChain(RcSlab);
        ShouldMatch(chain.Transition(5), [[0.1521, 0.3952, 0.3264, 0.1079, 0.0165, 0.0016, 0.0003]], 0.0001);
        chain.ExpectedLife().ShouldBe(37.16, 0.01);
    }

    [Fact]
    public void pavement_five_year_matrix_reproduces_the_domain_doc()
    {
        double[][] expected =
        [
            [0.6238, 0.2646, 0.0871, 0.0219, 0.0027],
            [0, 0.5018, 0.3410, 0.1342, 0.0229],
            [0, 0, 0.4875, 0.4047, 0.1078],
            [0, 0, 0, 0.6466, 0.3534],
        ];
        ShouldMatch(new HazardChain(Pavement).Transition(5), expected, 0.0001);
    }

    [Fact]
    public void pavement_one_year_matrix_reproduces_the_published_rows_and_life()
    {
        double[][] published =
        [
            [0.910, 0.084, 0.006, 0, 0],
            [0, 0.871, 0.120, 0.009, 0],
            [0, 0, 0.866, 0.128, 0.006],
            [0, 0, 0, 0.917, 0.083],
        ];
        var chain = new HazardChain(Pavement);
        // Published to 3 decimals; the doc notes last-digit rounding in a few cells (0.917 for e^{−0.0872} = 0.91649).
        ShouldMatch(chain.Transition(1), published, 0.001);
        // The published durations are posterior means (of 1/θ, not 1/E[θ]): they agree to 0.01 year.
        chain.ExpectedSojourns().ShouldBe([10.590, 7.250, 6.959, 11.473], 0.01);
        chain.ExpectedLife().ShouldBe(36.27, 0.01);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(5.0)]
    [InlineData(23.7)]
    public void closed_form_agrees_with_the_matrix_exponential_for_distinct_and_close_hazards(double years)
    {
        foreach (var hazards in new[] { RcSlab, Pavement })
        {
            var chain = new HazardChain(hazards);
            ShouldMatch(chain.Transition(years), ToRows(chain.ClosedForm(years)), 1e-12);
        }
    }

    [Fact]
    public void equal_hazards_break_the_closed_form_but_not_the_matrix_exponential()
    {
        var chain = new HazardChain([0.2, 0.2, 0.2]);
        double.IsFinite(chain.ClosedForm(3)[0, 1]).ShouldBeFalse();

        // Equal hazards: the time to leave state 1 … k is Erlang, p_1j(z) = e^{−θz} (θz)^{j−1}/(j−1)!.
        var p = chain.Transition(3);
        var x = 0.2 * 3;
        p[0, 0].ShouldBe(Math.Exp(-x), 1e-14);
        p[0, 1].ShouldBe(Math.Exp(-x) * x, 1e-14);
        p[0, 2].ShouldBe(Math.Exp(-x) * x * x / 2, 1e-14);
        p[0, 3].ShouldBe(1 - (Math.Exp(-x) * (1 + x + (x * x / 2))), 1e-14);
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(1, 4)]
    [InlineData(2.5, 7.25)]
    [InlineData(10, 30)]
    public void rows_sum_to_one_probabilities_are_non_negative_and_p_of_a_plus_b_is_p_a_times_p_b(double a, double b)
    {
        foreach (var hazards in new[] { RcSlab, Pavement, [0.3, 0.3, 0.3000001, 2.5, 0.01] })
        {
            var chain = new HazardChain(hazards);
            var pa = chain.Transition(a);
            var pb = chain.Transition(b);
            var pab = chain.Transition(a + b);
            for (var i = 0; i < chain.States; i++)
            {
                Enumerable.Range(0, chain.States).Sum(j => pab[i, j]).ShouldBe(1, 1e-12);
                for (var j = 0; j < chain.States; j++)
                {
                    pab[i, j].ShouldBeGreaterThanOrEqualTo(-1e-15);
                }
            }

            ShouldMatch(pab, ToRows(Matrix.Multiply(pa, pb)), 1e-12);
        }
    }

    [Fact]
    public void the_likelihoods_transition_series_and_its_derivatives_agree_with_pade_and_finite_differences()
    {
        double[] theta = [0.3766, 0.2541, 0.2541, 0.1079, 1.5, 0.2017];
        foreach (var z in new[] { 0.25, 2.0, 17.0, 60.0 })
        {
            var n = theta.Length + 1;
            var p = new double[n, n];
            var dp = new double[n - 1, n, n];
            TransitionSensitivity.Compute(theta, z, p, dp);
            ShouldMatch(p, ToRows(new HazardChain(theta).Transition(z)), 1e-13);
            for (var m = 0; m < theta.Length; m++)
            {
                var h = 1e-6 * theta[m];
                var up = (double[])theta.Clone();
                var down = (double[])theta.Clone();
                up[m] += h;
                down[m] -= h;
                var numeric = Matrix.Scale(Matrix.Combine((1, new HazardChain(up).Transition(z)), (-1, new HazardChain(down).Transition(z))), 1 / (2 * h));
                var analytic = new double[n, n];
                for (var i = 0; i < n; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        analytic[i, j] = dp[m, i, j];
                    }
                }

                ShouldMatch(analytic, ToRows(numeric), 1e-7);
            }
        }
    }

    internal static double[][] ToRows(double[,] m) =>
        [.. Enumerable.Range(0, m.GetLength(0)).Select(i => Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j]).ToArray())];

    private static void ShouldMatch(double[,] actual, double[][] expected, double tolerance)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            for (var j = 0; j < expected[i].Length; j++)
            {
                actual[i, j].ShouldBe(expected[i][j], tolerance, $"P[{i + 1},{j + 1}]");
            }
        }
    }
}
