namespace InfraLedger.Web.Tests.Browser;

/// <summary>A facility's grade-history chart in headless Chromium: drawn from its table, one line per member, works marked.</summary>
[Collection(BrowserTestGroup.Name)]
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
        session.BlockedRequests.ShouldBeEmpty();
        (await session.CspViolationsAsync()).ShouldBeEmpty();
    }
}
