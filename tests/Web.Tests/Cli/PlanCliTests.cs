using System.Text;

namespace InfraLedger.Web.Tests.Cli;

/// <summary><c>infraledger plan solve</c>: a candidates file and budgets, no database.</summary>
public sealed class PlanCliTests : IAsyncLifetime
{
    /// <summary>E3 of maintenance-planning.md §4 as a candidates file (千円).</summary>
    private const string E3 = """
        facility,year,cost,benefit
        B1,1,400,900
        B1,2,420,800
        B1,3,440,700
        B2,1,250,500
        B2,2,260,480
        B2,3,270,460
        B3,1,600,1500
        B3,2,630,1300
        B3,3,660,1100
        B4,1,150,260
        B4,2,160,250
        B4,3,170,240
        B5,1,300,640
        B5,2,315,600
        B5,3,330,560
        B6,1,500,820
        B6,2,525,800
        B6,3,550,780
        """;

    private CliRunner cli = null!;

    public async Task InitializeAsync() => cli = await CliRunner.CreateAsync();

    public async Task DisposeAsync() => await cli.DisposeAsync();

    private string Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(cli.Directory, name), text, new UTF8Encoding(false));
        return name;
    }

    [Fact]
    public async Task the_exact_solver_prints_the_plan_of_e3_with_benefit_4300()
    {
        var run = await cli.RunAsync("plan", "solve", "--candidates", Write("e3.csv", E3), "--budget", "800,800,800", "--exact");

        run.ExitCode.ShouldBe(0, run.Error);
        // maintenance-planning.md E3: B3, B4 in year 1; B2, B6 in year 2; B1, B5 in year 3; 4,300.
        Lines(run.Out).ShouldBe([
            "facility,year,treatment,source,cost,benefit",
            "B3,1,,,600,1500", "B4,1,,,150,260", "B2,2,,,260,480", "B6,2,,,525,800", "B1,3,,,440,700", "B5,3,,,330,560",
            "合計便益,4300", "合計費用,2305",
        ]);
        run.Error.ShouldContain("最適性を証明");
    }

    [Fact]
    public async Task the_heuristic_prints_its_own_total_and_both_together_print_the_gap()
    {
        var heuristic = await cli.RunAsync("plan", "solve", "--candidates", Write("e3.csv", E3), "--budget", "800,800,800", "--heuristic");
        heuristic.ExitCode.ShouldBe(0, heuristic.Error);
        var total = decimal.Parse(Lines(heuristic.Out).Single(l => l.StartsWith("合計便益,", StringComparison.Ordinal))["合計便益,".Length..], System.Globalization.CultureInfo.InvariantCulture);
        // At least E3's greedy (3,620), at most its optimum (4,300).
        total.ShouldBeInRange(3620m, 4300m);

        var both = await cli.RunAsync("plan", "solve", "--candidates", "e3.csv", "--budget", "800,800,800");
        both.ExitCode.ShouldBe(0, both.Error);
        Lines(both.Out).ShouldContain("合計便益,4300");
        Lines(both.Out).ShouldContain(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ヒューリスティックの合計便益,{total}"));
        Lines(both.Out).ShouldContain(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"差（厳密解比）,{(4300m - total) / 43m:0.0}%"));
    }

    [Fact]
    public async Task japanese_headers_funding_sources_and_committed_works_are_read()
    {
        var file = Write("候補.csv", """
            施設コード,実施年度,対策内容,財源,概算費用,便益,確約
            B1,2026,断面修復,国費,400,900,はい
            B2,2026,断面修復,,250,500,
            B3,2026,床版取替,,600,1500,
            B3,2027,床版取替,,630,1300,
            """);

        var run = await cli.RunAsync("plan", "solve", "--candidates", file, "--budget", "700,700", "--budget", "国費=400,0", "--exact");

        run.ExitCode.ShouldBe(0, run.Error);
        // B1 is committed from 国費; 700 of the general budget: B3 in 2026 (1,500) beside B2 would need 850, so B3 in 2026 alone
        // or B2 + B3 in 2027 (500 + 1,300 = 1,800) — the latter is best.
        Lines(run.Out).ShouldBe([
            "facility,year,treatment,source,cost,benefit",
            "B1,2026,断面修復,国費,400,900", "B2,2026,断面修復,,250,500", "B3,2027,床版取替,,630,1300",
            "合計便益,2700", "合計費用,1280",
        ]);
    }

    [Fact]
    public async Task a_bad_row_is_refused_with_its_row_and_column_in_japanese()
    {
        var run = await cli.RunAsync("plan", "solve", "--candidates", Write("bad.csv", "facility,year,cost,benefit\nB1,1,400,900\nB2,1,abc,500\nB3,0,100,100\n"), "--budget", "800");

        run.ExitCode.ShouldBe(1);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldContain("bad.csv 3行目「cost」列");
        run.Error.ShouldContain("bad.csv 4行目「year」列: 年度「0」は1以上の整数");
        run.Error.ShouldContain("計算しませんでした");
    }

    [Fact]
    public async Task a_candidate_in_a_year_without_a_budget_is_refused_at_its_row()
    {
        var run = await cli.RunAsync("plan", "solve", "--candidates", Write("e3.csv", E3), "--budget", "800,800");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("e3.csv 4行目: 3年目の予算がありません。");
    }

    [Fact]
    public async Task committed_works_over_the_budget_name_the_binding_year()
    {
        var run = await cli.RunAsync("plan", "solve", "--candidates", Write("c.csv", "facility,year,cost,benefit,committed\nB1,1,400,900,yes\nB2,2,900,500,yes\n"), "--budget", "800,800");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("2年目の予算 800 では、確約済みの工事と対策期限・健全性の目標を満たせません（この予算に少なくとも 900 が必要です）。");
    }

    [Theory]
    [InlineData("800,abc,800")]
    [InlineData("")]
    public async Task a_bad_budget_is_refused_in_japanese(string budget)
    {
        var run = await cli.RunAsync("plan", "solve", "--candidates", Write("e3.csv", E3), "--budget", budget);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("予算「");
        run.Out.ShouldBeEmpty();
    }

    private static List<string> Lines(string text) => [.. text.Trim().Split('\n').Select(l => l.TrimEnd('\r'))];
}
