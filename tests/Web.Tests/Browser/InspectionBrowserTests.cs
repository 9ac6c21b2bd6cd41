namespace InfraLedger.Web.Tests.Browser;

/// <summary>A facility's grade-history chart in headless Chromium: drawn from its table, one line per member, works marked.</summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Database", "any")] // the browser side: its server side runs on both databases in the HTTP tests
public sealed class InspectionBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task the_grade_history_chart_draws_every_grade_of_its_table()
    {
        await using var session = await browser.OpenAsync(signedIn: true);
        await session.Page.GotoAsync("/222127/inspections/facility/BR-001");
        await session.Page.Locator("[data-chart=grade-history][data-drawn]").WaitForAsync();

        // BR-001: the whole bridge graded I (2014) and II (2019), its deck III (2019): three points, all from the table.
        (await session.Page.GetAttributeAsync("[data-chart=grade-history]", "data-drawn")).ShouldBe("3");
        (await session.Page.Locator("#table-grade-history td[data-value]").CountAsync()).ShouldBe(3);
        (await session.Page.Locator("[data-chart=grade-history] canvas").CountAsync()).ShouldBePositive();
        // The tooltip is written as HTML: a member's name, typed by staff, is escaped.
        var tooltip = await session.Page.EvaluateAsync<string>("""
            () => echarts.getInstanceByDom(document.querySelector('[data-chart=grade-history]')).getOption().tooltip[0]
                .formatter({ seriesName: '<img src=x onerror=alert(1)>床版', data: ['2019-06-01', 3] })
            """);
        tooltip.ShouldBe("&lt;img src=x onerror=alert(1)&gt;床版<br>2019-06-01: III 早期措置段階");
        session.BlockedRequests.ShouldBeEmpty();
        (await session.CspViolationsAsync()).ShouldBeEmpty();
    }
}
