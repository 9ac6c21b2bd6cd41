namespace InfraLedger.Web.Tests.Browser;

/// <summary>The residents' form in Chromium: a pin placed by clicking the map, the nearby suggestion, the status page.</summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Database", "any")] // the browser side: its server side runs on both databases in the HTTP tests
public sealed class ReportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task a_resident_places_a_pin_sees_a_nearby_open_report_and_lands_on_the_status_page()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;

        // A first report at the map's centre: the one the second report is then offered as a duplicate.
        var first = await SendAsync(session, "路面に穴があります。", expectNearby: null);
        var second = await SendAsync(session, "同じ場所の穴です。", expectNearby: first);

        second.ShouldBeGreaterThan(first);
        (await page.Locator("main").InnerTextAsync()).ShouldContain($"受付番号は {second} です");
        session.BlockedRequests.ShouldBeEmpty();
        (await session.CspViolationsAsync()).ShouldBeEmpty();
    }

    private static async Task<long> SendAsync(BrowserSession session, string description, long? expectNearby)
    {
        var page = session.Page;
        await page.GotoAsync("/222127/report");
        await page.Locator("#report-map[data-ready=true]").WaitForAsync();
        await page.SelectOptionAsync("#service_code", "101");
        (await page.Locator("#questions-101").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("#questions-301").IsVisibleAsync()).ShouldBeFalse();
        await page.Locator("#report-map").ClickAsync();
        (await page.InputValueAsync("#lat")).ShouldStartWith("34.");
        (await page.Locator("#pin-status").InnerTextAsync()).ShouldContain("ピンを置きました");
        if (expectNearby is { } id)
        {
            var link = page.Locator($"#nearby a[href='/222127/report/{id}']");
            await link.WaitForAsync();
            (await page.Locator("#nearby").InnerTextAsync()).ShouldContain("近くに同じ種類の通報があります");
            var violations = await AccessibilityTests.SeriousViolationsAsync(session);
            violations.ShouldBeEmpty($"axe-core on the form with a pin and a suggestion:\n{string.Join("\n", violations)}");
        }

        await page.SelectOptionAsync("#q-101-damage", "pothole");
        await page.SelectOptionAsync("#q-101-danger", "medium");
        await page.FillAsync("#description", description);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "通報を送信する" }).ClickAsync();
        // The reporter's own address: the report's number and its link key (issue 22 item 4).
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/222127/report/[0-9]+\\?key=[0-9a-f]+$"));
        var path = new Uri(page.Url).AbsolutePath;
        return long.Parse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
