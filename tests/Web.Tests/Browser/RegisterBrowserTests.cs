namespace InfraLedger.Web.Tests.Browser;

/// <summary>The register's pages in Chromium: the map drawn from this app alone, and a refused form.</summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Database", "any")] // the browser side: its server side runs on both databases in the HTTP tests
public sealed class RegisterBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task the_map_draws_the_boundary_and_a_marker_per_located_facility_without_leaving_localhost()
    {
        await using var session = await browser.OpenAsync(signedIn: true);

        await session.Page.GotoAsync("/222127/facilities/map");
        await session.Page.Locator("#facility-map[data-ready=true]").WaitForAsync();

        (await session.Page.Locator("#facility-map path.boundary").CountAsync()).ShouldBe(1);
        // The boundary is drawn non-interactive; the markers are icons coloured by kind (issue 21), far enough apart not to cluster.
        (await session.Page.Locator("#facility-map path.leaflet-interactive").CountAsync()).ShouldBe(0);
        (await session.Page.Locator("#facility-map .leaflet-marker-icon.facility-marker.kind-Building").CountAsync()).ShouldBe(2);
        (await session.Page.Locator(".map-legend").TextContentAsync())!.ShouldContain("建物");
        await session.Page.Locator("#facility-map .leaflet-marker-icon.facility-marker").First.ClickAsync(new() { Force = true });
        var popupLink = session.Page.Locator(".leaflet-popup-content a");
        await popupLink.WaitForAsync();
        (await popupLink.GetAttributeAsync("href"))!.ShouldStartWith("/222127/facilities/L-00");
        // Leaflet fades a popup in: axe measures the contrast of a half-transparent link until the fade ends.
        await session.Page.WaitForFunctionAsync("() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'");
        var violations = await AccessibilityTests.SeriousViolationsAsync(session);
        violations.ShouldBeEmpty($"axe-core on the drawn map:\n{string.Join("\n", violations)}");
        session.BlockedRequests.ShouldBeEmpty();
        (await session.CspViolationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_facilitys_page_pins_it_on_its_municipality()
    {
        await using var session = await browser.OpenAsync(signedIn: true);

        await session.Page.GotoAsync("/222127/facilities/" + BrowserFixture.FacilityCode);
        await session.Page.Locator("#facility-map[data-ready=true]").WaitForAsync();

        (await session.Page.Locator("#facility-map path.boundary").CountAsync()).ShouldBe(1);
        (await session.Page.Locator("#facility-map .leaflet-marker-icon.facility-marker").CountAsync()).ShouldBe(1);
        session.BlockedRequests.ShouldBeEmpty();
        (await session.CspViolationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_refused_form_shows_its_errors_accessibly()
    {
        await using var session = await browser.OpenAsync(signedIn: true);
        await session.Page.GotoAsync("/222127/facilities/new");

        await session.Page.FillAsync("#Input_Latitude", "91");
        await session.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await session.Page.Locator(".error-summary").WaitForAsync();

        (await session.Page.Locator("#Input_Code").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await session.Page.Locator(".error-summary a[href='#Input_Latitude']").CountAsync()).ShouldBe(2); // out of range, and no longitude
        var violations = await AccessibilityTests.SeriousViolationsAsync(session);
        violations.ShouldBeEmpty($"axe-core on the refused form:\n{string.Join("\n", violations)}");
        session.BlockedRequests.ShouldBeEmpty();
        (await session.CspViolationsAsync()).ShouldBeEmpty();
    }
}
