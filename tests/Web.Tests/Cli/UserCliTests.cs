using System.Text.RegularExpressions;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>Issue 17, F7 on the command line: <c>users invite</c> prints a one-time link and adds nobody.</summary>
public sealed partial class UserCliTests : IAsyncLifetime
{
    private CliRunner cli = null!;

    public async Task InitializeAsync()
    {
        cli = await CliRunner.CreateSeededAsync();
    }

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Fact]
    public async Task F7_the_cli_invites_with_a_one_time_link_the_same_whether_or_not_the_address_has_an_account()
    {
        (await cli.RunAsync("users", "add", "--email", "existing@fujieda.example.jp")).ExitCode.ShouldBe(0);

        var withAccount = await cli.RunAsync("users", "invite", "--tenant", "222127", "--email", "existing@fujieda.example.jp", "--role", "Editor");
        var without = await cli.RunAsync("users", "invite", "--tenant", "222127", "--email", "nobody@fujieda.example.jp", "--role", "Editor",
            "--site", "https://infraledger.example.lg.jp/");
        var member = await cli.RunAsync("users", "invite", "--tenant", "222127", "--email", "yaizu-admin@example.jp", "--role", "Admin");
        var bad = await cli.RunAsync("users", "invite", "--tenant", "222127", "--email", "not an address");

        withAccount.ExitCode.ShouldBe(0, withAccount.Error);
        Time().Replace(Link().Replace(withAccount.Out, "LINK"), "TIME").ShouldBe(Time().Replace(Link().Replace(without.Out, "LINK"), "TIME"));
        withAccount.Out.ShouldContain("焼津市（222127）への招待を作成しました（編集者");
        Link().Match(withAccount.Out).Value.ShouldStartWith("/222127/invitations/");
        Link().Match(without.Out).Value.ShouldStartWith("https://infraledger.example.lg.jp/222127/invitations/");
        member.Out.ShouldContain("メンバーの役割を管理者にしました");
        bad.ExitCode.ShouldBe(2);
        bad.Error.ShouldContain("メールアドレス「not an address」の形式が正しくありません。");
    }

    [GeneratedRegex(@"\S*/222127/invitations/[0-9a-f]{16}/[0-9a-f]{64}")]
    private static partial Regex Link();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")]
    private static partial Regex Time();
}
