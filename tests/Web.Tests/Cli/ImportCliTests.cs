using System.Globalization;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// Issue 16 through the real <c>infraledger</c>: real files import with no option but the tenant, the CLI can map
/// columns, every choice in force is printed, and no import overwrites silently.
/// </summary>
public sealed class ImportCliTests : IAsyncLifetime
{
    private CliRunner cli = null!;

    public async Task InitializeAsync()
    {
        cli = await CliRunner.CreateAsync();
        var seed = await cli.RunAsync("db", "seed", "--master-only");
        seed.ExitCode.ShouldBe(0, seed.Error);
    }

    public async Task DisposeAsync() => await cli.DisposeAsync();

    private static string Shared(params string[] path) => Path.Combine([Repository(), "..", "shared", "data", .. path]);

    private static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InfraLedger.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("InfraLedger.slnx not found");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(cli.Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    // Checked by: every file of the demo city imports with no option at all except the tenant (dry run and commit); files
    // whose identifiers overlap are kept apart by a default the dry run shows, or refused with the overwrite question.
    [Fact]
    public async Task every_yaizu_file_imports_with_no_option_but_the_tenant_and_overlaps_are_never_merged_silently()
    {
        (string File, int Rows)[] files =
        [
            ("222127_facilities_smartmap.csv", 28), ("222127_elementary_school.csv", 13), ("222127_junior_high_school.csv", 9), ("222127_library.csv", 11),
            ("222127_facilities_sports.csv", 16), ("222127_community_center.csv", 9), ("222127_facilities_culture.csv", 6), ("222127_facilities_welfare.csv", 2),
            ("222127_municipal_parking_lot.csv", 4), ("222127_park_info.csv", 142), ("222127_public_toilet.csv", 112), ("222127_fire_hydrant.csv", 193),
            ("222127_underpass.csv", 48), ("222127_hinannjo.csv", 56), ("222127_evacuation_space.csv", 31), ("222127_bousaisouko.csv", 5),
            ("222127_suibousouko.csv", 5), ("222127_innryousuiyouchosuisou.csv", 3),
        ];
        var refused = new List<string>();
        foreach (var (file, rows) in files)
        {
            var path = Shared("facilities", "yaizu", file);
            var dryRun = await cli.RunAsync("import", "--tenant", "222127", path, "--dry-run");
            var commit = await cli.RunAsync("import", "--tenant", "222127", path);

            dryRun.ExitCode.ShouldBe(0, dryRun.Out + dryRun.Error);
            dryRun.Out.ShouldContain($"データ {rows.ToString("N0", CultureInfo.InvariantCulture)} 行");
            dryRun.Out.ShouldContain("施設コードの接頭辞: ");
            if (commit.ExitCode == 0)
            {
                commit.Out.ShouldContain("取込を確定しました");
                commit.Out.ShouldContain("更新 0、");
            }
            else
            {
                commit.ExitCode.ShouldBe(1, commit.Out + commit.Error);
                commit.Out.ShouldContain("上書きの確認 / overwrite: ");
                commit.Out.ShouldContain("何も書き込んでいません。内容を確かめ、よければ --allow-overwrite を付けて実行してください");
                refused.Add(file);
            }

            if (file == "222127_fire_hydrant.csv")
            {
                dryRun.Out.ShouldContain("施設コードの接頭辞: 「消防水利-」（標準データセット「消防水利施設一覧」の既定");
                dryRun.Out.ShouldContain("施設名: 種別＋（所在地）から作ります（名称の列がないため）");
            }
        }

        refused.ShouldContain("222127_underpass.csv", "its IDs 1…48 are the parks' IDs");
    }

    // What was seen (item 3): the CLI could not set a mapping, yet its message said 「列の対応付けで選んでください」.
    [Fact]
    public async Task the_cli_shows_the_mapping_with_reasons_maps_columns_and_reads_a_mapping_file()
    {
        var file = Write("lib.csv", "管理記号,呼称,電話番号\nD1,中央図書館,054-623-2554\n");

        var shown = await cli.RunAsync("import", "--tenant", "222127", file, "--show-mapping");
        var unmapped = await cli.RunAsync("import", "--tenant", "222127", file);
        var mapped = await cli.RunAsync("import", "--tenant", "222127", file, "--map", "管理記号=施設コード", "--map", "呼称=Name");
        var json = Write("mapping.json", """{"Target":1,"Columns":{"Code":0,"Name":1},"CodePrefix":"L-"}""");
        var fromFile = await cli.RunAsync("import", "--tenant", "222127", Write("lib2.csv", "管理記号,呼称,電話番号\nD2,北図書館,\n"), "--mapping", json);
        var malformed = await cli.RunAsync("import", "--tenant", "222127", file, "--map", "呼称");

        shown.ExitCode.ShouldBe(1, shown.Error);
        shown.Out.ShouldContain("2. 呼称 → （取り込まない）: 対応する項目がないため取り込みません。");
        shown.Out.ShouldContain("3. 電話番号 → （取り込まない）: 電話番号の列です。取込先に項目がないため取り込みません。");
        shown.Out.ShouldContain("JSON（--mapping に使えます / usable with --mapping）:");
        unmapped.ExitCode.ShouldBe(1);
        unmapped.Out.ShouldContain("データ 1 行");
        unmapped.Out.ShouldContain("必須項目「施設名」に対応する列がありません。列の対応付けで選んでください（画面の「列の対応付け」、コマンドでは --map 列名=施設名 または --mapping）。");
        mapped.ExitCode.ShouldBe(0, mapped.Out + mapped.Error);
        mapped.Out.ShouldContain("列の対応付け: 2 列（見出しから推定に --map の変更）");
        mapped.Out.ShouldContain("取込を確定しました");
        fromFile.ExitCode.ShouldBe(0, fromFile.Out + fromFile.Error);
        fromFile.Out.ShouldContain("施設コードの接頭辞: 「L-」（指定された対応付け）");
        malformed.ExitCode.ShouldBe(2);
        malformed.Error.ShouldContain("--map「呼称」は「列名=項目」の形で書いてください");
    }

    // What was seen (item 4): a remembered prefix was in force without being shown, and 52 parks would have been
    // overwritten by community centres.
    [Fact]
    public async Task a_remembered_prefix_is_printed_and_overwriting_rows_of_another_file_needs_allow_overwrite()
    {
        const string header = "ID,名称,住所\n";
        var parks = Write("parks.csv", header + string.Concat(Enumerable.Range(1, 52).Select(i => $"{i},公園{i},焼津市本町{i}\n")));
        var centres = Write("centres.csv", header + string.Concat(Enumerable.Range(1, 52).Select(i => $"{i},交流センター{i},焼津市大村{i}\n")));
        (await cli.RunAsync("import", "--tenant", "222127", parks, "--code-prefix", "P-", "--kind", "Park")).ExitCode.ShouldBe(0);

        var dryRun = await cli.RunAsync("import", "--tenant", "222127", centres, "--kind", "Building", "--dry-run");
        var refused = await cli.RunAsync("import", "--tenant", "222127", centres, "--kind", "Building");
        var allowed = await cli.RunAsync("import", "--tenant", "222127", centres, "--kind", "Building", "--allow-overwrite");

        dryRun.ExitCode.ShouldBe(0, dryRun.Error);
        dryRun.Out.ShouldContain("施設コードの接頭辞: 「P-」（前回確定した対応付け（");
        dryRun.Out.ShouldContain("追加 0、更新 52、変更なし 0");
        dryRun.Out.ShouldContain("上書きの確認 / overwrite: 既存の 52 件の種別が変わります（公園→建物 52件）。 このファイルで取り込んでいない既存の 52 件を上書きします（公園：parks.csv 52件）。");
        dryRun.Out.ShouldContain("確定するには --allow-overwrite が必要です");
        refused.ExitCode.ShouldBe(1);
        refused.Out.ShouldContain("何も書き込んでいません");
        allowed.ExitCode.ShouldBe(0, allowed.Out);
        allowed.Out.ShouldContain("取込を確定しました");
    }

    // What was seen (items 5 and 6): one year's file replaced all 11 years, and the ministry's own workbook was refused.
    [Fact]
    public async Task statistics_of_one_year_merge_with_a_dry_run_per_year_and_the_ministry_s_workbooks_import_as_published()
    {
        (await cli.RunAsync("statistics", "import", Shared("fiscal", "soumu_municipal_fiscal_indicators_H23-R3.csv"))).ExitCode.ShouldBe(0);

        var dryRun = await cli.RunAsync("statistics", "import", Shared("fiscal", "original", "soumu_shuyou_zaisei_shihyou_city_R2.xlsx"), "--dry-run");
        var noYear = await cli.RunAsync("statistics", "import", Shared("fiscal", "original", "soumu_shuyou_zaisei_shihyou_city_H27.xls"), "--dry-run");
        var given = await cli.RunAsync("statistics", "import", Shared("fiscal", "original", "soumu_shuyou_zaisei_shihyou_city_H27.xls"), "--year", "2015");
        var prefectures = await cli.RunAsync("statistics", "import", Shared("fiscal", "original", "soumu_shuyou_zaisei_shihyou_prefecture_R2.xlsx"));
        var series = await cli.RunAsync("indicators", "--tenant", "222127", "--year", "2021", "--table", "fiscal-series", "--format", "csv");

        dryRun.ExitCode.ShouldBe(0, dryRun.Out + dryRun.Error);
        dryRun.Out.ShouldContain("データ 1,742 行 / rows（うち 平均・合計の行（全国市町村平均など） 1 行は除きました / skipped）");
        dryRun.Out.ShouldContain("2020年度: 追加 0団体、置換 1団体、変更なし 1,740団体");
        dryRun.Out.ShouldContain("検査のみ: 何も書き込んでいません");
        noYear.ExitCode.ShouldBe(1);
        noYear.Out.ShouldContain("年度が分かりません");
        given.ExitCode.ShouldBe(0, given.Out);
        given.Out.ShouldContain("2015年度: 追加 0団体、置換 0団体、変更なし 1,741団体");
        prefectures.Out.ShouldContain("2020年度: 追加 47団体、置換 0団体、変更なし 0団体");
        series.Out.Trim().Split('\n').Length.ShouldBe(12, "all 11 years stay: " + series.Out);
    }

    [Fact]
    public async Task populations_merge_per_year_with_a_dry_run_and_a_year_goes_only_when_removed()
    {
        var first = Write("pop.csv", "年度,人口,出典\n2019,138000,統計書\n2020,137000,統計書\n");
        var second = Write("pop2.csv", "年度,人口,出典\n2020,137500,統計書\n2021,136500,統計書\n");
        (await cli.RunAsync("population", "import", "--tenant", "222127", first)).ExitCode.ShouldBe(0);

        var dryRun = await cli.RunAsync("population", "import", "--tenant", "222127", second, "--dry-run");
        var commit = await cli.RunAsync("population", "import", "--tenant", "222127", second);
        var removed = await cli.RunAsync("population", "remove", "--tenant", "222127", "--year", "2019");

        dryRun.Out.ShouldContain("2020年度: 置換");
        dryRun.Out.ShouldContain("2021年度: 追加");
        dryRun.Out.ShouldContain("検査のみ: 何も書き込んでいません");
        commit.Out.ShouldContain("書き込みました（ファイルにない年度・団体はそのままです）");
        removed.Out.ShouldContain("2019年度の人口を削除しました");
    }
}
