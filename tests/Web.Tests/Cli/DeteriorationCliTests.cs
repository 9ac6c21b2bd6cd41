namespace InfraLedger.Web.Tests.Cli;

/// <summary><c>infraledger inspections</c> and <c>deterioration</c> on the seeded demo (40 sample bridges with sample inspections).</summary>
public sealed class DeteriorationCliTests : IAsyncLifetime
{
    private CliRunner cli = null!;

    public async Task InitializeAsync()
    {
        cli = await CliRunner.CreateSeededAsync();
    }

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Fact]
    public async Task fits_the_bridge_model_then_shows_and_forecasts_it_for_the_tenants_stock()
    {
        var fit = await cli.RunAsync("deterioration", "fit", "--tenant", "222127", "--kind", "bridge", "--covariates", "age");
        fit.ExitCode.ShouldBe(0, fit.Out + fit.Error);
        fit.Out.ShouldContain("■ 劣化ハザード（年あたり）と期待滞在年数");
        fit.Out.ShouldContain("説明変数 age は点検ペアの平均値で評価");

        var show = await cli.RunAsync("deterioration", "show", "--tenant", "222127", "--kind", "bridge", "--interval", "5");
        show.ExitCode.ShouldBe(0, show.Error);
        show.Out.ShouldContain("■ 推移確率行列（5年）");
        show.Out.ShouldContain("■ 劣化曲線（最良の状態から、補修なし）");

        var forecast = await cli.RunAsync("deterioration", "forecast", "--tenant", "222127", "--kind", "bridge", "--years", "10", "--format", "csv");
        forecast.ExitCode.ShouldBe(0, forecast.Error);
        var lines = forecast.Out.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines[0].ShouldBe("年,I 健全,II 予防保全段階,III 早期措置段階,IV 緊急措置段階");
        lines.Count.ShouldBe(12);
        // Every year's expected counts add up to the 40 sample bridges.
        lines.Skip(1).ShouldAllBe(l => Math.Abs(l.Split(',').Skip(1).Sum(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)) - 40) < 0.5);
    }

    [Fact]
    public async Task the_forecast_says_its_assumption_about_works_and_refuses_one_that_does_not_exist()
    {
        (await cli.RunAsync("deterioration", "fit", "--tenant", "222127", "--kind", "bridge")).ExitCode.ShouldBe(0);

        var plain = await cli.RunAsync("deterioration", "forecast", "--tenant", "222127", "--kind", "bridge", "--years", "5");
        plain.ExitCode.ShouldBe(0, plain.Error);
        plain.Out.ShouldContain("■ 健全性の予測（施設数の期待値、前提: 補修なし）");
        var policy = await cli.RunAsync("deterioration", "forecast", "--tenant", "222127", "--kind", "bridge", "--years", "5", "--assume", "policy:予防保全");
        policy.ExitCode.ShouldBe(0, policy.Error);
        policy.Out.ShouldContain("■ 健全性の予測（施設数の期待値、前提: 方針「予防保全」）");
        policy.Out.ShouldContain("補修工法の設定 橋梁の補修工法と維持管理方針（標準）");
        var practice = await cli.RunAsync("deterioration", "forecast", "--tenant", "222127", "--kind", "bridge", "--years", "5", "--assume", "practice");
        practice.ExitCode.ShouldBe(0, practice.Error);
        practice.Out.ShouldContain("■ 健全性の予測（施設数の期待値、前提: 現状の補修実績）");
        practice.Out.ShouldContain("※ 前提: 自団体の点検");

        var bad = await cli.RunAsync("deterioration", "forecast", "--tenant", "222127", "--kind", "bridge", "--assume", "policy:毎年架替");
        bad.ExitCode.ShouldBe(2);
        bad.Error.ShouldContain("維持管理方針「毎年架替」はこの設定にありません。");
    }

    [Fact]
    public async Task another_tenant_has_no_model_cannot_import_our_codes_and_can_import_an_exported_model()
    {
        var none = await cli.RunAsync("deterioration", "show", "--tenant", "222143", "--kind", "bridge");
        none.ExitCode.ShouldBe(2);
        none.Error.ShouldContain("劣化モデルはまだありません");

        var file = Path.Combine(cli.Directory, "点検.csv");
        await File.WriteAllTextAsync(file, "施設コード,点検日,判定区分\nSMP-BR001,2024-05-01,II\n");
        var import = await cli.RunAsync("inspections", "import", "--tenant", "222143", file);
        import.ExitCode.ShouldBe(1);
        import.Out.ShouldContain("点検.csv 2行目「施設コード」列: 施設コード「SMP-BR001」の施設は台帳にありません。");

        (await cli.RunAsync("deterioration", "fit", "--tenant", "222127", "--kind", "bridge")).ExitCode.ShouldBe(0);
        var export = await cli.RunAsync("deterioration", "export", "--tenant", "222127", "--kind", "bridge");
        export.ExitCode.ShouldBe(0);
        var json = Path.Combine(cli.Directory, "model.json");
        await File.WriteAllTextAsync(json, export.Out);
        var imported = await cli.RunAsync("deterioration", "import", "--tenant", "222143", "--kind", "bridge", json);
        imported.ExitCode.ShouldBe(0, imported.Error);
        imported.Out.ShouldContain("取込: model.json");

        var distribution = await cli.RunAsync("inspections", "distribution", "--tenant", "222143", "--format", "csv");
        distribution.Out.Trim().Split('\n').Length.ShouldBe(1); // header only: 焼津市's inspections are not 藤枝市's
    }

    [Fact]
    public async Task imports_a_works_file_once_however_often_it_is_run_and_refuses_a_bad_one_whole()
    {
        var file = Path.Combine(cli.Directory, "工事.csv");
        await File.WriteAllTextAsync(file, "施設コード,完了日,内容,完了後の区分,費用\nSMP-BR001,2023-03-10,断面修復,I,1200000\n");

        var first = await cli.RunAsync("inspections", "import-works", "--tenant", "222127", file);
        var again = await cli.RunAsync("inspections", "import-works", "--tenant", "222127", file);

        first.ExitCode.ShouldBe(0, first.Out + first.Error);
        first.Out.ShouldContain("工事・補修のファイル 1 行を取り込みました（追加 1 件、修正 0 件、変更なし 0 件）。");
        again.Out.ShouldContain("（追加 0 件、修正 0 件、変更なし 1 件）");

        await File.WriteAllTextAsync(file, "施設コード,完了日,内容\nSMP-BR001,2023-04-10,塗装\nSMP-BR001,令和9年,塗装\n");
        var bad = await cli.RunAsync("inspections", "import-works", "--tenant", "222127", file);
        bad.ExitCode.ShouldBe(1);
        bad.Out.ShouldContain("工事.csv 3行目「完了日」列: 日付「令和9年」を読めません（例: 2024-05-31、R6.5.31）。（値: 令和9年）");
        bad.Out.ShouldContain("何も書き込んでいません");

        var other = await cli.RunAsync("inspections", "import-works", "--tenant", "222143", file);
        other.ExitCode.ShouldBe(1);
        other.Out.ShouldContain("施設コード「SMP-BR001」の施設は台帳にありません。");
    }
}
