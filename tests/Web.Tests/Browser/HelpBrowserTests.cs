namespace InfraLedger.Web.Tests.Browser;

/// <summary>
/// The help index and a topic in Chromium (issue 21 item 6): axe-core finds nothing serious, nothing leaves localhost,
/// and a screenshot of each is saved in the test output (<c>screenshots/</c>). The open-data page wraps its long links.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Database", "any")] // the browser side: its server side runs on both databases in the HTTP tests
public sealed class HelpBrowserTests(BrowserFixture browser)
{
    private static string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    [Theory]
    [InlineData("/222127/help", "ヘルプ", "取込のテンプレート", "help-index.png")]
    [InlineData("/222127/help/import", "台帳の取込", "施設台帳の列", "help-import.png")]
    [InlineData("/222127/help/glossary", "用語集", "有形固定資産減価償却率", "help-glossary.png")]
    public async Task help_pages_are_accessible(string path, string heading, string text, string screenshot)
    {
        await using var session = await browser.OpenAsync(signedIn: true);
        var response = await session.Page.GotoAsync(path);

        response.ShouldNotBeNull();
        response.Status.ShouldBe(200);
        (await session.Page.Locator("h1").InnerTextAsync()).ShouldContain(heading);
        (await session.Page.Locator("main").InnerTextAsync()).ShouldContain(text);
        var violations = await AccessibilityTests.SeriousViolationsAsync(session);
        violations.ShouldBeEmpty($"axe-core on {path}:\n{string.Join("\n", violations)}");
        session.BlockedRequests.ShouldBeEmpty($"{path} tried to leave localhost");
        await session.Page.ScreenshotAsync(new() { Path = Screenshot(screenshot), FullPage = true });
        File.Exists(Screenshot(screenshot)).ShouldBeTrue();
    }

    [Fact]
    public async Task the_open_data_page_fits_a_narrow_screen()
    {
        await using var session = await browser.OpenAsync(signedIn: true);
        await session.Page.SetViewportSizeAsync(480, 900);
        var response = await session.Page.GotoAsync("/222127/opendata");

        response!.Status.ShouldBe(200);
        var overflow = await session.Page.EvaluateAsync<int>("() => document.querySelector('.opendata-page table').scrollWidth - document.querySelector('.opendata-page').clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(1, "the table is wider than the page");
        await session.Page.ScreenshotAsync(new() { Path = Screenshot("opendata-narrow.png"), FullPage = true });
    }
}
