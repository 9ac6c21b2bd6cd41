using System.Globalization;
using System.Text;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Tests.Tables;
using InfraLedger.Tests;
using Xunit.Abstractions;

namespace InfraLedger.Core.Tests.Deterioration;

/// <summary>
/// Forecasts checked against what happened (maintenance-planning.md §8) on the Alabama NBI sample: each model is fitted
/// on the vintages before 2017 only (the 1992 file shares no bridge with the later ones, so the pairs are 2010 → 2016),
/// then every bridge in both the 2016 and the 2017 files is forecast from its 2016 rating over the time to its 2017
/// inspection date (0 when the 2017 file repeats the 2016 inspection), and compared with its 2017 rating. Measures: the
/// total-variation distance between the forecast and the observed grade shares (points) and the Brier score per bridge
/// (mean of Σ_j (p_j − y_j)²), for the model with works (improvements kept, repair rates estimated), the model without
/// works (improved pairs dropped: the forecast before issue 19) and "no change since the last inspection".
/// One model per component, as in the msm comparison; the figures are printed and recorded in ADR 0022.
/// The target (issue 19) is that the model with works beats "no change" on both measures; it does on every component
/// and is asserted so. The model without works also beats "no change" over this one-year horizon and has the lower TV
/// distance (2.09 against 2.48 points when this was written): that is reported, not asserted either way.
/// </summary>
[Trait("Database", "any")] // no database
public sealed class ForecastCheckTests(ITestOutputHelper output)
{
    private const int Target = 2017;

    private sealed record Scores(double Tv, double Brier, int Bridges);

    [Fact]
    public void on_the_nbi_sample_the_model_with_works_forecasts_2017_better_than_no_change_on_both_measures()
    {
        var folder = NbiPairs.Folder(Fixtures.Repository());
        var table = new StringBuilder("component          bridges  model with works      model without works   no change\n");
        var pooled = new Dictionary<string, (double Tv, double Brier, int Bridges)>();
        var perComponent = new List<(Scores With, Scores None)>();
        foreach (var component in NbiPairs.Components)
        {
            var with = RepairEstimator.Fit(NbiPairs.Read(folder, component, v => v < Target, improvements: true), NbiPairs.States);
            var without = HazardEstimator.Fit(NbiPairs.Read(folder, component, v => v < Target, improvements: false), NbiPairs.States);
            with.IsSuccess.ShouldBeTrue(with.Error?.Message);
            without.IsSuccess.ShouldBeTrue(without.Error?.Message);

            var vintages = NbiPairs.Vintages(folder, component);
            var scores = new Dictionary<string, Scores>
            {
                ["with"] = Score(vintages, years => with.Value.Transition(years)),
                ["without"] = Score(vintages, years => without.Value.Chain().Transition(years)),
                ["none"] = Score(vintages, _ => Identity(NbiPairs.States)),
            };
            perComponent.Add((scores["with"], scores["none"]));
            table.AppendLine(CultureInfo.InvariantCulture, $"{component,-24} {scores["with"].Bridges,3}  {Cell(scores["with"])}  {Cell(scores["without"])}  {Cell(scores["none"])}");
            foreach (var (name, s) in scores)
            {
                var p = pooled.GetValueOrDefault(name);
                pooled[name] = (p.Tv + s.Tv, p.Brier + (s.Brier * s.Bridges), p.Bridges + s.Bridges);
            }
        }

        var mean = pooled.ToDictionary(p => p.Key, p => new Scores(p.Value.Tv / NbiPairs.Components.Length, p.Value.Brier / p.Value.Bridges, p.Value.Bridges));
        table.AppendLine(CultureInfo.InvariantCulture, $"{"all three (mean)",-24} {mean["with"].Bridges,3}  {Cell(mean["with"])}  {Cell(mean["without"])}  {Cell(mean["none"])}");
        output.WriteLine("TV distance of the grade shares (points) / Brier score per bridge, forecast of the 2017 vintage from 2016:\n" + table);

        mean["with"].Tv.ShouldBeLessThan(mean["none"].Tv);
        mean["with"].Brier.ShouldBeLessThan(mean["none"].Brier);
        perComponent.ShouldAllBe(c => c.With.Tv < c.None.Tv && c.With.Brier < c.None.Brier);
        mean["with"].Bridges.ShouldBe(mean["none"].Bridges);
    }

    /// <summary>TV (points) and Brier of the forecasts P(z)[2016 state] of every bridge in both files, against the 2017 states.</summary>
    private static Scores Score(SortedDictionary<int, Dictionary<string, (int Month, int State)>> vintages, Func<double, double[,]> transition)
    {
        var (before, after) = (vintages[Target - 1], vintages[Target]);
        var forecast = new double[NbiPairs.States];
        var observed = new double[NbiPairs.States];
        var (brier, bridges) = (0.0, 0);
        foreach (var (bridge, then) in before.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            if (!after.TryGetValue(bridge, out var now) || now.Month < then.Month)
            {
                continue;
            }

            var p = now.Month == then.Month ? Identity(NbiPairs.States) : transition((now.Month - then.Month) / 12.0);
            for (var j = 0; j < NbiPairs.States; j++)
            {
                var pj = Math.Max(0, p[then.State - 1, j]);
                var yj = j == now.State - 1 ? 1 : 0;
                forecast[j] += pj;
                observed[j] += yj;
                brier += (pj - yj) * (pj - yj);
            }

            bridges++;
        }

        var tv = 0.5 * Enumerable.Range(0, NbiPairs.States).Sum(j => Math.Abs((forecast[j] - observed[j]) / bridges));
        return new Scores(100 * tv, brier / bridges, bridges);
    }

    private static double[,] Identity(int n) => Matrix.Identity(n);

    private static string Cell(Scores s) => string.Create(CultureInfo.InvariantCulture, $"{s.Tv,6:F2} / {s.Brier:F5}     ");
}
