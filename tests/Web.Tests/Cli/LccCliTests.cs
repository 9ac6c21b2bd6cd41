using System.Globalization;
using InfraLedger.Core.Deterioration;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// <c>infraledger lcc</c>: a model file and a policy file evaluated without a database, pinned to the worked examples
/// E1 and E2 of maintenance-planning.md §4 (θ = 0.10, 0.15, 0.20; r = 4%; 千円), at the 6 significant digits it prints;
/// bad files refused with their place; a tenant's stock with its library, and another tenant without a model refused.
/// </summary>
public sealed class LccCliTests : IAsyncLifetime
{
    private CliRunner cli = null!;
    private string model = null!;

    public async Task InitializeAsync()
    {
        cli = await CliRunner.CreateAsync();
        model = Path.Combine(cli.Directory, "model.json");
        var e1 = new HazardFit(4, [], new double[,] { { Math.Log(0.10) }, { Math.Log(0.15) }, { Math.Log(0.20) } }, new double[3, 3], [], 0, 0, 0);
        await File.WriteAllTextAsync(model, DeteriorationModel.ToJson(e1));
    }

    public async Task DisposeAsync() => await cli.DisposeAsync();

    /// <summary>Starts the test over in a directory holding the seeded demo (a copy: the seed itself is tested in CliTests).</summary>
    private async Task UseSeededDemoAsync()
    {
        await cli.DisposeAsync();
        cli = await CliRunner.CreateSeededAsync();
    }

    [Fact]
    public async Task a_policy_file_on_a_model_file_prints_e1s_v_for_every_state_the_50_year_totals_and_the_long_run_average()
    {
        var policy = await WriteAsync("予防保全.json", """{"name":"予防保全","actions":[{"state":3,"cost":400,"to":1},{"state":4,"cost":1000,"to":1}]}""");

        var run = await cli.RunAsync("lcc", "--model", model, "--policy", policy, "--format", "csv");

        run.ExitCode.ShouldBe(0, run.Error);
        var rows = Rows(run.Out);
        // E1 予防保全: V = (576.3582971943, 803.2434025734, 976.3582971943, 1576.3582971943); from I over 50 years
        // 479.135307 discounted, 1198.674032 undiscounted; long-run average 26.574358 a year.
        Close(rows["1"][0], 576.3582971943);
        Close(rows["2"][0], 803.2434025734);
        Close(rows["3"][0], 976.3582971943);
        Close(rows["4"][0], 1576.3582971943);
        Close(rows["1"][1], 479.135307);
        Close(rows["1"][2], 1198.674032);
        Close(rows["予防保全"][0], 26.574358);
    }

    [Fact]
    public async Task with_optimal_e2s_policy_and_v_star_come_from_policy_iteration_value_iteration_and_the_lp()
    {
        // E2: repair to I at (250, 400, 1000) in II–IV or do nothing; risk (0, 0, 20, 300) a year in the state after.
        var policy = await WriteAsync("e2.json", """{"name":"E2","actions":[{"state":2,"cost":250,"to":1},{"state":3,"cost":400,"to":1},{"state":4,"cost":1000,"to":1}],"risk":[0,0,20,300]}""");

        var run = await cli.RunAsync("lcc", "--model", model, "--policy", policy, "--format", "csv", "--optimal");

        run.ExitCode.ShouldBe(0, run.Error);
        var optimal = run.Out.Split('\n').Select(l => l.TrimEnd('\r').Split(',')).SkipWhile(c => !c[0].StartsWith("状態", StringComparison.Ordinal)).Skip(1).Take(4).ToList();
        double[] expected = [576.3582971943, 803.2434025734, 976.3582971943, 1576.3582971943];
        string[] choice = ["何もしない", "何もしない", "補修", "補修"];
        for (var s = 0; s < 4; s++)
        {
            foreach (var k in new[] { 1, 3, 5 })
            {
                optimal[s][k].ShouldBe(choice[s]);
                Close(double.Parse(optimal[s][k + 1], CultureInfo.InvariantCulture), expected[s]);
            }
        }
    }

    [Theory]
    [InlineData("""{"name":"x","actions":[{"state":3,"cost":-5,"to":1}]}""", "エラー: bad.json: actions[0].cost: 費用 -5 は0以上の数にしてください。")]
    [InlineData("""{"name":"x","actions":[{"state":2,"cost":5,"to":3}]}""", "エラー: bad.json: actions[0].to: 状態 2 の補修で状態 3 に悪くなる設定はできません（補修後は同じか良い状態）。")]
    public async Task a_bad_policy_file_is_refused_with_its_place_in_japanese(string json, string message)
    {
        var policy = await WriteAsync("bad.json", json);

        var run = await cli.RunAsync("lcc", "--model", model, "--policy", policy);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe(message);
        run.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_tenants_stock_is_compared_under_its_library_and_a_tenant_without_a_model_is_refused()
    {
        await UseSeededDemoAsync();
        (await cli.RunAsync("deterioration", "fit", "--tenant", "222127", "--kind", "bridge")).ExitCode.ShouldBe(0);

        var ours = await cli.RunAsync("lcc", "--tenant", "222127", "--kind", "bridge", "--years", "30");
        ours.ExitCode.ShouldBe(0, ours.Error);
        ours.Error.ShouldContain("焼津市 橋梁: 橋梁の補修工法と維持管理方針（標準）（プリセット bridge 第1版）");
        ours.Out.ShouldContain("事後保全");
        ours.Out.ShouldContain("予防保全");

        var theirs = await cli.RunAsync("lcc", "--tenant", "222143", "--kind", "bridge");
        theirs.ExitCode.ShouldBe(2);
        theirs.Error.ShouldContain("劣化モデルがありません");
    }

    private async Task<string> WriteAsync(string name, string json)
    {
        var path = Path.Combine(cli.Directory, name);
        await File.WriteAllTextAsync(path, json);
        return path;
    }

    /// <summary>The CSV rows by their first cell, the other cells as numbers (rows of several tables; later ones do not replace earlier).</summary>
    private static Dictionary<string, double[]> Rows(string csv)
    {
        var rows = new Dictionary<string, double[]>();
        foreach (var cells in csv.Split('\n').Select(l => l.TrimEnd('\r').Split(',')).Where(c => c.Length > 1))
        {
            var numbers = cells.Skip(1).Select(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
            if (numbers.All(double.IsFinite))
            {
                rows.TryAdd(cells[0], numbers);
            }
        }

        return rows;
    }

    // The CLI prints 6 decimals: equal to the oracle to 1e-6 relative or to the last printed digit.
    private static void Close(double actual, double expected) =>
        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(Math.Max(1e-6 * Math.Abs(expected), 5e-7), $"{actual} vs {expected}");
}
