using System.Text.Json;

namespace InfraLedger.Web.Tests.Browser;

/// <summary>The public dashboards in headless Chromium: the map and charts are drawn, permalinks restore the view, downloads match the tables.</summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Database", "any")] // the browser side: its server side runs on both databases in the HTTP tests
public sealed class DashboardBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task the_national_map_colours_every_municipality_and_the_distribution_is_drawn()
    {
        await using var session = await browser.OpenAsync();
        await session.Page.GotoAsync("/dashboard");
        await session.Page.Locator("[data-chart=map][data-drawn]").WaitForAsync();

        int.Parse(await session.Page.GetAttributeAsync("[data-chart=map]", "data-drawn") ?? "0").ShouldBeGreaterThan(1700);
        (await session.Page.Locator(".leaflet-overlay-pane path").CountAsync()).ShouldBeGreaterThan(1700);
        (await session.Page.Locator(".dashboard-legend span").CountAsync()).ShouldBe(5);
        (await session.Page.Locator("[data-chart=bar] canvas").CountAsync()).ShouldBePositive();
        (await AccessibilityTests.SeriousViolationsAsync(session)).ShouldBeEmpty();
        session.BlockedRequests.ShouldBeEmpty();
        (await session.CspViolationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_view_chosen_on_the_page_is_a_permalink_that_restores_it()
    {
        await using var session = await browser.OpenAsync();
        await session.Page.GotoAsync("/dashboard/22");
        await session.Page.SelectOptionAsync("#indicator", "real-debt-service-ratio");
        await session.Page.FillAsync("#year", "2013");
        await session.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "表示する" }).ClickAsync();
        await session.Page.WaitForURLAsync(url => url.Contains("year=2013", StringComparison.Ordinal));
        await session.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "団体コード順" }).ClickAsync();
        await session.Page.WaitForURLAsync(url => url.Contains("sort=code", StringComparison.Ordinal));
        var permalink = session.Page.Url;
        var caption = await session.Page.Locator("#table-ranking caption").InnerTextAsync();
        var firstRow = await session.Page.Locator("#table-ranking tbody tr").First.InnerTextAsync();

        await using var other = await browser.OpenAsync();
        await other.Page.GotoAsync(permalink);
        (await other.Page.InputValueAsync("#indicator")).ShouldBe("real-debt-service-ratio");
        (await other.Page.InputValueAsync("#year")).ShouldBe("2013");
        (await other.Page.Locator("#table-ranking caption").InnerTextAsync()).ShouldBe(caption);
        caption.ShouldContain("実質公債費比率（2013年度）");
        (await other.Page.Locator("#table-ranking tbody tr").First.InnerTextAsync()).ShouldBe(firstRow);
        firstRow.ShouldContain("221007");   // 静岡市: the smallest code of the prefecture
        (await other.Page.Locator("h1").InnerTextAsync()).ShouldContain("静岡県");
    }

    [Fact]
    public async Task each_download_has_the_rows_the_page_shows()
    {
        await using var session = await browser.OpenAsync();
        await session.Page.GotoAsync("/dashboard/body/222127");
        var mismatches = await session.Page.EvaluateAsync<JsonElement>("""
            async () => {
                const problems = [];
                for (const link of document.querySelectorAll('a[href*="handler=export"][href*="format=json"]')) {
                    const name = new URL(link.href).searchParams.get('table');
                    const json = await (await fetch(link.href)).json();
                    const rows = [...document.querySelectorAll(`#table-${name} tbody tr`)];
                    if (rows.length !== json.rows.length) { problems.push(`${name}: ${rows.length} rows, ${json.rows.length} in JSON`); continue; }
                    rows.forEach((row, i) => [...row.cells].forEach((cell, j) => {
                        const value = json.rows[i][json.columns[j]];
                        const shown = cell.dataset.value ? Number(cell.dataset.value) : cell.textContent.trim();
                        const expected = typeof value === 'number' ? value : (value ?? '－');
                        if (shown !== expected && !(shown === '' && value === null)) problems.push(`${name} row ${i} col ${j}: ${shown} ≠ ${expected}`);
                    }));
                }
                return { checked: document.querySelectorAll('a[href*="format=json"]').length, problems };
            }
            """);
        mismatches.GetProperty("checked").GetInt32().ShouldBe(5);   // fiscal, its series, register, its series, projection
        mismatches.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ShouldBeEmpty();
        (await session.Page.Locator("[data-chart=lines] .dashboard-panel canvas").CountAsync()).ShouldBeGreaterThanOrEqualTo(5);
        session.BlockedRequests.ShouldBeEmpty();
        (await session.CspViolationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_english_page_is_marked_english_and_accessible()
    {
        await using var session = await browser.OpenAsync();
        await session.Page.GotoAsync("/dashboard/body/222127?lang=en");
        (await session.Page.GetAttributeAsync("html", "lang")).ShouldBe("en");
        (await session.Page.Locator("#table-fiscal caption").InnerTextAsync()).ShouldStartWith("Key fiscal indicators");
        await session.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "日本語" }).ClickAsync();
        await session.Page.WaitForURLAsync(url => !url.Contains("lang=en", StringComparison.Ordinal));
        (await session.Page.GetAttributeAsync("html", "lang")).ShouldBe("ja");
        await session.Page.GotoAsync("/dashboard/scatter?lang=en");
        await session.Page.Locator("[data-chart=scatter] canvas").WaitForAsync();
        // The tooltip is written as HTML: the names from the table are escaped.
        var tooltip = await session.Page.EvaluateAsync<string>("""
            () => echarts.getInstanceByDom(document.querySelector('[data-chart=scatter] [_echarts_instance_], [data-chart=scatter][_echarts_instance_]'))
                .getOption().tooltip[0].formatter({ data: [0.5, 90, '<b>町</b>'] })
            """);
        tooltip.ShouldStartWith("&lt;b&gt;町&lt;/b&gt;<br>");
        (await AccessibilityTests.SeriousViolationsAsync(session)).ShouldBeEmpty();
        session.BlockedRequests.ShouldBeEmpty();
        (await session.CspViolationsAsync()).ShouldBeEmpty();
    }
}
