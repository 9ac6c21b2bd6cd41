using System.Text.Json.Nodes;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// <c>infraledger project</c>, <c>scenario</c> and <c>investments</c> on the seeded demo, with 藤枝市 (222143, a member of the
/// demo group) given a register of one building so that every total can be computed by hand.
/// </summary>
public sealed class ProjectionCliTests(ProjectionCliTests.SeededDatabase database) : IClassFixture<ProjectionCliTests.SeededDatabase>
{
    private const string Fujieda = "222143";
    private readonly CliRunner cli = database.Cli;

    /// <summary>
    /// One seeded database for the class (seeding takes most of a CLI test's time): each test names its own scenario,
    /// and only one test writes 投資的経費, so none depends on another's order.
    /// </summary>
    public sealed class SeededDatabase : IAsyncLifetime
    {
        public CliRunner Cli { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Cli = await CliRunner.CreateSeededAsync();
            var register = Path.Combine(Cli.Directory, "register.csv");
            await File.WriteAllTextAsync(register, "施設コード,施設名,大分類,延床面積,建築年\nB-1,市民会館,市民文化系施設,1000,2014\n");
            var import = await Cli.RunAsync("import", "--tenant", Fujieda, "--kind", "Building", register);
            import.ExitCode.ShouldBe(0, import.Out + import.Error);
        }

        public async Task DisposeAsync() => await Cli.DisposeAsync();
    }

    [Fact]
    public async Task projects_a_small_register_as_csv_with_the_hand_computed_totals()
    {
        var annual = await cli.RunAsync("project", "--tenant", Fujieda, "--base-year", "2024", "--table", "annual", "--format", "csv");
        var summary = await cli.RunAsync("project", "--tenant", Fujieda, "--scenario", "soumu", "--base-year", "2024", "--table", "summary", "--format", "csv");

        annual.ExitCode.ShouldBe(0, annual.Error);
        // Progress goes to stderr only when it is a terminal: redirected, the CSV run says nothing there.
        annual.Error.ShouldBeEmpty();
        var lines = Lines(annual.Out);
        lines[0].ShouldBe("年度,市民文化系施設（千円）,合計（千円）");
        lines.Count.ShouldBe(41);
        // 総務省 preset: built 2014, base year 2024 → 大規模改修 at age 30 (2044), 250,000円/㎡ × 1,000㎡ over 2 years.
        lines.ShouldContain("2044,125000,125000");
        lines.ShouldContain("2045,125000,125000");
        lines.Skip(1).Where(l => !l.StartsWith("2044,", StringComparison.Ordinal) && !l.StartsWith("2045,", StringComparison.Ordinal))
            .ShouldAllBe(l => l.EndsWith(",0,0", StringComparison.Ordinal));
        summary.ExitCode.ShouldBe(0, summary.Error);
        Lines(summary.Out).ShouldContain("40年間の総額（千円）,250000");
        Lines(summary.Out).ShouldContain("年平均（千円）,6250");
    }

    [Fact]
    public async Task compares_two_scenarios_in_the_compare_summary()
    {
        var result = await cli.RunAsync("project", "--tenant", Fujieda, "--base-year", "2024", "--compare", "life-extension");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("■ シナリオの比較（総額と年平均）");
        result.Out.ShouldContain("■ シナリオの比較（2024〜2063年度、千円）");
        result.Out.ShouldNotContain("■ 推計の要約");
        // life-extension: 90% on the 80-year cycle (中規模修繕 30% of 400,000 at 20 → 108,000; 大規模改修 at 40 → 225,000),
        // 10% on the 60-year cycle (大規模改修 at 30 → 25,000) and 1,000円/㎡ a year of repairs (40,000): 398,000 千円.
        result.Out.ShouldContain("40年間の総額\t250,000\t398,000\t148,000\t59.2");

        var one = await cli.RunAsync("project", "--tenant", Fujieda, "--base-year", "2024", "--compare", "life-extension", "--table", "compare-summary", "--format", "csv");
        one.ExitCode.ShouldBe(0, one.Error);
        Lines(one.Out)[0].ShouldBe("項目,総務省 更新費用試算（単純更新）（千円）,長寿命化（加古川市の例）（千円）,差（千円）,差（%）");
    }

    [Fact]
    public async Task refuses_an_unknown_scenario_table_base_year_or_horizon_in_japanese()
    {
        var scenario = await cli.RunAsync("project", "--tenant", Fujieda, "--base-year", "2024", "--scenario", "存在しない案");
        var compare = await cli.RunAsync("project", "--tenant", Fujieda, "--base-year", "2024", "--compare", "存在しない案");
        var baseYear = await cli.RunAsync("project", "--tenant", Fujieda, "--base-year", "1800");
        var years = await cli.RunAsync("project", "--tenant", Fujieda, "--base-year", "2024", "--years", "0");
        var table = await cli.RunAsync("project", "--tenant", Fujieda, "--base-year", "2024", "--table", "nothing");

        scenario.ExitCode.ShouldBe(2);
        scenario.Error.ShouldContain("シナリオ「存在しない案」はありません");
        compare.ExitCode.ShouldBe(2);
        compare.Error.ShouldContain("シナリオ「存在しない案」はありません");
        baseYear.ExitCode.ShouldBe(2);
        baseYear.Error.ShouldContain("基準年度「1800」は1950〜2100の西暦年で指定してください");
        years.ExitCode.ShouldBe(2);
        years.Error.ShouldContain("試算期間「0」は1〜100年");
        table.ExitCode.ShouldBe(2);
        table.Error.ShouldContain("表「nothing」はありません（annual、events、summary、stock、skipped、unverified）");
    }

    [Fact]
    public async Task another_tenants_scenario_is_not_found()
    {
        (await cli.RunAsync("scenario", "copy", "--tenant", Fujieda, "--preset", "soumu", "--name", "藤枝の案")).ExitCode.ShouldBe(0);

        var project = await cli.RunAsync("project", "--tenant", "222127", "--base-year", "2024", "--scenario", "藤枝の案");
        var show = await cli.RunAsync("scenario", "show", "--tenant", "222127", "--name", "藤枝の案");
        var list = await cli.RunAsync("scenario", "list", "--tenant", "222127");

        project.ExitCode.ShouldBe(2);
        project.Error.ShouldContain("シナリオ「藤枝の案」はありません");
        show.ExitCode.ShouldBe(2);
        list.Out.ShouldNotContain("藤枝の案");
        (await cli.RunAsync("scenario", "list", "--tenant", Fujieda)).Out.ShouldContain("藤枝の案\tシナリオ 第1版\tプリセット soumu 第1版から");
    }

    [Fact]
    public async Task projects_a_group_the_tenant_belongs_to_with_a_preset_only()
    {
        var id = (await GroupIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await cli.RunAsync("scenario", "copy", "--tenant", Fujieda, "--name", "グループ用の案")).ExitCode.ShouldBe(0);

        var group = await cli.RunAsync("project", "--tenant", Fujieda, "--base-year", "2024", "--group", id, "--table", "members", "--format", "csv");
        var own = await cli.RunAsync("project", "--tenant", Fujieda, "--base-year", "2024", "--group", id, "--scenario", "グループ用の案");
        var outsider = await cli.RunAsync("project", "--tenant", "222119", "--base-year", "2024", "--group", id);

        group.ExitCode.ShouldBe(0, group.Error);
        Lines(group.Out)[0].ShouldBe("団体コード,団体名,40年間の総額（千円）,年平均（千円）");
        Lines(group.Out).ShouldContain("222143,藤枝市,250000,6250");
        Lines(group.Out).ShouldContain(l => l.StartsWith("222127,焼津市,", StringComparison.Ordinal));
        own.ExitCode.ShouldBe(2);
        own.Error.ShouldContain("広域グループの推計に使えるのは標準のプリセット");
        outsider.ExitCode.ShouldBe(2);
        outsider.Error.ShouldContain($"広域グループ {id} はないか、この団体が加わっていません");
    }

    [Fact]
    public async Task investments_import_then_list_and_a_bad_file_writes_nothing()
    {
        var good = await WriteAsync("investments.csv", "年度,既存更新分,新規整備分,用地取得分,出典\n2022,\"120,000,000\",30000000,0,決算統計\n2023,100000000,0,5000000,決算統計\n");
        var bad = await WriteAsync("bad.csv", "年度,既存更新分,新規整備分,用地取得分,出典\n2021,1000,0,0,決算統計\n2020,abc,0,0,決算統計\n");

        var import = await cli.RunAsync("investments", "import", "--tenant", Fujieda, good);
        var refused = await cli.RunAsync("investments", "import", "--tenant", Fujieda, bad);
        var list = await cli.RunAsync("investments", "list", "--tenant", Fujieda);
        var summary = await cli.RunAsync("project", "--tenant", Fujieda, "--base-year", "2024", "--table", "summary", "--format", "csv");

        import.ExitCode.ShouldBe(0, import.Out + import.Error);
        import.Out.ShouldContain("2022年度: 追加");
        import.Out.ShouldContain("2023年度: 追加");
        import.Out.ShouldContain("書き込みました（ファイルにない年度・団体はそのままです）");
        refused.ExitCode.ShouldBe(1);
        refused.Out.ShouldContain("bad.csv 3行目「既存更新分」列: 既存更新分「abc」は0以上の整数（円）で入力してください。");
        refused.Out.ShouldContain("何も書き込んでいません");
        Lines(list.Out).ShouldBe([
            "年度\t既存更新分（円）\t新規整備分（円）\t用地取得分（円）\t合計（円）\t出典",
            "2022\t120,000,000\t30,000,000\t0\t150,000,000\t決算統計",
            "2023\t100,000,000\t0\t5,000,000\t105,000,000\t決算統計",
        ]);
        // (150,000,000 + 105,000,000) / 2 = 127,500 千円.
        Lines(summary.Out).ShouldContain("直近の投資的経費の平均（2022・2023年度、千円）,127500");
        (await cli.RunAsync("investments", "list", "--tenant", "222127")).Out.ShouldNotContain("決算統計");
    }

    [Fact]
    public async Task scenario_copy_show_and_set_round_trip_every_parameter_through_a_file()
    {
        var copy = await cli.RunAsync("scenario", "copy", "--tenant", Fujieda, "--preset", "life-extension", "--name", "長寿命化の案");
        copy.ExitCode.ShouldBe(0, copy.Error);
        var shown = await cli.RunAsync("scenario", "show", "--tenant", Fujieda, "--name", "長寿命化の案");
        shown.ExitCode.ShouldBe(0, shown.Error);
        var json = JsonNode.Parse(shown.Out)!;
        json["horizon"]!.GetValue<int>().ShouldBe(40);
        json["horizon"] = 30;
        json["annualRepair"] = 0;

        var set = await cli.RunAsync("scenario", "set", "--tenant", Fujieda, "--name", "長寿命化の案", await WriteAsync("edited.json", json.ToJsonString()));

        set.ExitCode.ShouldBe(0, set.Error);
        set.Out.ShouldContain("シナリオ「長寿命化の案」を第2版にしました");
        var again = JsonNode.Parse((await cli.RunAsync("scenario", "show", "--tenant", Fujieda, "--name", "長寿命化の案")).Out)!;
        again["horizon"]!.GetValue<int>().ShouldBe(30);
        again["annualRepair"]!.GetValue<decimal>().ShouldBe(0);
        (await cli.RunAsync("scenario", "list", "--tenant", Fujieda)).Out.ShouldContain("長寿命化の案\tシナリオ 第2版\tプリセット life-extension 第1版から");
        var projected = await cli.RunAsync("project", "--tenant", Fujieda, "--base-year", "2024", "--scenario", "長寿命化の案", "--table", "summary");
        projected.Out.ShouldContain("長寿命化の案（シナリオ 第2版、プリセット life-extension 第1版から）");
        projected.Out.ShouldContain("2024〜2053年度（30年）");
    }

    [Fact]
    public async Task scenario_set_refuses_broken_json_an_invalid_parameter_or_a_preset_and_keeps_the_version()
    {
        (await cli.RunAsync("scenario", "copy", "--tenant", Fujieda, "--name", "検査用の案")).ExitCode.ShouldBe(0);
        var json = JsonNode.Parse((await cli.RunAsync("scenario", "show", "--tenant", Fujieda, "--name", "検査用の案")).Out)!;
        json["horizon"] = 0;

        var broken = await cli.RunAsync("scenario", "set", "--tenant", Fujieda, "--name", "検査用の案", await WriteAsync("broken.json", "{\n  \"horizon\": 40,,\n}"));
        var invalid = await cli.RunAsync("scenario", "set", "--tenant", Fujieda, "--name", "検査用の案", await WriteAsync("invalid.json", json.ToJsonString()));
        var preset = await cli.RunAsync("scenario", "set", "--tenant", Fujieda, "--name", "soumu", await WriteAsync("preset.json", json.ToJsonString()));
        var missing = await cli.RunAsync("scenario", "set", "--tenant", Fujieda, "--name", "検査用の案", Path.Combine(cli.Directory, "none.json"));

        broken.ExitCode.ShouldBe(2);
        broken.Error.ShouldContain("ファイル「broken.json」を JSON のシナリオのパラメータとして読めません（2 行目、17 バイト目付近）");
        invalid.ExitCode.ShouldBe(2);
        invalid.Error.ShouldContain("試算期間（年）「0」は 1〜100 の範囲で指定してください");
        preset.ExitCode.ShouldBe(2);
        preset.Error.ShouldContain("プリセット「soumu」は変更できません");
        missing.ExitCode.ShouldBe(2);
        (await cli.RunAsync("scenario", "list", "--tenant", Fujieda)).Out.ShouldContain("検査用の案\tシナリオ 第1版");
        JsonNode.Parse((await cli.RunAsync("scenario", "show", "--tenant", Fujieda, "--name", "検査用の案")).Out)!["horizon"]!.GetValue<int>().ShouldBe(40);
    }

    private static List<string> Lines(string output) => [.. output.Trim().Split('\n').Select(l => l.TrimEnd('\r'))];

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(cli.Directory, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    /// <summary>The demo group's id in the database the CLI of this test uses.</summary>
    private async Task<long> GroupIdAsync()
    {
        var settings = TestDatabase.Provider == DatabaseProvider.Sqlite
            ? new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(cli.Directory, "infraledger.db")};Pooling=False")
            : new DatabaseSettings(DatabaseProvider.Postgres, cli.StartInfo([]).Environment["ConnectionStrings__InfraLedger"]!);
        await using var db = settings.CreateContext();
        return await db.WideAreaGroups.Where(g => g.Name == DemoData.GroupName).Select(g => g.Id).SingleAsync();
    }
}
