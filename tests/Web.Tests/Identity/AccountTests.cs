using System.Net;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Identity;

/// <summary>
/// Issue 22, item 2 over HTTP (no SMTP: the mails stay in the outbox, read there): password reset without enumeration,
/// single use and ending sessions; the admin's role editor and removal, never the last admin, never another tenant's.
/// </summary>
public sealed class AccountTests : IAsyncLifetime
{
    private AppFactory app = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        app = await AppFactory.CreateAsync();
        var password = await app.CreateUserAsync("admin@yaizu.example.jp", "222127", TenantRole.Admin);
        admin = await app.SignedInClientAsync("admin@yaizu.example.jp", password);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static async Task<string> NoticeAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var notice = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("main .notice[role=status]");
        notice.ShouldNotBeNull(html);
        return notice.TextContent;
    }

    [Fact]
    public async Task the_forgot_form_answers_the_same_for_an_unknown_address_and_mails_only_a_real_account()
    {
        await app.CreateUserAsync("known@yaizu.example.jp", "222127");

        var known = await AppFactory.PostFormAsync(app.Client(), "/account/forgot", new() { ["email"] = "known@yaizu.example.jp" });
        var unknown = await AppFactory.PostFormAsync(app.Client(), "/account/forgot", new() { ["email"] = "unknown@yaizu.example.jp" });

        known.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknown.StatusCode.ShouldBe(known.StatusCode);
        (await NoticeAsync(known)).Replace("known@", "X@", StringComparison.Ordinal).ShouldBe((await NoticeAsync(unknown)).Replace("unknown@", "X@", StringComparison.Ordinal));
        var mails = await app.MailsToAsync("known@yaizu.example.jp");
        mails.Count.ShouldBe(1);
        mails[0].TenantId.ShouldBeNull(); // a platform mail: no tenant's data in it
        mails[0].Kind.ShouldBe("password_reset");
        (await app.MailsToAsync("unknown@yaizu.example.jp")).ShouldBeEmpty();
        app.Logs.Of("InfraLedger.Security").ShouldContain(l => l.Contains("password_reset_issued"));
        var secret = (await app.LinkToAsync("known@yaizu.example.jp")).Split('/')[^1];
        app.Logs.Lines.ShouldAllBe(l => !l.Contains(secret), "no log line holds the link's secret");
    }

    [Fact]
    public async Task the_mailed_link_sets_a_new_password_once_and_ends_every_session()
    {
        var old = await app.CreateUserAsync("forgetful@yaizu.example.jp", "222127");
        var elsewhere = await app.SignedInClientAsync("forgetful@yaizu.example.jp", old);
        await AppFactory.PostFormAsync(app.Client(), "/account/forgot", new() { ["email"] = "forgetful@yaizu.example.jp" });
        var link = await app.LinkToAsync("forgetful@yaizu.example.jp");
        var person = app.Client();

        (await person.GetStringAsync(link)).ShouldContain("アカウント「forgetful@yaizu.example.jp」の新しいパスワードを決めてください。");
        var mismatch = await AppFactory.PostFormAsync(person, link, new() { ["newPassword"] = "harbor-lantern-quiet-moss", ["confirmPassword"] = "harbor-lantern-quiet-mass" });
        var weak = await AppFactory.PostFormAsync(person, link, new() { ["newPassword"] = "short", ["confirmPassword"] = "short" });
        var done = await AppFactory.PostFormAsync(person, link, new() { ["newPassword"] = "harbor-lantern-quiet-moss", ["confirmPassword"] = "harbor-lantern-quiet-moss" });

        (await mismatch.Content.ReadAsStringAsync()).ShouldContain("確認用のパスワードが一致しません。");
        (await weak.Content.ReadAsStringAsync()).ShouldContain($"パスワードは{IdentityPolicy.PasswordLength}文字以上にしてください。");
        (await done.Content.ReadAsStringAsync()).ShouldContain("パスワードを再設定しました。");
        (await elsewhere.GetAsync("/222127")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.SignedInClientAsync("forgetful@yaizu.example.jp", "harbor-lantern-quiet-moss");
        var again = await person.GetStringAsync(link);
        again.ShouldContain("このパスワード再設定のリンクは使えません");
        again.ShouldNotContain("forgetful@yaizu.example.jp");
    }

    [Theory]
    [InlineData("/account/reset/0000000000000000/0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("/account/reset/x/y")]
    [InlineData("/account/reset/%E3%81%82/%3Cscript%3E")]
    public async Task a_wrong_or_malformed_reset_link_gets_the_japanese_refusal_not_a_5xx(string path)
    {
        var response = await app.Client().GetAsync(path);
        var posted = await app.Client().PostAsync(path, new FormUrlEncodedContent([]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("このパスワード再設定のリンクは使えません");
        ((int)posted.StatusCode).ShouldBeLessThan(500);
    }

    [Theory]
    [InlineData("", "メールアドレスを入力してください。")]
    [InlineData("not-an-address", "メールアドレス「not-an-address」の形式が正しくありません。")]
    public async Task a_bad_address_on_the_forgot_form_is_refused_in_japanese_at_its_field(string email, string message)
    {
        var response = await AppFactory.PostFormAsync(app.Client(), "/account/forgot", new() { ["email"] = email });

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($"<p id=\"email_error\" class=\"field-error\">{message}</p>");
        html.ShouldContain("<a href=\"#email\">");
    }

    [Fact]
    public async Task the_admin_changes_a_members_role_and_removes_a_member_but_never_the_last_admin()
    {
        await app.CreateUserAsync("staff@yaizu.example.jp", "222127", TenantRole.Viewer);
        var staffId = await UserIdAsync("staff@yaizu.example.jp");
        var adminId = await UserIdAsync("admin@yaizu.example.jp");

        var promoted = await AppFactory.PostFormAsync(admin, "/222127/members?handler=Role", new() { ["userId"] = staffId, ["role"] = "Editor" }, formPage: "/222127/members");
        var demoteLast = await AppFactory.PostFormAsync(admin, "/222127/members?handler=Role", new() { ["userId"] = adminId, ["role"] = "Viewer" }, formPage: "/222127/members");
        var badRole = await AppFactory.PostFormAsync(admin, "/222127/members?handler=Role", new() { ["userId"] = staffId, ["role"] = "77" }, formPage: "/222127/members");
        var removeLast = await AppFactory.PostFormAsync(admin, "/222127/members?handler=Remove", new() { ["userId"] = adminId }, formPage: "/222127/members");

        promoted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/api/v1/222127/members")).ShouldContain("\"email\":\"staff@yaizu.example.jp\",\"displayName\":\"staff\",\"role\":\"Editor\"");
        (await demoteLast.Content.ReadAsStringAsync()).ShouldContain("最後の管理者は削除・降格できません。");
        (await badRole.Content.ReadAsStringAsync()).ShouldContain("役割を選んでください。");
        (await removeLast.Content.ReadAsStringAsync()).ShouldContain("最後の管理者は削除・降格できません。");

        var removed = await AppFactory.PostFormAsync(admin, "/222127/members?handler=Remove", new() { ["userId"] = staffId }, formPage: "/222127/members");
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/222127/members")).ShouldNotContain("staff@yaizu.example.jp");
        await using var db = app.Database.Context("222127");
        (await db.AuditEvents.Where(e => e.EntityType == "TenantMembership").Select(e => e.Action).ToListAsync()).ShouldContain("Deleted");
    }

    [Fact]
    public async Task another_tenants_admin_cannot_see_edit_or_remove_the_members()
    {
        await app.CreateUserAsync("staff@yaizu.example.jp", "222127", TenantRole.Viewer);
        var staffId = await UserIdAsync("staff@yaizu.example.jp");
        var fujiedaPassword = await app.CreateUserAsync("admin@fujieda.example.jp", "222143", TenantRole.Admin);
        var fujieda = await app.SignedInClientAsync("admin@fujieda.example.jp", fujiedaPassword);

        (await fujieda.GetAsync("/222127/members")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fujieda.GetAsync("/222127/mail")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fujieda.GetStringAsync("/222143/members")).ShouldNotContain("staff@yaizu.example.jp");
        var role = await AppFactory.PostFormAsync(fujieda, "/222143/members?handler=Role", new() { ["userId"] = staffId, ["role"] = "Admin" }, formPage: "/222143/members");
        var remove = await AppFactory.PostFormAsync(fujieda, "/222143/members?handler=Remove", new() { ["userId"] = staffId }, formPage: "/222143/members");
        var direct = await AppFactory.PostFormAsync(fujieda, "/222127/members?handler=Remove", new() { ["userId"] = staffId }, formPage: "/222143/members");

        (await role.Content.ReadAsStringAsync()).ShouldContain("はこの団体のメンバーではありません。");
        (await remove.Content.ReadAsStringAsync()).ShouldContain("はこの団体のメンバーではありません。");
        direct.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetStringAsync("/api/v1/222127/members")).ShouldContain("\"email\":\"staff@yaizu.example.jp\",\"displayName\":\"staff\",\"role\":\"Viewer\"");
    }

    [Fact]
    public async Task an_invitation_mail_names_only_its_own_tenant_and_the_outbox_page_lists_it_without_its_link()
    {
        var fujiedaPassword = await app.CreateUserAsync("admin@fujieda.example.jp", "222143", TenantRole.Admin);
        var fujieda = await app.SignedInClientAsync("admin@fujieda.example.jp", fujiedaPassword);
        await AppFactory.PostFormAsync(admin, "/222127/members?handler=Set", new() { ["email"] = "new@yaizu.example.jp", ["role"] = "Viewer" }, formPage: "/222127/members");
        await AppFactory.PostFormAsync(fujieda, "/222143/members?handler=Set", new() { ["email"] = "new@fujieda.example.jp", ["role"] = "Editor" }, formPage: "/222143/members");

        var yaizuMail = (await app.MailsToAsync("new@yaizu.example.jp")).Single();
        yaizuMail.TenantId.ShouldBe("222127");
        yaizuMail.Subject.ShouldBe("【インフラ台帳】焼津市への招待");
        yaizuMail.Body.ShouldContain("「焼津市」（団体コード 222127）から、閲覧者としての招待");
        foreach (var other in new[] { "藤枝", "222143", "fujieda" })
        {
            yaizuMail.Body.ShouldNotContain(other);
            yaizuMail.Subject.ShouldNotContain(other);
        }

        var page = await admin.GetStringAsync("/222127/mail");
        page.ShouldContain("new@yaizu.example.jp");
        page.ShouldContain("【インフラ台帳】焼津市への招待");
        page.ShouldContain("メールの送信サーバー（SMTP）が設定されていません。");
        page.ShouldNotContain("/invitations/");
        page.ShouldNotContain("new@fujieda.example.jp");
        (await fujieda.GetStringAsync("/222143/mail")).ShouldNotContain("new@yaizu.example.jp");
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = app.Database.Context();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
