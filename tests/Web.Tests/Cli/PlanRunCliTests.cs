using System.Text;
using InfraLedger.Core.Tables;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// <c>infraledger plan run|list|show|decide|rerun|diff|export</c> and <c>plan consequences</c> on the demo register
/// (焼津市's sample bridges, the model fitted from its inspections), in-process; another tenant's plan refused.
/// </summary>
public sealed class PlanRunCliTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private CliRunner cli = null!;

    public async Task InitializeAsync()
    {
        cli = await CliRunner.CreateAsync();
        (await cli.RunAsync("db", "seed")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("deterioration", "fit", "--tenant", Yaizu, "--kind", "bridge")).ExitCode.ShouldBe(0);
    }

    public async Task DisposeAsync() => await cli.DisposeAsync();

    private string Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(cli.Directory, name), text, new UTF8Encoding(false));
        return name;
    }

    private Task<CliRunner.Output> RunPlanAsync(params string[] extra) =>
        cli.RunAsync(["plan", "run", "--tenant", Yaizu, "--first-year", "2027", "--horizon", "10", "--budget", "50000000", "--budget", "国費=20000000", .. extra]);

    [Fact]
    public async Task a_plan_is_run_listed_shown_decided_and_exported_as_the_published_workbook_and_csv()
    {
        var run = await RunPlanAsync();
        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("計画 1 を案として保存しました。");
        run.Out.ShouldContain("⑥ 対策費用");
        run.Out.ShouldContain("解法\t厳密解法の便益 ");

        var list = await cli.RunAsync("plan", "list", "--tenant", Yaizu);
        list.Out.Split('\n')[1].ShouldStartWith("1\t案\t2027〜2036年度 個別施設計画\t2027〜2036\texact\t");

        var show = await cli.RunAsync("plan", "show", "1", "--tenant", Yaizu, "--table", "works", "--format", "csv");
        show.ExitCode.ShouldBe(0, show.Error);
        show.Out.ShouldStartWith("優先順位,施設コード,施設名,資産種別,健全度,対策内容,対策区分,実施予定年度,財源,概算費用（円）");

        (await cli.RunAsync("plan", "decide", "1", "--tenant", Yaizu)).Out.ShouldContain("を決定しました。");
        var again = await cli.RunAsync("plan", "decide", "1", "--tenant", Yaizu);
        again.ExitCode.ShouldBe(2);
        again.Error.ShouldContain("計画 1 は決定のため決定できません");
        (await cli.RunAsync("audit", "verify", "--tenant", Yaizu)).ExitCode.ShouldBe(0);
        (await cli.RunAsync("plan", "publish", "1", "--tenant", Yaizu)).Out.ShouldContain("計画 1「2027〜2036年度 個別施設計画」の概要を公表しました。");

        (await cli.RunAsync("plan", "export", "1", "--tenant", Yaizu, "--format", "xlsx", "--out", "plan.xlsx")).ExitCode.ShouldBe(0);
        await using (var xlsx = File.OpenRead(Path.Combine(cli.Directory, "plan.xlsx")))
        {
            TableFile.ReadAll(xlsx, "plan.xlsx").Value.Select(t => t.Sheet).ShouldBe(["計画概要", "対策工事リスト", "年度別計画表", "施設一覧", "ライフサイクルコスト", "費用の見通し"]);
        }

        (await cli.RunAsync("plan", "export", "1", "--tenant", Yaizu, "--format", "csv", "--table", "years", "--encoding", "shift_jis", "--out", "years.csv")).ExitCode.ShouldBe(0);
        var csv = Encoding.GetEncoding(932).GetString(await File.ReadAllBytesAsync(Path.Combine(cli.Directory, "years.csv")));
        csv.ShouldStartWith("年度,予算 一般財源（円）,予算 国費（円）,費用 一般財源（円）,費用 国費（円）");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(11);
    }

    [Fact]
    public async Task re_running_the_decided_plan_after_an_inspection_shows_what_changed()
    {
        (await cli.RunAsync("plan", "run", "--tenant", Yaizu, "--first-year", "2027", "--horizon", "5", "--budget", "400000000", "--heuristic")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("plan", "decide", "1", "--tenant", Yaizu)).ExitCode.ShouldBe(0);
        var inspections = Write("inspections.csv", "施設コード,点検日,判定区分\r\nSMP-BR001,2026-05-20,III\r\n");
        var imported = await cli.RunAsync("inspections", "import", inspections, "--tenant", Yaizu);
        imported.ExitCode.ShouldBe(0, imported.Error + imported.Out);

        var rerun = await cli.RunAsync("plan", "rerun", "1", "--tenant", Yaizu);

        rerun.ExitCode.ShouldBe(0, rerun.Error);
        rerun.Out.ShouldContain("計画 2 を計画 1 の再計算（案）として保存しました。");
        rerun.Out.ShouldContain("計画 1 → 2: 追加 1 件");
        rerun.Out.ShouldContain("追加\tSMP-BR001\t");
        rerun.Out.ShouldContain("費用の変化,+");
        (await cli.RunAsync("plan", "diff", "2", "--tenant", Yaizu)).Out.ShouldContain("追加\tSMP-BR001\t");
    }

    [Fact]
    public async Task infeasible_targets_and_bad_conditions_are_refused_with_the_year_and_budget_and_nothing_is_kept()
    {
        var deadline = await RunPlanAsync("--exact", "--no-worst-after", "2027", "--budget", "国費=0");
        deadline.ExitCode.ShouldBe(2);

        var share = await RunPlanAsync("--share", "2028:0%");
        share.ExitCode.ShouldBe(2);
        share.Error.ShouldContain("2028年度の区分の悪い施設の割合を 0% 以下にする目標は、予算に関係なく達成できません");

        var tight = await cli.RunAsync("plan", "run", "--tenant", Yaizu, "--first-year", "2027", "--horizon", "3", "--budget", "1000,1000,1000", "--exact", "--no-worst-after", "2027");
        tight.ExitCode.ShouldBe(2);
        tight.Error.ShouldContain("エラー: 2027年度の予算 1,000 では、確約済みの工事と対策期限・健全性の目標を満たせません");

        (await RunPlanAsync("--share", "2030-15")).Error.ShouldContain("割合の目標「2030-15」は 年度:割合% で指定してください");
        (await RunPlanAsync("--committed", "NOPE:2027:国費:100")).Error.ShouldContain("施設「NOPE」は施設台帳にありません。");
        (await cli.RunAsync("plan", "list", "--tenant", Yaizu)).Out.Trim().Split('\n').Length.ShouldBe(1, "only the header: nothing was kept");
    }

    [Fact]
    public async Task another_tenants_plan_is_not_found_not_listed_and_refused_on_decide_and_export()
    {
        (await RunPlanAsync("--heuristic")).ExitCode.ShouldBe(0);

        (await cli.RunAsync("plan", "list", "--tenant", "222143")).Out.Trim().Split('\n').Length.ShouldBe(1);
        foreach (var args in new[] { new[] { "show", "1" }, ["decide", "1"], ["rerun", "1"], ["export", "1", "--out", "theirs.xlsx"] })
        {
            var refused = await cli.RunAsync(["plan", .. args, "--tenant", "222143"]);
            refused.ExitCode.ShouldBe(2, string.Join(' ', args));
            refused.Error.Trim().ShouldBe("エラー: 計画 1 はありません。");
        }

        File.Exists(Path.Combine(cli.Directory, "theirs.xlsx")).ShouldBeFalse();
    }

    [Fact]
    public async Task consequence_attributes_are_imported_and_set_and_a_bad_file_is_refused_with_its_place()
    {
        var bad = Write("bad.csv", "施設コード,緊急輸送道路\r\nSMP-BR001,たぶん\r\n");
        var refused = await cli.RunAsync("plan", "consequences", "import", bad, "--tenant", Yaizu);
        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldContain("bad.csv 2行目「緊急輸送道路」列: 緊急輸送道路は「○」「はい」「有」か、空欄・「×」「なし」で指定してください。（値: たぶん）");

        var good = Write("good.csv", "施設コード,緊急輸送道路,交通量\r\nSMP-BR001,○,15000\r\n");
        (await cli.RunAsync("plan", "consequences", "import", good, "--tenant", Yaizu)).Out.ShouldContain("1 施設、2 件の属性を保存しました。");
        (await cli.RunAsync("plan", "consequences", "set", "SMP-BR002", "overpass=1", "--tenant", Yaizu)).Out.ShouldContain("1 件の属性を変更しました。");

        var shown = await cli.RunAsync("plan", "consequences", "show", "--tenant", Yaizu);
        var settings = Write("settings.json", shown.Out.Replace("\"weight\":1.0", "\"weight\":4", StringComparison.Ordinal));
        (await cli.RunAsync("plan", "consequences", "save", settings, "--tenant", Yaizu)).Out.ShouldContain("第1版として保存しました。");
        (await cli.RunAsync("plan", "consequences", "save", settings, "--tenant", Yaizu)).Error.ShouldContain("ほかの人が保存しました（現在 第1版）");

        (await RunPlanAsync("--heuristic")).ExitCode.ShouldBe(0);
        var facilities = await cli.RunAsync("plan", "show", "1", "--tenant", Yaizu, "--table", "facilities", "--format", "csv");
        facilities.Out.ShouldContain("緊急輸送道路 4");
    }
}
