using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;
using Microsoft.Playwright;

namespace InfraLedger.Web.Tests.Browser;

/// <summary>
/// Issue 22, item 2 in a real browser, with the mails read from the SMTP sink (scripts/lib/smtp.sh): invitation → mail →
/// accept → sign in; password reset by mail; two-factor sign-in with the authenticator code and with a recovery code.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Database", "any")] // the browser side: its server side runs on both databases in the HTTP tests
public sealed class AccountBrowserTests(BrowserFixture browser)
{
    private const string NewPassword = "harbor-lantern-quiet-moss";

    private static async Task<string> MailedPathAsync(string recipient, string subject)
    {
        var mail = (await SmtpSink.WaitForAsync(recipient)).Last();
        mail.Subject.ShouldBe(subject);
        return SmtpSink.LinkPath(mail, BrowserFixture.SiteUrl);
    }

    private async Task LandsOnAsync(BrowserSession session, string path) =>
        await session.Page.WaitForURLAsync(new Uri(browser.BaseAddress, path).ToString());

    [Fact]
    public async Task an_invited_person_gets_the_link_by_mail_creates_an_account_accepts_and_signs_in()
    {
        SmtpSink.Require();
        var invitee = SmtpSink.UniqueAddress("invitee");
        await using (var admin = await browser.OpenAsync(signedIn: true))
        {
            await admin.Page.GotoAsync("/222127/members");
            await admin.Page.FillAsync("#email", invitee);
            await admin.Page.SelectOptionAsync("#role", "Editor");
            await admin.Page.GetByRole(AriaRole.Button, new() { Name = "招待する・変更する" }).ClickAsync();
            (await admin.Page.Locator("#invitation-sent").InnerTextAsync()).ShouldContain($"「{invitee}」への招待（編集者）を作成し");
            (await admin.Page.ContentAsync()).ShouldNotContain("/invitations/");
            admin.BlockedRequests.ShouldBeEmpty();
        }

        var link = await MailedPathAsync(invitee, "【インフラ台帳】焼津市への招待");
        link.ShouldStartWith("/222127/invitations/");
        await using var person = await browser.OpenAsync();
        await person.Page.GotoAsync(link);
        await person.Page.FillAsync("#displayName", "招待 太郎");
        await person.Page.FillAsync("#password", NewPassword);
        await person.Page.FillAsync("#confirmPassword", NewPassword);
        await person.Page.GetByRole(AriaRole.Button, new() { Name = "アカウントを作成して承諾する" }).ClickAsync();
        await LandsOnAsync(person, "/222127");

        await using var later = await browser.OpenAsync();
        await later.SignInAsync(invitee, NewPassword);
        await LandsOnAsync(later, "/222127");
        (await later.Page.Locator("header").InnerTextAsync()).ShouldContain(invitee);
        later.BlockedRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_forgotten_password_is_reset_through_the_mailed_link_once()
    {
        SmtpSink.Require();
        var email = SmtpSink.UniqueAddress("forgetful");
        await browser.CreateUserAsync(email, "222127", TenantRole.Viewer);
        await using var session = await browser.OpenAsync();
        await session.Page.GotoAsync("/account/login");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "パスワードを忘れた場合" }).ClickAsync();
        await session.Page.FillAsync("#email", email);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "再設定のリンクを送る" }).ClickAsync();
        (await session.Page.Locator("main .notice").InnerTextAsync()).ShouldContain("パスワード再設定のリンクをメールで送りました");

        var link = await MailedPathAsync(email, "【インフラ台帳】パスワードの再設定");
        await session.Page.GotoAsync(link);
        (await session.Page.Locator("main").InnerTextAsync()).ShouldContain($"アカウント「{email}」の新しいパスワードを決めてください。");
        await session.Page.FillAsync("#newPassword", NewPassword);
        await session.Page.FillAsync("#confirmPassword", NewPassword);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "パスワードを再設定する" }).ClickAsync();
        (await session.Page.Locator("main .notice").InnerTextAsync()).ShouldContain("パスワードを再設定しました。");

        await session.SignInAsync(email, NewPassword);
        await LandsOnAsync(session, "/222127");
        await session.Page.GotoAsync(link);
        (await session.Page.Locator(".error-summary").InnerTextAsync()).ShouldContain("このパスワード再設定のリンクは使えません");
        session.BlockedRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task two_factor_sign_in_takes_the_authenticator_code_and_once_each_recovery_code()
    {
        var email = SmtpSink.UniqueAddress("two-factor");
        var password = await browser.CreateUserAsync(email, "222127", TenantRole.Viewer);
        string[] codes;
        await using (var setup = await browser.OpenAsync())
        {
            await setup.SignInAsync(email, password);
            await LandsOnAsync(setup, "/222127");
            await setup.Page.GetByRole(AriaRole.Link, new() { Name = "二要素認証" }).ClickAsync();
            await setup.Page.GetByRole(AriaRole.Button, new() { Name = "二要素認証の設定を始める" }).ClickAsync();
            (await AccessibilityTests.SeriousViolationsAsync(setup)).ShouldBeEmpty();
            (await setup.Page.Locator("svg").CountAsync()).ShouldBePositive(); // the QR code, inline
            var key = await setup.Page.Locator("#authenticator-key").InnerTextAsync();
            var enabling = Totp.Now(key);
            await setup.Page.FillAsync("#code", enabling);
            await setup.Page.GetByRole(AriaRole.Button, new() { Name = "有効にする" }).ClickAsync();
            codes = [.. await setup.Page.Locator("#recovery-codes li").AllInnerTextsAsync()];
            codes.Length.ShouldBe(10);
            (await setup.Page.Locator("main").InnerTextAsync()).ShouldContain("二要素認証は有効です");
            (await setup.CspViolationsAsync()).ShouldBeEmpty();

            await using var withCode = await browser.OpenAsync();
            await withCode.SignInAsync(email, password);
            await LandsOnAsync(withCode, "/account/login/two-factor");
            await withCode.Page.FillAsync("#code", "000000" == Totp.Now(key) ? "111111" : "000000");
            await withCode.Page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
            (await withCode.Page.Locator(".error-summary").InnerTextAsync()).ShouldContain("確認コードが正しくありません。");
            // Each code is accepted once: the one that turned two-factor on is refused, the next step's code is taken
            // (Identity accepts two steps either side).
            await withCode.Page.FillAsync("#code", enabling);
            await withCode.Page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
            (await withCode.Page.Locator(".error-summary").InnerTextAsync()).ShouldContain("確認コードが正しくありません。");
            var next = Totp.Code(Totp.Base32(key), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 30);
            await withCode.Page.FillAsync("#code", next);
            await withCode.Page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
            await LandsOnAsync(withCode, "/222127");

            await using var replayed = await browser.OpenAsync();
            await replayed.SignInAsync(email, password);
            await LandsOnAsync(replayed, "/account/login/two-factor");
            await replayed.Page.FillAsync("#code", next);
            await replayed.Page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
            (await replayed.Page.Locator(".error-summary").InnerTextAsync()).ShouldContain("確認コードが正しくありません。");
        }

        await using var recovery = await browser.OpenAsync();
        await recovery.SignInAsync(email, password);
        await LandsOnAsync(recovery, "/account/login/two-factor");
        (await recovery.Page.GotoAsync("/222127"))!.Url.ShouldContain("/account/login"); // not signed in yet
        await recovery.SignInAsync(email, password);
        await LandsOnAsync(recovery, "/account/login/two-factor");
        await recovery.Page.GetByRole(AriaRole.Link, new() { Name = "認証アプリを使えない場合（リカバリーコードでサインイン）" }).ClickAsync();
        await recovery.Page.FillAsync("#recoveryCode", codes[0]);
        await recovery.Page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await LandsOnAsync(recovery, "/222127");
        (await AccessibilityTests.SeriousViolationsAsync(recovery)).ShouldBeEmpty();

        await using var reused = await browser.OpenAsync();
        await reused.SignInAsync(email, password);
        await LandsOnAsync(reused, "/account/login/two-factor");
        await reused.Page.GotoAsync("/account/login/two-factor?recovery=true");
        (await AccessibilityTests.SeriousViolationsAsync(reused)).ShouldBeEmpty();
        await reused.Page.FillAsync("#recoveryCode", codes[0]);
        await reused.Page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        (await reused.Page.Locator(".error-summary").InnerTextAsync()).ShouldContain("リカバリーコードが正しくないか、すでに使われています。");
        reused.BlockedRequests.ShouldBeEmpty();
    }
}
