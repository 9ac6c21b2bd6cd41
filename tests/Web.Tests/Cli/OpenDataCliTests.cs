namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// <c>infraledger opendata</c> on the seeded demo: 焼津市's 公共施設一覧 and 指標 are published, its 固定資産台帳 waits for an
/// admin's action (issue 21 item 7); publish, withdraw, list.
/// </summary>
public sealed class OpenDataCliTests : IAsyncLifetime
{
    private CliRunner cli = null!;

    public async Task InitializeAsync()
    {
        cli = await CliRunner.CreateSeededAsync();
    }

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Fact]
    public async Task lists_withdraws_and_publishes_with_a_licence()
    {
        var list = await cli.RunAsync("opendata", "list");
        list.ExitCode.ShouldBe(0, list.Error);
        list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]).ShouldBe(["222127-indicators", "222127-public-facilities"]);
        list.Out.ShouldContain("\tcc-by-4.0\t");

        var byAdmin = await cli.RunAsync("opendata", "publish", "--tenant", "222127", "--dataset", "register", "--licence", "cc-by-4.0");
        byAdmin.ExitCode.ShouldBe(0, byAdmin.Error);
        (await cli.RunAsync("opendata", "list", "--tenant", "222127")).Out.ShouldContain("222127-fixed-assets");

        var withdrawn = await cli.RunAsync("opendata", "withdraw", "--tenant", "222127", "--dataset", "register");
        withdrawn.ExitCode.ShouldBe(0, withdrawn.Error);
        withdrawn.Out.ShouldContain("222127-fixed-assets の公開を取り下げました");
        (await cli.RunAsync("opendata", "list", "--tenant", "222127")).Out.ShouldNotContain("fixed-assets");

        var again = await cli.RunAsync("opendata", "withdraw", "--tenant", "222127", "--dataset", "register");
        again.ExitCode.ShouldBe(2);
        again.Error.ShouldContain("データセット「固定資産台帳」は公開されていません");

        var published = await cli.RunAsync("opendata", "publish", "--tenant", "222127", "--dataset", "register", "--licence", "pdl-1.0");
        published.ExitCode.ShouldBe(0, published.Error);
        published.Out.ShouldContain("公共データ利用規約（第1.0版）");

        var licence = await cli.RunAsync("opendata", "publish", "--tenant", "222127", "--dataset", "facilities", "--licence", "GPL");
        licence.ExitCode.ShouldBe(2);
        licence.Error.ShouldContain("ライセンス「GPL」は選べません");
        var audit = await cli.RunAsync("audit", "verify", "--tenant", "222127");
        audit.ExitCode.ShouldBe(0, audit.Out + audit.Error);
    }
}
