namespace InfraLedger.Web.Tests.Cli;

/// <summary><c>infraledger indicators</c> on the seeded demo: the published figures and the register's ratio, as text or CSV.</summary>
public sealed class IndicatorCliTests : IAsyncLifetime
{
    private CliRunner cli = null!;

    public async Task InitializeAsync()
    {
        cli = await CliRunner.CreateSeededAsync();
    }

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Fact]
    public async Task prints_the_published_figures_of_the_year_as_csv()
    {
        var result = await cli.RunAsync("indicators", "--tenant", "222127", "--year", "2021", "--table", "fiscal-series", "--format", "csv");

        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Out.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines[0].ShouldBe("年度,財政力指数,経常収支比率,実質公債費比率,将来負担比率,ラスパイレス指数");
        // The FY2021 row of 焼津市 in 総務省「主要財政指標一覧」 as shipped: 0.86, 88.5, 6.5, 8.4, 100.4.
        lines.ShouldContain("2021,0.86,88.5,6.5,8.4,100.4");
        lines.Count.ShouldBe(12);
    }

    [Fact]
    public async Task prints_every_table_as_text_and_refuses_an_unknown_table_or_tenant()
    {
        var all = await cli.RunAsync("indicators", "--tenant", "222127", "--year", "2021");
        all.ExitCode.ShouldBe(0, all.Error);
        all.Out.ShouldContain("■ 有形固定資産減価償却率（2021年度（令和3年度）末、勘定科目別）");
        all.Out.ShouldContain("■ 施設類型別ストック情報（2021年度（令和3年度）末）");
        all.Out.ShouldContain("出典：総務省『主要財政指標一覧』");

        var table = await cli.RunAsync("indicators", "--tenant", "222127", "--year", "2021", "--table", "nothing");
        table.ExitCode.ShouldBe(2);
        table.Error.ShouldContain("表「nothing」はありません");
        var tenant = await cli.RunAsync("indicators", "--tenant", "222128", "--year", "2021");
        tenant.ExitCode.ShouldBe(2);
        tenant.Error.ShouldContain("検査数字");
    }

    [Fact]
    public async Task similar_groups_load_and_the_comparison_uses_them()
    {
        var file = Path.Combine(cli.Directory, "groups.csv");
        // A small fixture: 焼津市 and two other 静岡県 cities in one group, labels written as 総務省 files write them.
        await File.WriteAllTextAsync(file, "団体コード,年度,類似団体区分\n222127,2021,都市Ⅳ－２\n222143,2021,都市Ⅳ－２\n222119,2021,都市Ⅳ－２\n");
        var load = await cli.RunAsync("statistics", "similar-groups", file, "--source", "テスト用");
        load.ExitCode.ShouldBe(0, load.Out + load.Error);

        var result = await cli.RunAsync("indicators", "--tenant", "222127", "--year", "2021", "--table", "fiscal", "--format", "csv");
        result.ExitCode.ShouldBe(0, result.Error);
        // 財政力指数 FY2021 as published: 焼津市 0.86, 藤枝市 0.86, 磐田市 0.82 → group average 0.8466… → 0.85.
        var row = result.Out.Split('\n').Single(l => l.StartsWith("財政力指数,", StringComparison.Ordinal)).TrimEnd('\r').Split(',');
        row[1].ShouldBe("0.86");
        row[2].ShouldBe("0.85");
        row[4].ShouldBe("3");   // 類似団体数

        await File.WriteAllTextAsync(file, "団体コード,年度,類似団体区分\n222127,2021,都市Ⅸ-9\n");
        var bad = await cli.RunAsync("statistics", "similar-groups", file, "--source", "x");
        bad.ExitCode.ShouldBe(1);
        bad.Out.ShouldContain("類似団体区分「都市Ⅸ-9」を読めません");
    }

    [Fact]
    public async Task publishes_and_withdraws_the_register_figures_and_the_comparison_counts_them()
    {
        var publish = await cli.RunAsync("indicators", "publish", "--tenant", "222127", "--year", "2021");
        publish.ExitCode.ShouldBe(0, publish.Error);
        publish.Out.ShouldContain("2021年度末の台帳指標");

        var comparison = await cli.RunAsync("indicators", "--tenant", "222127", "--year", "2021", "--table", "comparison", "--format", "csv");
        comparison.ExitCode.ShouldBe(0, comparison.Error);
        var lines = comparison.Out.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines[0].ShouldBe("指標,単位,値,類似団体平均,類似団体内順位,類似団体数,県内平均,県内順位,県内団体数,全国平均,全国順位,全国団体数,全国パーセンタイル");
        // Only 焼津市 published, and no 類似団体区分 is loaded: first of one in its prefecture and the nation, whose
        // averages are its own value, at the 50th percentile; no 類似団体 to compare with.
        var cells = lines[1].Split(',');
        cells[..3].ShouldBe(["有形固定資産減価償却率", "%", cells[2]]);
        cells[2].ShouldMatch(@"^\d+\.\d\d$");
        cells[3..].ShouldBe(["", "", "0", cells[2], "1", "1", cells[2], "1", "1", "50.0"]);

        var withdraw = await cli.RunAsync("indicators", "withdraw", "--tenant", "222127", "--year", "2021");
        withdraw.ExitCode.ShouldBe(0, withdraw.Error);
        withdraw.Out.ShouldContain("公表を取り下げました");
        var empty = await cli.RunAsync("indicators", "publish", "--tenant", "222127", "--year", "1900");
        empty.ExitCode.ShouldBe(2);
        empty.Error.ShouldContain("1900年度末の有形固定資産減価償却率を計算できる台帳データがありません。");
    }
}
