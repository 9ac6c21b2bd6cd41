using System.Globalization;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Tests.Tables;
using InfraLedger.Tests;
using Xunit.Abstractions;

namespace InfraLedger.Core.Tests.Deterioration;

/// <summary>
/// The model with works (deterioration hazards and repair intensities together) against R's msm on the same data and
/// the same allowed transitions: the Alabama NBI pairs with their improvements kept (domain doc §14.1: "restart or
/// drop" becomes "keep, and let a repair rate explain it"), and simulated facilities whose works are recorded with the
/// grade they left (an observation on the work's date). Rates equal to 1e-4 relative (a rate the data hardly determine,
/// standard error above the rate, to 1e-3 of its standard error), log-likelihood to 1e-6. Fails without Rscript and msm.
/// </summary>
[Trait("Database", "any")] // no database
public sealed class RepairEstimatorTests(ITestOutputHelper output)
{
    public static readonly TheoryData<string> Components = new(NbiPairs.Components);

    [Theory]
    [MemberData(nameof(Components))]
    public void alabama_nbi_hazards_and_repair_rates_with_the_improvements_kept_equal_msms(string component)
    {
        var pairs = NbiPairs.Read(NbiPairs.Folder(Fixtures.Repository()), component, vintage: null, improvements: true);
        pairs.Count(p => p.To < p.From).ShouldBeGreaterThan(5);

        var ours = RepairEstimator.Fit(pairs, NbiPairs.States);
        ours.IsSuccess.ShouldBeTrue(ours.Error?.Message);
        var msm = Msm.Run(pairs, NbiPairs.States, [.. ours.Value.Repairs.Select(r => (r.From, r.To))], reltol: 1e-12);

        Compare(component, ours.Value, msm);
    }

    [Fact]
    public void works_recorded_with_the_grade_they_left_reach_msms_likelihood_or_better_and_near_the_simulated_rates()
    {
        var (inspections, works) = Simulate(300, seed: 20251207);
        var (pairs, used) = PairBuilder.BuildWithRepairs(inspections, works);
        used.ShouldBe(works.Count);
        pairs.Count(p => p.ByWork).ShouldBeGreaterThan(300);

        var ours = RepairEstimator.Fit(pairs, 4, used);
        ours.IsSuccess.ShouldBeTrue(ours.Error?.Message);
        var repairs = ours.Value.Repairs.Select(r => (r.From, r.To)).ToList();
        var msmAtOurs = Msm.Run(pairs, 4, repairs, at: ours.Value.Generator());
        var msm = Msm.Run(pairs, 4, repairs, reltol: 1e-12);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pairs.Count} pairs, {used} works; θ {string.Join(", ", ours.Value.Hazards.Select(h => h.ToString("G4", CultureInfo.InvariantCulture)))}; " +
            $"{string.Join(", ", ours.Value.Repairs.Select(r => $"ρ{r.From}→{r.To} {r.Rate:G4} (SE {r.StandardError:G2})"))}; " +
            $"log-likelihood ours {ours.Value.LogLikelihood:F6}, msm's at ours {msmAtOurs.LogLikelihood:F6}, msm's own optimum {msm.LogLikelihood:F6}"));

        // The same likelihood (msm's obstype 3 for a work), and no point msm finds is better than ours.
        ours.Value.LogLikelihood.ShouldBe(msmAtOurs.LogLikelihood, 1e-9 * Math.Abs(msmAtOurs.LogLikelihood));
        ours.Value.LogLikelihood.ShouldBeGreaterThanOrEqualTo(msm.LogLikelihood - (1e-9 * Math.Abs(msm.LogLikelihood)));

        // The simulated rates (θ = 0.12, 0.18, 0.25; repairs from III at 0.4 and from IV at 1.2 per year) within 3 standard
        // errors, beyond the small bias of reading unrecorded repairs into pairs of inspections that are all recorded here.
        double[] theta = [0.12, 0.18, 0.25];
        for (var i = 0; i < 3; i++)
        {
            Math.Abs(ours.Value.Hazards[i] - theta[i]).ShouldBeLessThan((3 * ours.Value.HazardStandardErrors[i]) + (0.5 * theta[i]));
        }

        ours.Value.Repairs.Single(r => r is { From: 3, To: 1 }).Rate.ShouldBe(0.4, 0.2);
        ours.Value.Repairs.Single(r => r is { From: 4, To: 1 }).Rate.ShouldBe(1.2, 0.4);
    }

    [Fact]
    public void without_improvements_or_works_the_hazards_are_those_of_the_model_without_works()
    {
        var pairs = SyntheticPairs.Generate(800, covariates: false);

        var with = RepairEstimator.Fit(pairs, SyntheticPairs.Baseline.Length + 1).Value;
        var without = HazardEstimator.Fit(pairs, SyntheticPairs.Baseline.Length + 1).Value;

        with.Repairs.ShouldBeEmpty();
        with.Hazards.Zip(without.Hazards()).ShouldAllBe(h => Math.Abs((h.First / h.Second) - 1) < 1e-6);
        with.LogLikelihood.ShouldBe(without.LogLikelihood, Math.Abs(without.LogLikelihood) * 1e-9);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(6)]
    [InlineData(40)]
    public void the_transition_matrix_with_repairs_has_rows_of_probabilities(double years)
    {
        var fit = new RepairFit(4, [0.1, 0.15, 0.2], [0, 0, 0], [new(3, 1, 0.05, 0), new(4, 1, 0.3, 0), new(4, 3, 0.02, 0)], 0, 0, 0, 0);

        var p = fit.Transition(years);

        for (var i = 0; i < 4; i++)
        {
            Enumerable.Range(0, 4).Sum(j => p[i, j]).ShouldBe(1, 1e-12);
            Enumerable.Range(0, 4).ShouldAllBe(j => p[i, j] > -1e-15);
        }
    }

    [Fact]
    public void an_improvement_the_other_rates_explain_gets_no_rate_of_its_own_rather_than_a_failure()
    {
        // 3 → 1 seen once, beside many direct 3 → 2 and 2 → 1 repairs: either the rate stays or it is dropped at 0, never an error.
        List<InspectionPair> pairs =
        [
            .. Enumerable.Repeat(new InspectionPair(3, 2, 1), 20), .. Enumerable.Repeat(new InspectionPair(2, 1, 1), 20),
            .. Enumerable.Repeat(new InspectionPair(1, 2, 2), 30), .. Enumerable.Repeat(new InspectionPair(2, 3, 2), 30),
            .. Enumerable.Repeat(new InspectionPair(1, 1, 2), 60), .. Enumerable.Repeat(new InspectionPair(3, 3, 2), 40), new InspectionPair(3, 1, 8),
        ];

        var fit = RepairEstimator.Fit(pairs, 3);

        fit.IsSuccess.ShouldBeTrue(fit.Error?.Message);
        fit.Value.Repairs.ShouldContain(r => r.From == 3 && r.To == 2);
        fit.Value.Repairs.ShouldAllBe(r => r.Rate >= 1e-6);
    }

    [Fact]
    public void rates_that_grow_without_bound_are_refused_rather_than_reported()
    {
        // Ten bridges all in I in 2014, half in III or IV five years later, two repaired to I a year after that: the
        // likelihood keeps rising along a cycle I → II → III → I ever faster (a work is a density in time).
        List<InspectionPair> pairs =
        [
            .. Enumerable.Repeat(new InspectionPair(1, 1, 5), 2), .. Enumerable.Repeat(new InspectionPair(1, 2, 5), 3),
            .. Enumerable.Repeat(new InspectionPair(1, 3, 5), 3), .. Enumerable.Repeat(new InspectionPair(1, 4, 5), 2),
            .. Enumerable.Repeat(new InspectionPair(1, 2, 5), 2), .. Enumerable.Repeat(new InspectionPair(2, 3, 5), 3),
            new InspectionPair(3, 4, 5), .. Enumerable.Repeat(new InspectionPair(4, 4, 5), 2),
            .. Enumerable.Repeat(new InspectionPair(3, 1, 1, ByWork: true), 2), .. Enumerable.Repeat(new InspectionPair(1, 2, 4), 2),
        ];

        var fit = RepairEstimator.Fit(pairs, 4, works: 2);

        fit.IsSuccess.ShouldBeFalse();
        fit.Error!.Code.ShouldBe("deterioration.rates_unbounded");
        fit.Error.Message.ShouldBe("点検と工事の記録からは劣化と補修の率が定まりません（率が際限なく大きくなります）。工事の記録（補修後の区分）や点検を増やしてください。");
    }

    private void Compare(string label, RepairFit ours, Msm.Fit msm)
    {
        var worst = 0.0;
        var rates = new List<string>();
        for (var i = 0; i < ours.Hazards.Count; i++)
        {
            worst = Math.Max(worst, Math.Abs((ours.Hazards[i] / msm.Intensities[i, i + 1]) - 1));
            rates.Add(string.Create(CultureInfo.InvariantCulture, $"θ{i + 1} {ours.Hazards[i]:G6}"));
        }

        foreach (var r in ours.Repairs)
        {
            // A rate the data hardly determine (standard error above the rate) sits on a flat likelihood: there the
            // difference is judged against its standard error (both tools stop on the same log-likelihood).
            var difference = Math.Abs(r.Rate - msm.Intensities[r.From - 1, r.To - 1]);
            worst = Math.Max(worst, Math.Min(difference / r.Rate, difference / r.StandardError / 10));
            rates.Add(string.Create(CultureInfo.InvariantCulture, $"ρ{r.From}→{r.To} {r.Rate:G6} (SE {r.StandardError:G3})"));
        }

        var loglik = Math.Abs((ours.LogLikelihood / msm.LogLikelihood) - 1);
        output.WriteLine($"{label}: {ours.Pairs} pairs, {ours.Works} works, {ours.Iterations} iterations; {string.Join(", ", rates)}; " +
            $"max relative difference of rates {worst:E2}; log-likelihood {ours.LogLikelihood:F6} vs msm {msm.LogLikelihood:F6} ({loglik:E2})");
        worst.ShouldBeLessThan(1e-4);
        loglik.ShouldBeLessThan(1e-6);
    }

    /// <summary>
    /// Facilities of a 4-state chain (θ = 0.12, 0.18, 0.25) inspected every 1–6 years over 30 years; a facility found in
    /// III or IV is repaired back to I after an exponential delay (rates 0.4 and 1.2 per year), the work recorded with
    /// its date and the grade I it left. Dates count days from 2000-01-01 (one year = 365.25 days, as the register's).
    /// </summary>
    private static (List<PairBuilder.Observation> Inspections, List<PairBuilder.Work> Works) Simulate(int facilities, int seed)
    {
        var random = new Random(seed);
        double[] theta = [0.12, 0.18, 0.25];
        double[] repair = [0, 0, 0.4, 1.2];
        var (inspections, works) = (new List<PairBuilder.Observation>(), new List<PairBuilder.Work>());
        var origin = new DateOnly(2000, 1, 1);
        DateOnly Day(double years) => origin.AddDays((int)Math.Round(years * 365.25));
        double Exp(double rate) => rate > 0 ? -Math.Log(1 - random.NextDouble()) / rate : double.PositiveInfinity;
        for (var f = 0; f < facilities; f++)
        {
            var code = $"F{f}";
            var (state, time) = (1 + random.Next(4), 0.0);
            inspections.Add(new(code, "", Day(0), state));
            var next = random.Next(12, 73) / 12.0;
            while (next < 30)
            {
                var (up, fix) = (state < 4 ? Exp(theta[state - 1]) : double.PositiveInfinity, Exp(repair[state - 1]));
                if (time + Math.Min(up, fix) >= next)
                {
                    time = next;
                    inspections.Add(new(code, "", Day(time), state));
                    next = time + (random.Next(12, 73) / 12.0);
                    continue;
                }

                time += Math.Min(up, fix);
                if (fix < up && Day(time) != Day(next) && works.All(w => w.FacilityCode != code || w.On != Day(time)))
                {
                    state = 1;
                    works.Add(new(code, "", Day(time), 1));
                }
                else if (up <= fix)
                {
                    state++;
                }
            }
        }

        return (inspections, works);
    }
}
