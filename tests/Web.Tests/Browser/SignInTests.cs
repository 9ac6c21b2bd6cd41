using InfraLedger.Core.Identity;
using Microsoft.Playwright;

namespace InfraLedger.Web.Tests.Browser;

/// <summary>The sign-in form, filled and submitted by a real browser.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SignInTests(BrowserFixture browser)
{
    [Fact]
    public async Task admin_of_one_tenant_signs_in_and_lands_on_its_home_page()
    {
        var password = await browser.CreateUserAsync("one-tenant-admin@example.jp", "222127", TenantRole.Admin);
        await using var session = await browser.OpenAsync();

        await session.SignInAsync("one-tenant-admin@example.jp", password);

        await session.Page.WaitForURLAsync(new Uri(browser.BaseAddress, "/222127").ToString());
        (await session.Page.Locator("h1").InnerTextAsync()).ShouldContain("焼津市");
        session.BlockedRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task signing_in_from_a_tenant_page_returns_to_it()
    {
        await using var session = await browser.OpenAsync();
        await session.Page.GotoAsync("/222127/members");
        session.Page.Url.ShouldContain("/account/login");

        await session.Page.FillAsync("#Input_Email", BrowserFixture.AdminEmail);
        await session.Page.FillAsync("#Input_Password", browser.AdminPassword);
        await session.Page.ClickAsync("main button[type=submit]");

        await session.Page.WaitForURLAsync(new Uri(browser.BaseAddress, "/222127/members").ToString());
        (await session.Page.Locator("h1").InnerTextAsync()).ShouldContain("メンバーの管理");
        session.BlockedRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task wrong_password_shows_the_japanese_error()
    {
        await browser.CreateUserAsync("wrong-password@example.jp", "222127", TenantRole.Admin);
        await using var session = await browser.OpenAsync();

        await session.SignInAsync("wrong-password@example.jp", "not-the-password-1A!");

        await session.Page.Locator(".error-summary").WaitForAsync();
        session.Page.Url.ShouldContain("/account/login");
        (await session.Page.Locator(".error-summary").InnerTextAsync()).ShouldContain("メールアドレスまたはパスワードが正しくありません。");
        session.BlockedRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task F4_the_sign_out_button_in_the_header_signs_out_and_the_page_is_no_longer_reachable()
    {
        var password = await browser.CreateUserAsync("sign-out@example.jp", "222127", TenantRole.Viewer);
        await using var session = await browser.OpenAsync();
        await session.SignInAsync("sign-out@example.jp", password);
        await session.Page.WaitForURLAsync(new Uri(browser.BaseAddress, "/222127").ToString());
        await session.Page.GotoAsync("/222127/facilities");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "サインアウト（sign-out@example.jp）" }).ClickAsync();

        await session.Page.WaitForURLAsync(new Uri(browser.BaseAddress, "/").ToString());
        (await session.Page.Locator("header").InnerTextAsync()).ShouldContain("サインイン");
        await session.Page.GotoAsync("/222127/facilities");
        session.Page.Url.ShouldContain("/account/login");
        (await session.CspViolationsAsync()).ShouldBeEmpty();
        session.BlockedRequests.ShouldBeEmpty();
    }
}
