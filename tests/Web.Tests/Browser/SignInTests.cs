using InfraLedger.Core.Identity;

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
}
