using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Tests.Tables;
using InfraLedger.Tests;
using Xunit.Abstractions;

namespace InfraLedger.Core.Tests.Deterioration;

/// <summary>
/// Our maximum-likelihood estimates side by side with R's msm on the same pairs (domain doc §14.1): hazards equal to
/// 1e-4 relative, log-likelihood to 1e-6 relative. msm runs with optim's relative tolerance tightened to 1e-12 so that
/// its own stopping error stays below the compared precision. Needs Rscript and msm (scripts/test installs them): fails
/// without them. The 200,000-pair comparison and the timing are in bench/DeteriorationBench.
/// </summary>
public sealed class MsmComparisonTests(ITestOutputHelper output)
{
    public static readonly TheoryData<string> Components = new(NbiPairs.Components);

    [Theory]
    [MemberData(nameof(Components))]
    public void alabama_nbi_hazards_and_log_likelihood_equal_msms(string component)
    {
        var pairs = NbiPairs.Read(NbiPairs.Folder(Fixtures.Repository()), component);
        pairs.Count.ShouldBeGreaterThan(100);

        var ours = HazardEstimator.Fit(pairs, NbiPairs.States).Value;
        var msm = Msm.Run(pairs, NbiPairs.States, reltol: 1e-12);

        Compare(component, pairs.Count, ours, msm);
    }

    [Fact]
    public void generated_pairs_with_two_covariates_give_msms_coefficients()
    {
        var pairs = SyntheticPairs.Generate(1_000, covariates: true);
        string[] names = ["traffic", "area"];

        var ours = HazardEstimator.Fit(pairs, SyntheticPairs.Baseline.Length + 1, names).Value;
        var msm = Msm.Run(pairs, SyntheticPairs.Baseline.Length + 1, names, reltol: 1e-12);

        Compare("generated, covariates", pairs.Count, ours, msm);
    }

    private void Compare(string label, int count, HazardFit ours, Msm.Fit msm)
    {
        var hazards = ours.Hazards([.. ours.CovariateNames.Select(_ => 0.0)]);
        var worstHazard = 0.0;
        for (var m = 0; m < hazards.Length; m++)
        {
            worstHazard = Math.Max(worstHazard, Math.Abs(hazards[m] / Math.Exp(msm.Beta[m, 0]) - 1));
        }

        var worstEffect = 0.0;
        for (var m = 0; m < hazards.Length; m++)
        {
            for (var k = 1; k < ours.Beta.GetLength(1); k++)
            {
                worstEffect = Math.Max(worstEffect, Math.Abs(ours.Beta[m, k] - msm.Beta[m, k]));
            }
        }

        var loglik = Math.Abs(ours.LogLikelihood / msm.LogLikelihood - 1);
        output.WriteLine($"{label}: {count} pairs, {ours.Iterations} iterations; hazards {string.Join(", ", hazards.Select(h => h.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))}; " +
            $"max relative difference of hazards {worstHazard:E2}, of effects (absolute) {worstEffect:E2}, log-likelihood {ours.LogLikelihood:F4} vs {msm.LogLikelihood:F4} ({loglik:E2})");
        worstHazard.ShouldBeLessThan(1e-4);
        worstEffect.ShouldBeLessThan(1e-4);
        loglik.ShouldBeLessThan(1e-6);
    }
}
