using InfraLedger.Core.Identity;
using InfraLedger.Web.Pages.Shared;
using Microsoft.Playwright;

namespace InfraLedger.Web.Tests.Browser;

/// <summary>
/// Issue 21: from the tenant home, every staff page is reached through the global menu only (link after link, each
/// page showing the menu with its place marked), each passes axe-core; public pages get the header without the menu.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Database", "any")] // the browser side: its server side runs on both databases in the HTTP tests
public sealed class MenuWalkBrowserTests(BrowserFixture browser)
{
    private const string Tenant = "222127";

    /// <summary>Where the screenshots go: the test output, beside the test assembly.</summary>
    internal static string Screenshot(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name + ".png");
    }

    [Fact]
    public async Task an_admin_walks_from_the_home_to_every_staff_page_through_the_menu_only()
    {
        await using var session = await browser.OpenAsync(signedIn: true);
        var home = await session.Page.GotoAsync($"/{Tenant}");
        home!.Status.ShouldBe(200);
        await session.Page.ScreenshotAsync(new() { Path = Screenshot("home-222127"), FullPage = true });

        // The menu an admin of 焼津市 (a city) is given: every item of StaffMenu, 市区町村一覧 (prefectures only) aside.
        var menu = Menu(session.Page);
        var hrefs = await menu.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var expected = StaffMenu.Groups.SelectMany(g => g.Items).Where(i => !i.PrefectureOnly).Select(i => i.Href(Tenant)).ToArray();
        hrefs.ShouldBe(expected);
        hrefs.ShouldContain($"/{Tenant}/import"); // 取込, linked from nowhere before issue 21
        // The search box of the staff header (the search page itself is another feature's).
        (await session.Page.Locator($"header form[role=search][action='/{Tenant}/search'] input[name=q]").CountAsync()).ShouldBe(1);

        var staffPages = expected.Where(h => h.StartsWith($"/{Tenant}", StringComparison.Ordinal)).ToList();
        foreach (var href in staffPages.Skip(1).Append(staffPages[0]))
        {
            // Follow the link of the menu on the page we are on: no address typed.
            var response = await session.Page.RunAndWaitForResponseAsync(() => Menu(session.Page).Locator($"a[href='{href}']").ClickAsync(),
                r => r.Request.IsNavigationRequest && new Uri(r.Url).AbsolutePath == href);
            await session.Page.WaitForLoadStateAsync(LoadState.Load);
            response.ShouldNotBeNull(href);
            response.Status.ShouldBe(200, href);
            new Uri(session.Page.Url).AbsolutePath.ShouldBe(href);
            (await session.Page.Locator("h1").First.InnerTextAsync()).Trim().ShouldNotBeEmpty(href);
            (await Menu(session.Page).Locator("a[aria-current=page]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
                .ShouldBe([href], $"the current place on {href}");
            (await session.CspViolationsAsync()).ShouldBeEmpty(href);
            var violations = await AccessibilityTests.SeriousViolationsAsync(session);
            violations.ShouldBeEmpty($"axe-core on {href}:\n{string.Join("\n", violations)}");
        }

        // The public dashboards through the menu too: the header, without the staff menu.
        await Menu(session.Page).Locator("a[href='/dashboard']").ClickAsync();
        await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/dashboard");
        (await session.Page.Locator("header.site-header").CountAsync()).ShouldBe(1);
        (await session.Page.Locator("nav.global-menu").CountAsync()).ShouldBe(0);
        session.BlockedRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_viewer_is_not_offered_what_the_role_does_not_reach()
    {
        const string email = "menu-viewer@example.jp";
        var password = await browser.CreateUserAsync(email, Tenant, TenantRole.Viewer);
        await using var session = await browser.OpenAsync();
        await session.SignInAsync(email, password);
        await session.Page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await session.Page.GotoAsync($"/{Tenant}");

        var hrefs = await Menu(session.Page).Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        hrefs.ShouldContain($"/{Tenant}/facilities");
        hrefs.ShouldNotContain($"/{Tenant}/import");
        hrefs.ShouldNotContain($"/{Tenant}/members");
        hrefs.ShouldNotContain($"/{Tenant}/tokens");
    }

    [Theory]
    [InlineData("/dashboard", "public-dashboard")]
    [InlineData("/222127/report", "public-report-form")]
    [InlineData("/account/login", "public-login")]
    public async Task a_public_page_has_the_header_without_the_staff_menu_and_passes_axe(string path, string screenshot)
    {
        await using var session = await browser.OpenAsync();
        var response = await session.Page.GotoAsync(path);

        response!.Status.ShouldBe(200);
        (await session.Page.Locator("header.site-header .brand").CountAsync()).ShouldBe(1);
        (await session.Page.Locator("nav.global-menu").CountAsync()).ShouldBe(0);
        (await session.Page.Locator("form[role=search]").CountAsync()).ShouldBe(0);
        // The vendored font is what the page is set in, loaded from this site.
        (await session.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily")).ShouldStartWith("\"Noto Sans JP\"");
        (await session.Page.EvaluateAsync<bool>("async () => { await document.fonts.ready; return [...document.fonts].some(f => f.family.includes('Noto Sans JP') && f.status === 'loaded'); }")).ShouldBeTrue();
        await session.Page.ScreenshotAsync(new() { Path = Screenshot(screenshot) });
        (await AccessibilityTests.SeriousViolationsAsync(session)).ShouldBeEmpty(path);
        (await session.CspViolationsAsync()).ShouldBeEmpty(path);
        session.BlockedRequests.ShouldBeEmpty(path);
    }

    private static ILocator Menu(IPage page) => page.Locator("nav.global-menu");
}
