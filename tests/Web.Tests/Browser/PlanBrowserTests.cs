using System.Text.RegularExpressions;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Planning;
using Microsoft.Playwright;

namespace InfraLedger.Web.Tests.Browser;

/// <summary>
/// 個別施設計画 in Chromium (issue 20): an admin of 藤枝市 (its own bridges, so 焼津市's pages stay as the other tests
/// expect) walks settings → new plan run → decide → export link, each page checked by axe-core.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Database", "any")] // the browser side: its server side runs on both databases in the HTTP tests
public sealed partial class PlanBrowserTests(BrowserFixture browser)
{
    private const string Fujieda = "222143";

    [Fact]
    public async Task an_admin_sets_weights_runs_a_plan_decides_it_and_finds_the_export()
    {
        const string email = "plan-admin@fujieda.example.jp";
        var password = await browser.CreateUserAsync(email, Fujieda, TenantRole.Admin);
        await using (var db = browser.Context(Fujieda))
        {
            await PlanSeed.BridgesAsync(db, Fujieda, "FB-", "II", "III", "III", "IV");
        }

        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(email, password);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync("/222143");
        // Through the global menu (issue 21).
        await page.Locator("nav.global-menu").GetByRole(AriaRole.Link, new() { Name = "個別施設計画", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "影響度（リスク）の設定" }).ClickAsync();
        await AxeAsync(session);
        await page.FillAsync("#Input_Years", "15");
        await page.GetByRole(AriaRole.Button, new() { Name = "確かめて保存する" }).ClickAsync();
        await page.Locator("#settings-version").Filter(new() { HasText = "第1版" }).WaitForAsync();

        await page.GotoAsync("/222143/plans/new");
        await AxeAsync(session);
        await page.FillAsync("#Input_Horizon", "3");
        await page.FillAsync("#Input_Budget", "3000000,3000000,3000000");
        await page.SelectOptionAsync("#Input_Solver", "both");
        await page.GetByRole(AriaRole.Button, new() { Name = "計算して案として保存する" }).ClickAsync();
        await page.WaitForURLAsync(url => PlanUrl().IsMatch(url));
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("案");
        await page.Locator("#table-works").WaitForAsync();
        await AxeAsync(session);

        await page.GetByRole(AriaRole.Button, new() { Name = "この案を決定する" }).ClickAsync();
        await page.Locator("h1 .status-label").Filter(new() { HasText = "決定" }).WaitForAsync();
        await AxeAsync(session);

        var export = page.GetByRole(AriaRole.Link, new() { Name = "Excel（xlsx）: 計画概要・対策工事リスト・年度別計画表ほか" });
        var href = await export.GetAttributeAsync("href");
        href.ShouldNotBeNull();
        var download = await session.Context.APIRequest.GetAsync(href);
        download.Status.ShouldBe(200);
        download.Headers["content-type"].ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        await page.GetByRole(AriaRole.Link, new() { Name = "印刷用の表示（A4）" }).ClickAsync();
        await page.Locator(".plan-print").WaitForAsync();
        await AxeAsync(session);
        session.BlockedRequests.ShouldBeEmpty();
        (await session.CspViolationsAsync()).ShouldBeEmpty();
    }

    private static async Task AxeAsync(BrowserSession session)
    {
        var violations = await AccessibilityTests.SeriousViolationsAsync(session);
        violations.ShouldBeEmpty($"axe-core on {session.Page.Url}:\n{string.Join("\n", violations)}");
    }

    [GeneratedRegex("/222143/plans/[0-9]+$")]
    private static partial Regex PlanUrl();
}
