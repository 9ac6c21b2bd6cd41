using System.Net;
using AngleSharp.Html.Parser;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Identity;

/// <summary>
/// Issue 17, F4: sessions that end (ADR 0016). A cookie copied before its session ended is replayed and refused. The
/// tests share one app; each has users of its own (xUnit makes an instance per test, so the addresses differ).
/// </summary>
public sealed class SessionTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly AppFactory app = shared.Factory;
    private readonly string staff = $"staff-{Guid.NewGuid():N}@yaizu.example.jp";
    private readonly string admin = $"admin-{Guid.NewGuid():N}@yaizu.example.jp";

    [Theory]
    [InlineData("/")]
    [InlineData("/222127")]
    [InlineData("/222127/facilities")]
    [InlineData("/dashboard")]
    [InlineData("/account/password")]
    [InlineData("/222127/no-such-page")]
    public async Task F4_the_sign_out_button_in_the_header_signs_out_from_every_kind_of_page(string path)
    {
        var password = await app.CreateUserAsync(staff, "222127", TenantRole.Admin);
        var client = await app.SignedInClientAsync(staff, password);
        var page = await client.GetAsync(path);
        var form = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("header form.sign-out");
        form.ShouldNotBeNull($"no sign-out form in the header of {path}");
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");

        var signOut = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));

        fields.ShouldContainKey("__RequestVerificationToken");
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-out from {path}");
        signOut.Headers.Location!.ToString().ShouldBe("/");
        var after = await client.GetAsync("/222127");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task F4_the_old_cookie_replayed_after_signing_out_is_refused_on_pages_and_the_api()
    {
        var password = await app.CreateUserAsync(staff, "222127", TenantRole.Admin);
        var (client, cookie) = await SignInAsync(staff, password);
        var replay = Replaying(cookie);
        (await replay.GetAsync("/222127")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replay.GetAsync("/api/v1/222127/members")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await AppFactory.PostFormAsync(client, "/account/logout", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await replay.GetAsync("/222127");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/account/login");
        (await replay.GetAsync("/api/v1/222127/members")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task F4_a_password_change_ends_the_other_sessions_at_once_and_keeps_the_browser_that_made_it()
    {
        var password = await app.CreateUserAsync(staff, "222127");
        var (here, _) = await SignInAsync(staff, password);
        var (_, elsewhere) = await SignInAsync(staff, password);
        (await Replaying(elsewhere).GetAsync("/222127")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var changed = await AppFactory.PostFormAsync(here, "/account/password",
            new() { ["currentPassword"] = password, ["newPassword"] = "moss-lantern-orbit-quiet", ["confirmPassword"] = "moss-lantern-orbit-quiet" });

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Replaying(elsewhere).GetAsync("/222127")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await here.GetAsync("/222127")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await here.GetStringAsync("/account/password")).ShouldContain("パスワードを変更しました。");
        await app.SignedInClientAsync(staff, "moss-lantern-orbit-quiet");
    }

    [Fact]
    public async Task F4_a_wrong_current_password_or_a_weak_new_one_changes_nothing_and_says_why_in_japanese()
    {
        var password = await app.CreateUserAsync(staff, "222127");
        var (client, cookie) = await SignInAsync(staff, password);

        var wrong = await AppFactory.PostFormAsync(client, "/account/password",
            new() { ["currentPassword"] = "not-my-password", ["newPassword"] = "moss-lantern-orbit-quiet", ["confirmPassword"] = "moss-lantern-orbit-quiet" });
        var weak = await AppFactory.PostFormAsync(client, "/account/password",
            new() { ["currentPassword"] = password, ["newPassword"] = "passwordpassword", ["confirmPassword"] = "passwordpassword" });

        (await wrong.Content.ReadAsStringAsync()).ShouldContain("現在のパスワードが正しくありません。");
        (await weak.Content.ReadAsStringAsync()).ShouldContain("よく使われているパスワード");
        (await Replaying(cookie).GetAsync("/222127")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.SignedInClientAsync(staff, password);
    }

    [Fact]
    public async Task F4_removing_a_member_ends_their_sessions_at_once()
    {
        var adminPassword = await app.CreateUserAsync(admin, "222127", TenantRole.Admin);
        var staffPassword = await app.CreateUserAsync(staff, "222127", TenantRole.Editor);
        var adminClient = await app.SignedInClientAsync(admin, adminPassword);
        var (_, cookie) = await SignInAsync(staff, staffPassword);
        (await Replaying(cookie).GetAsync("/account/password")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var members = new HtmlParser().ParseDocument(await adminClient.GetStringAsync("/222127/members"));
        var staffId = members.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(staff, StringComparison.Ordinal))
            .QuerySelector("input[name=userId]")!.GetAttribute("value")!;

        var removed = await AppFactory.PostFormAsync(adminClient, "/222127/members?handler=Remove", new() { ["userId"] = staffId }, formPage: "/222127/members");

        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Replaying(cookie).GetAsync("/account/password")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Replaying(cookie).GetAsync("/api/v1/222127/members")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>Signs in through the form; returns the client and the sign-in cookie it was given (name=value).</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string email, string password)
    {
        var client = app.Client();
        var response = await AppFactory.PostFormAsync(client, "/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("infraledger.auth=", StringComparison.Ordinal));
        return (client, cookie.Split(';')[0]);
    }

    /// <summary>A client of its own that sends only the copied cookie, as an attacker who stole it would.</summary>
    private HttpClient Replaying(string cookie)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
