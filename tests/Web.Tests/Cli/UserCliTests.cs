using System.Text.RegularExpressions;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// Issue 17, F7 on the command line: <c>users invite</c> prints a one-time link and adds nobody; issue 22: <c>users list</c>,
/// <c>users reset-password</c>, <c>users remove</c>, <c>mail status</c>.
/// </summary>
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

    [Fact]
    public async Task users_list_shows_the_accounts_with_their_tenants_and_roles_and_a_tenants_list_only_its_members()
    {
        (await cli.RunAsync("users", "add", "--email", "fujieda-viewer@example.jp", "--tenant", "222143")).ExitCode.ShouldBe(0);

        var all = await cli.RunAsync("users", "list");
        var yaizu = await cli.RunAsync("users", "list", "--tenant", "222127");
        var unknown = await cli.RunAsync("users", "list", "--tenant", "999999");

        all.ExitCode.ShouldBe(0, all.Error);
        all.Out.ShouldContain("yaizu-admin@example.jp\t");
        all.Out.ShouldContain("222127:Admin");
        all.Out.ShouldContain("fujieda-viewer@example.jp\t");
        all.Out.ShouldContain("222143:Viewer");
        yaizu.Out.ShouldContain("yaizu-admin@example.jp");
        yaizu.Out.ShouldNotContain("fujieda-viewer@example.jp");
        yaizu.Out.ShouldNotContain("222143");
        unknown.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task users_reset_password_prints_a_one_time_link_and_refuses_an_unknown_address()
    {
        var printed = await cli.RunAsync("users", "reset-password", "--email", "yaizu-admin@example.jp", "--site", "https://infraledger.example.lg.jp/");
        var unknown = await cli.RunAsync("users", "reset-password", "--email", "nobody@example.jp");

        printed.ExitCode.ShouldBe(0, printed.Error);
        ResetLink().Match(printed.Out).Value.ShouldStartWith("https://infraledger.example.lg.jp/account/reset/");
        printed.Out.ShouldContain("一度だけ");
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldContain("ユーザー「nobody@example.jp」は登録されていません。");
    }

    [Fact]
    public async Task users_remove_takes_a_member_out_of_one_tenant_but_never_the_last_admin()
    {
        (await cli.RunAsync("users", "add", "--email", "leaver@example.jp", "--tenant", "222127", "--role", "Editor")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("users", "add", "--email", "fujieda-member@example.jp", "--tenant", "222143")).ExitCode.ShouldBe(0);

        var removed = await cli.RunAsync("users", "remove", "--tenant", "222127", "--email", "leaver@example.jp");
        var lastAdmin = await cli.RunAsync("users", "remove", "--tenant", "222127", "--email", "yaizu-admin@example.jp");
        var otherTenant = await cli.RunAsync("users", "remove", "--tenant", "222127", "--email", "fujieda-member@example.jp");

        removed.ExitCode.ShouldBe(0, removed.Error);
        removed.Out.ShouldContain("leaver@example.jp を焼津市（222127）のメンバーから外しました（編集者）");
        lastAdmin.ExitCode.ShouldBe(2);
        lastAdmin.Error.ShouldContain("最後の管理者は削除・降格できません。");
        otherTenant.ExitCode.ShouldBe(2);
        otherTenant.Error.ShouldContain("この団体のメンバーではありません");
        var list = await cli.RunAsync("users", "list");
        list.Out.ShouldContain("fujieda-member@example.jp\t\t無効\t-\t222143:Viewer");
        list.Out.ShouldContain("leaver@example.jp\t\t無効\t-\t-");
    }

    [Fact]
    public async Task mail_status_says_when_smtp_is_not_set_and_mail_send_refuses()
    {
        var status = await cli.RunAsync("mail", "status");
        var send = await cli.RunAsync("mail", "send");

        status.ExitCode.ShouldBe(0, status.Error);
        status.Out.ShouldContain("送信サーバー（SMTP）が設定されていません（Mail:Host）");
        send.ExitCode.ShouldBe(2);
        send.Error.ShouldContain("SMTP サーバーが設定されていません（Mail:Host）。メールは送信待ちのまま残ります。");
    }

    [GeneratedRegex(@"\S*/account/reset/[0-9a-f]{16}/[0-9a-f]{64}")]
    private static partial Regex ResetLink();

    [GeneratedRegex(@"\S*/222127/invitations/[0-9a-f]{16}/[0-9a-f]{64}")]
    private static partial Regex Link();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")]
    private static partial Regex Time();
}
