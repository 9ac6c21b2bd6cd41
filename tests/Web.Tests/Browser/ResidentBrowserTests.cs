using System.Text.RegularExpressions;
using InfraLedger.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InfraLedger.Web.Tests.Browser;

/// <summary>
/// Issue 22 items 4 and 5 in Chromium: the form's 現在地 with the position mocked by CDP, every error at once in the
/// summary (focused, linked), a pin in another body's place refused with the other errors, an English submission, and
/// the reporter answering 「直りましたか？」 with 「いいえ」.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Database", "any")] // the browser side: its server side runs on both databases in the HTTP tests
public sealed partial class ResidentBrowserTests(BrowserFixture browser)
{
    // In 焼津市, away from the map's centre where ReportBrowserTests puts its pins.
    private const double Latitude = 34.8702, Longitude = 138.3251;

    [Fact]
    public async Task a_resident_uses_my_location_sees_every_error_at_once_and_sends_the_report_in_english()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await session.Context.GrantPermissionsAsync(["geolocation"], new() { Origin = browser.BaseAddress.GetLeftPart(UriPartial.Authority) });
        var cdp = await session.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Emulation.setGeolocationOverride", new Dictionary<string, object> { ["latitude"] = Latitude, ["longitude"] = Longitude, ["accuracy"] = 10 });

        await page.GotoAsync("/222127/report?lang=en");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        await page.Locator("#report-map[data-ready=true]").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "My location" }).ClickAsync();
        // "Pin placed where you are": the status says "Finding where you are…" while the position is still coming.
        await page.Locator("#pin-status", new() { HasTextString = "Pin placed where you are" }).WaitForAsync();
        (await page.InputValueAsync("#lat")).ShouldBe("34.870200");
        (await page.InputValueAsync("#long")).ShouldBe("138.325100");

        // Sent with no kind, a broken address and nothing else: every mistake at once, the summary focused.
        await page.FillAsync("#email", "hanako@");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await page.Locator("#error-summary").WaitForAsync();
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("error-summary");
        var links = await page.Locator("#error-summary a").AllAsync();
        var hrefs = await Task.WhenAll(links.Select(l => l.GetAttributeAsync("href")));
        hrefs.ShouldBe(["#service_code", "#email"]);
        (await page.Locator("#error-summary").InnerTextAsync()).ShouldContain("Choose what kind of problem it is.");
        var violations = await AccessibilityTests.SeriousViolationsAsync(session);
        violations.ShouldBeEmpty($"axe-core on the English form with its errors:\n{string.Join("\n", violations)}");
        await page.Locator("#error-summary a[href='#email']").ClickAsync();
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("email");

        // Corrected: the pin is kept, the report goes, the status page stays English and holds the reporter's link.
        await page.Locator("#report-map[data-ready=true]").WaitForAsync();
        await page.SelectOptionAsync("#service_code", "101");
        await page.SelectOptionAsync("#q-101-damage", "pothole");
        await page.SelectOptionAsync("#q-101-danger", "medium");
        await page.FillAsync("#email", "hanako@example.jp");
        await page.FillAsync("#description", "A deep pothole by the kerb.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await page.WaitForURLAsync(url => HolderLink().IsMatch(url));
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Its reference number is");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        var id = long.Parse(HolderLink().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await using var db = browser.Context("222127");
        var saved = await db.ResidentReports.SingleAsync(r => r.Id == id);
        (saved.Latitude, saved.Longitude, saved.Language, saved.Email).ShouldBe((Latitude, Longitude, "en", "hanako@example.jp"));
        session.BlockedRequests.ShouldBeEmpty();
        (await session.CspViolationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_pin_in_another_bodys_place_is_refused_with_the_others_naming_whose_place_it_is_and_nothing_is_written()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await session.Context.GrantPermissionsAsync(["geolocation"], new() { Origin = browser.BaseAddress.GetLeftPart(UriPartial.Authority) });
        var cdp = await session.Context.NewCDPSessionAsync(page);
        // 藤枝市役所: 藤枝市's place, a few kilometres west of 焼津市's boundary (ReportAreasTests hold the point-in-polygon rule).
        await cdp.SendAsync("Emulation.setGeolocationOverride", new Dictionary<string, object> { ["latitude"] = 34.8673, ["longitude"] = 138.2577, ["accuracy"] = 10 });
        await using (var before = browser.Context("222127"))
        {
            var count = await before.ResidentReports.CountAsync();

            await page.GotoAsync("/222127/report");
            await page.Locator("#report-map[data-ready=true]").WaitForAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "現在地", Exact = true }).ClickAsync();
            await page.Locator("#pin-status", new() { HasTextString = "現在地にピンを置きました" }).WaitForAsync();
            await page.FillAsync("#email", "hanako@");
            await page.FillAsync("#description", "歩道の穴です。");
            await page.SelectOptionAsync("#service_code", "101");
            await page.SelectOptionAsync("#q-101-damage", "pothole");
            await page.SelectOptionAsync("#q-101-danger", "medium");
            await page.GetByRole(AriaRole.Button, new() { Name = "通報を送信する" }).ClickAsync();

            // The place and the address are refused together, in residents' words, the place naming 藤枝市.
            await page.Locator("#error-summary").WaitForAsync();
            var summary = await page.Locator("#error-summary").InnerTextAsync();
            summary.ShouldContain("藤枝市の区域で、焼津市の区域の外です");
            var hrefs = await Task.WhenAll((await page.Locator("#error-summary a").AllAsync()).Select(l => l.GetAttributeAsync("href")));
            hrefs.ShouldContain("#location");
            hrefs.ShouldContain("#email");
            (await page.Locator("#location-error").InnerTextAsync()).ShouldContain("藤枝市");
            var violations = await AccessibilityTests.SeriousViolationsAsync(session);
            violations.ShouldBeEmpty($"axe-core on the form refusing a pin in 藤枝市:\n{string.Join("\n", violations)}");
            await using var after = browser.Context("222127");
            (await after.ResidentReports.CountAsync()).ShouldBe(count);
        }

        (await session.CspViolationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_reporter_answers_not_fixed_and_the_report_reopens()
    {
        ResidentReport report;
        await using (var db = browser.Context("222127"))
        {
            report = (await ResidentReports.SubmitAsync(db, new Submission("101", "34.8655", "138.3170", null, null, null, "段差があります。",
                new Dictionary<string, IReadOnlyList<string>> { ["damage"] = ["step"], ["danger"] = ["low"] }, [], Submission.Reporter.None, "web", []),
                DateTime.UtcNow, default)).Value;
            (await Workflow.SetStatusAsync(db, report.Id, ReportStatus.Fixed, "段差を解消しました。", DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
        }

        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync($"/222127/report/{report.Id}?key={report.ReporterKey}");
        (await page.Locator("#ask-title").InnerTextAsync()).ShouldBe("直りましたか？");
        var violations = await AccessibilityTests.SeriousViolationsAsync(session);
        violations.ShouldBeEmpty($"axe-core on the status page with 「直りましたか？」:\n{string.Join("\n", violations)}");

        await page.GetByRole(AriaRole.Button, new() { Name = "いいえ、直っていません" }).ClickAsync();
        await page.Locator("#answer", new() { HasTextString = "対応を再開しました" }).WaitForAsync();
        (await page.Locator(".report-steps").InnerTextAsync()).ShouldMatch("(?s)受付.*完了.*対応中");
        (await page.Locator("#ask-title").CountAsync()).ShouldBe(0); // once per closing
        await using var check = browser.Context("222127");
        (await check.ResidentReports.SingleAsync(r => r.Id == report.Id)).Status.ShouldBe(ReportStatus.InProgress);
        (await session.CspViolationsAsync()).ShouldBeEmpty();
    }

    [GeneratedRegex("/222127/report/([0-9]+)\\?key=[0-9a-f]{24}&lang=en$")]
    private static partial Regex HolderLink();
}
