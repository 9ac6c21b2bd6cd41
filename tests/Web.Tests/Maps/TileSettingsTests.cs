using System.Net;
using AngleSharp.Html.Parser;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Maps;
using InfraLedger.Web.Security;
using InfraLedger.Web.Tests.Register;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Maps;

/// <summary>
/// The background tile layer (issue 21 item 5): the deployment's (configuration) and the tenant's own (its admin only),
/// bad templates refused in Japanese, and the Content-Security-Policy opened to exactly the layer's origin.
/// </summary>
public sealed class TileSettingsTests(TileSettingsTests.Seed seed) : IClassFixture<TileSettingsTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private const string DeploymentTemplate = "http://tiles.deploy.example:8080/base/{z}/{x}/{y}.png";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient admin = seed.AdminClient;
    private readonly HttpClient editor = seed.EditorClient;
    private readonly HttpClient otherAdmin = seed.OtherAdmin;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient AdminClient { get; private set; } = null!;

        public HttpClient EditorClient { get; private set; } = null!;

        public HttpClient OtherAdmin { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            app.Settings["Maps:Tiles:UrlTemplate"] = DeploymentTemplate;
            app.Settings["Maps:Tiles:Attribution"] = "テスト配備の地図";
            AdminClient = await app.SignedInClientAsync("admin@yaizu.example.jp", await app.CreateUserAsync("admin@yaizu.example.jp", Yaizu, TenantRole.Admin));
            EditorClient = await app.SignedInClientAsync("editor@yaizu.example.jp", await app.CreateUserAsync("editor@yaizu.example.jp", Yaizu, TenantRole.Editor));
            OtherAdmin = await app.SignedInClientAsync("admin@fujieda.example.jp", await app.CreateUserAsync("admin@fujieda.example.jp", Fujieda, TenantRole.Admin));
            await using var db = app.Database.Context(Yaizu, actor: "test-setup");
            await RegisterSeed.SaveAsync(db, RegisterSeed.Facility(Yaizu, "B-001", "焼津市役所本庁舎", 34.86694444, 138.3230556));
        }
    }

    private static Dictionary<string, string> Form(string url, string attribution, string maxZoom = "") =>
        new() { ["Input.UrlTemplate"] = url, ["Input.Attribution"] = attribution, ["Input.MaxZoom"] = maxZoom };

    [Fact]
    public async Task the_deployments_layer_is_drawn_and_only_its_origin_is_allowed_for_images()
    {
        var response = await admin.GetAsync("/222127/facilities/map");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        page.QuerySelector("#facility-map")!.GetAttribute("data-tiles").ShouldBe(DeploymentTemplate);
        page.QuerySelector(".map-tile-attribution")!.TextContent.ShouldContain("テスト配備の地図");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldBe(SecurityHeaders.ContentSecurityPolicy.Replace("img-src 'self' data: blob:;", "img-src 'self' data: blob: http://tiles.deploy.example:8080;", StringComparison.Ordinal));
        // A page without a map keeps the strict policy.
        (await admin.GetAsync("/222127/facilities")).Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task the_tenant_admin_overrides_the_layer_for_that_tenant_only_and_can_clear_it()
    {
        var saved = await AppFactory.PostFormAsync(admin, "/222127/maps/settings?handler=Save", Form("https://tiles.yaizu.example/{z}/{x}/{y}.png", "焼津市 地図", "17"), "/222127/maps/settings");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await admin.GetAsync("/222127/facilities/B-001");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#facility-map")!.GetAttribute("data-tiles").ShouldBe("https://tiles.yaizu.example/{z}/{x}/{y}.png");
        page.QuerySelector("#facility-map")!.GetAttribute("data-max-zoom").ShouldBe("17");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("img-src 'self' data: blob: https://tiles.yaizu.example;");
        csp.ShouldNotContain("tiles.deploy.example");

        // 藤枝市 still has the deployment's.
        (await otherAdmin.GetStringAsync("/222143/maps/settings")).ShouldContain(DeploymentTemplate);
        (await otherAdmin.GetStringAsync("/222143/maps/settings")).ShouldNotContain("tiles.yaizu.example");

        (await AppFactory.PostFormAsync(admin, "/222127/maps/settings?handler=Clear", [], "/222127/maps/settings")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new HtmlParser().ParseDocument(await admin.GetStringAsync("/222127/facilities/map")).QuerySelector("#facility-map")!.GetAttribute("data-tiles").ShouldBe(DeploymentTemplate);
    }

    [Fact]
    public async Task a_non_admin_or_another_tenants_admin_cannot_change_it()
    {
        (await AppFactory.PostFormAsync(editor, "/222127/maps/settings?handler=Save", Form("https://evil.example/{z}/{x}/{y}.png", "x"), "/222127/maps/settings"))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        new HtmlParser().ParseDocument(await editor.GetStringAsync("/222127/maps/settings")).QuerySelector("#Input_UrlTemplate").ShouldBeNull();
        (await AppFactory.PostFormAsync(otherAdmin, "/222127/maps/settings?handler=Save", Form("https://evil.example/{z}/{x}/{y}.png", "x"), "/222143/maps/settings"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var db = app.Database.Context(Yaizu);
        (await db.TenantSettings.AnyAsync(s => s.Key == TileLayers.UrlKey && s.Value.Contains("evil"))).ShouldBeFalse();
    }

    [Theory]
    [InlineData("ftp://tiles.example/{z}/{x}/{y}.png", "http:// または https://")]
    [InlineData("javascript:alert(1)//{z}/{x}/{y}", "http:// または https://")]
    [InlineData("https://tiles.example/{z}/{x}.png", "{z}、{x}、{y} をすべて")]
    [InlineData("https://{s}.tiles.example/{z}/{x}/{y}.png", "{s}")]
    [InlineData("https://tiles.example/{z}/{x}/{y}.png?key={apikey}", "{s}")]
    public async Task a_bad_template_is_refused_at_its_field_in_japanese_and_nothing_is_written(string url, string message)
    {
        var response = await AppFactory.PostFormAsync(admin, "/222127/maps/settings?handler=Save", Form(url, "出典"), "/222127/maps/settings");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Input_UrlTemplate_error")!.TextContent.ShouldContain(message);
        page.QuerySelector(".error-summary a[href='#Input_UrlTemplate']").ShouldNotBeNull();
        await using var db = app.Database.Context(Yaizu);
        (await db.TenantSettings.AnyAsync(s => s.Key == TileLayers.UrlKey && s.Value != "")).ShouldBeFalse();
    }

    [Fact]
    public async Task a_missing_attribution_or_a_bad_zoom_is_refused_too()
    {
        var noCredit = new HtmlParser().ParseDocument(await (await AppFactory.PostFormAsync(admin, "/222127/maps/settings?handler=Save",
            Form("https://tiles.example/{z}/{x}/{y}.png", " "), "/222127/maps/settings")).Content.ReadAsStringAsync());
        noCredit.QuerySelector("#Input_Attribution_error")!.TextContent.ShouldContain("出典");
        var badZoom = new HtmlParser().ParseDocument(await (await AppFactory.PostFormAsync(admin, "/222127/maps/settings?handler=Save",
            Form("https://tiles.example/{z}/{x}/{y}.png", "出典", "30"), "/222127/maps/settings")).Content.ReadAsStringAsync());
        badZoom.QuerySelector("#Input_MaxZoom_error")!.TextContent.ShouldContain("0から22");
    }
}

/// <summary>Without any setting the maps say in Japanese that no background is configured and keep the strict policy.</summary>
public sealed class NoTileLayerTests : IAsyncLifetime
{
    private AppFactory app = null!;
    private HttpClient viewer = null!;

    public async Task InitializeAsync()
    {
        app = await AppFactory.CreateAsync();
        viewer = await app.SignedInClientAsync("viewer@yaizu.example.jp", await app.CreateUserAsync("viewer@yaizu.example.jp", "222127", TenantRole.Viewer));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task the_map_page_says_no_background_is_configured()
    {
        var response = await viewer.GetAsync("/222127/facilities/map");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        page.QuerySelector(".map-no-tiles")!.TextContent.ShouldContain("背景地図は設定されていません");
        page.QuerySelector("#facility-map")!.GetAttribute("data-tiles").ShouldBeNullOrEmpty(); // Razor writes data-* attributes even when empty
        page.QuerySelector("#facility-map")!.GetAttribute("data-boundary").ShouldBe("/api/v1/222127/boundary.geojson");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.ContentSecurityPolicy);
    }
}
