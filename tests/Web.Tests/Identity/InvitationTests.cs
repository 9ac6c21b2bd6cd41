using System.Net;
using System.Text.RegularExpressions;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Identity;

/// <summary>Issue 17, F7: membership by invitation (ADR 0018). Nobody becomes a member without accepting.</summary>
public sealed partial class InvitationTests : IAsyncLifetime
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

    [Fact]
    public async Task F7_the_admins_form_answers_the_same_whether_or_not_the_address_has_an_account_and_adds_nobody()
    {
        await app.CreateUserAsync("existing@fujieda.example.jp", "222143");

        var withAccount = await InviteAsync("existing@fujieda.example.jp", "Editor");
        var without = await InviteAsync("nobody@fujieda.example.jp", "Editor");

        withAccount.StatusCode.ShouldBe(without.StatusCode);
        var a = Answer(await withAccount.Content.ReadAsStringAsync(), "existing@fujieda.example.jp");
        var b = Answer(await without.Content.ReadAsStringAsync(), "nobody@fujieda.example.jp");
        a.ShouldBe(b);
        a.ShouldContain("「EMAIL」への招待（編集者）を作成し、承諾用のリンクをそのアドレスにメールで送りました。");
        (await app.MailsToAsync("existing@fujieda.example.jp")).Count.ShouldBe(1);
        (await app.MailsToAsync("nobody@fujieda.example.jp")).Count.ShouldBe(1);
        var pending = await admin.GetStringAsync("/222127/members");
        pending.ShouldContain("existing@fujieda.example.jpへの招待を取り消す");
        pending.ShouldContain("nobody@fujieda.example.jpへの招待を取り消す");
        var members = await admin.GetStringAsync("/api/v1/222127/members");
        members.ShouldNotContain("existing@fujieda.example.jp");
        members.ShouldNotContain("nobody@fujieda.example.jp");
    }

    [Fact]
    public async Task F7_a_user_with_an_account_becomes_a_member_only_by_accepting_and_the_link_works_once()
    {
        var password = await app.CreateUserAsync("existing@fujieda.example.jp", "222143");
        var link = await LinkOfAsync(await InviteAsync("existing@fujieda.example.jp", "Editor"), "existing@fujieda.example.jp");
        var invitee = await app.SignedInClientAsync("existing@fujieda.example.jp", password);
        (await invitee.GetAsync("/222127")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var page = await invitee.GetStringAsync(link);
        page.ShouldContain("焼津市から、「existing@fujieda.example.jp」さんを<strong>編集者</strong>としてメンバーに招待しています。");
        var accepted = await AppFactory.PostFormAsync(invitee, link + "?handler=Accept", [], formPage: link);

        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.Headers.Location!.ToString().ShouldBe("/222127");
        (await invitee.GetAsync("/222127")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetStringAsync("/api/v1/222127/members")).ShouldContain("\"email\":\"existing@fujieda.example.jp\",\"displayName\":\"existing\",\"role\":\"Editor\"");
        var again = await invitee.GetAsync(link);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await again.Content.ReadAsStringAsync()).ShouldContain("この招待リンクは使えません");
    }

    [Fact]
    public async Task F7_a_person_without_an_account_creates_it_through_the_link_with_the_password_rules()
    {
        var link = await LinkOfAsync(await InviteAsync("newcomer@yaizu.example.jp", "Viewer"), "newcomer@yaizu.example.jp");
        var person = app.Client();
        (await person.GetStringAsync(link)).ShouldContain("「newcomer@yaizu.example.jp」のアカウントを作成して承諾します。");

        var weak = await AppFactory.PostFormAsync(person, link + "?handler=Register",
            new() { ["displayName"] = "新人 花子", ["password"] = "yaizu12345678", ["confirmPassword"] = "yaizu12345678" }, formPage: link);
        var created = await AppFactory.PostFormAsync(person, link + "?handler=Register",
            new() { ["displayName"] = "新人 花子", ["password"] = "moss-lantern-orbit-quiet", ["confirmPassword"] = "moss-lantern-orbit-quiet" }, formPage: link);

        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weak.Content.ReadAsStringAsync()).ShouldContain("メールアドレス・団体名・サービス名から推測できるパスワードは使えません。");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await person.GetStringAsync("/222127")).ShouldContain("新人 花子");
        await app.SignedInClientAsync("newcomer@yaizu.example.jp", "moss-lantern-orbit-quiet");
    }

    [Fact]
    public async Task F7_the_link_is_refused_to_another_account_and_under_another_tenant_and_with_a_wrong_secret()
    {
        var otherPassword = await app.CreateUserAsync("other@yaizu.example.jp");
        var link = await LinkOfAsync(await InviteAsync("invited@yaizu.example.jp", "Admin"), "invited@yaizu.example.jp");
        var other = await app.SignedInClientAsync("other@yaizu.example.jp", otherPassword);

        (await other.GetStringAsync(link)).ShouldContain("この招待は「invited@yaizu.example.jp」宛てです。");
        var stolen = await AppFactory.PostFormAsync(other, link + "?handler=Accept", [], formPage: link);
        stolen.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await other.GetAsync("/222127")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetAsync(link.Replace("/222127/", "/222143/", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetAsync(link[..^4] + "0000")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetAsync(link + "x")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task F7_declined_and_revoked_invitations_add_nobody_and_their_links_stop_working()
    {
        var declinedLink = await LinkOfAsync(await InviteAsync("decliner@yaizu.example.jp", "Viewer"), "decliner@yaizu.example.jp");
        var revokedLink = await LinkOfAsync(await InviteAsync("revoked@yaizu.example.jp", "Viewer"), "revoked@yaizu.example.jp");
        var person = app.Client();

        (await AppFactory.PostFormAsync(person, declinedLink + "?handler=Decline", [], formPage: declinedLink)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var pending = await admin.GetStringAsync("/222127/members");
        var id = revokedLink.Split('/')[3];
        (await AppFactory.PostFormAsync(admin, "/222127/members?handler=Revoke", new() { ["id"] = id }, formPage: "/222127/members")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        pending.ShouldContain("revoked@yaizu.example.jpへの招待を取り消す");
        pending.ShouldNotContain("decliner@yaizu.example.jpへの招待を取り消す");
        (await person.GetAsync(declinedLink)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await person.GetAsync(revokedLink)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetStringAsync("/222127/members")).ShouldNotContain("revoked@yaizu.example.jp");
    }

    [Fact]
    public async Task F7_another_tenants_admin_cannot_see_revoke_or_create_the_invitations()
    {
        var link = await LinkOfAsync(await InviteAsync("invited@yaizu.example.jp", "Viewer"), "invited@yaizu.example.jp");
        var id = link.Split('/')[3];
        var fujiedaPassword = await app.CreateUserAsync("admin@fujieda.example.jp", "222143", TenantRole.Admin);
        var fujieda = await app.SignedInClientAsync("admin@fujieda.example.jp", fujiedaPassword);

        (await fujieda.GetAsync("/222127/members")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fujieda.GetStringAsync("/222143/members")).ShouldNotContain("invited@yaizu.example.jp");
        var revoke = await AppFactory.PostFormAsync(fujieda, "/222143/members?handler=Revoke", new() { ["id"] = id }, formPage: "/222143/members");
        var invite = await AppFactory.PostFormAsync(fujieda, "/222127/members?handler=Set", new() { ["email"] = "x@example.jp", ["role"] = "Admin" }, formPage: "/222143/members");

        (await revoke.Content.ReadAsStringAsync()).ShouldContain($"招待「{id}」は見つからないか");
        invite.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("not-an-address", "Viewer", "の形式が正しくありません")]
    [InlineData("", "Viewer", "の形式が正しくありません")]
    [InlineData("someone@example.jp", "99", "役割を選んでください")]
    public async Task F7_a_bad_address_or_role_is_refused_in_japanese_and_invites_nobody(string email, string role, string message)
    {
        var response = await InviteAsync(email, role);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await admin.GetStringAsync("/222127/members")).ShouldNotContain("への招待を取り消す");
    }

    private Task<HttpResponseMessage> InviteAsync(string email, string role) =>
        AppFactory.PostFormAsync(admin, "/222127/members?handler=Set", new() { ["email"] = email, ["role"] = role }, formPage: "/222127/members");

    /// <summary>
    /// The link, as a path, from the invitation mail in the outbox (issue 22: the link goes only to the address, the
    /// admin's page no longer shows it).
    /// </summary>
    private async Task<string> LinkOfAsync(HttpResponseMessage response, string email)
    {
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("/invitations/");
        return await app.LinkToAsync(email);
    }

    /// <summary>The answer to the form (its notice), without what differs by nature: the address typed, the link and its expiry time.</summary>
    private static string Answer(string html, string email)
    {
        var notice = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("main .notice[role=status]");
        notice.ShouldNotBeNull("no answer on the page");
        return Time().Replace(notice.OuterHtml.Replace(email, "EMAIL", StringComparison.Ordinal), "TIME");
    }

    [GeneratedRegex(@"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}")]
    private static partial Regex Time();
}
