using System.Net;
using AngleSharp.Html.Parser;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Register;

/// <summary>A facility's page (fields, assets, map, history) and its editing, as a viewer and an editor of 焼津市 see them.</summary>
public sealed class FacilityPageTests(FacilityPageTests.Seed seed) : IClassFixture<FacilityPageTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient editor = seed.EditorClient;
    private readonly HttpClient viewer = seed.ViewerClient;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient EditorClient { get; private set; } = null!;

        public HttpClient ViewerClient { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            EditorClient = await app.SignedInClientAsync("editor@yaizu.example.jp", await app.CreateUserAsync("editor@yaizu.example.jp", Yaizu, TenantRole.Editor));
            ViewerClient = await app.SignedInClientAsync("viewer@yaizu.example.jp", await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer));
            await using var db = app.Database.Context(Yaizu, actor: "test-setup");
            await RegisterSeed.SaveAsync(db, RegisterSeed.Facility(Yaizu, "B-001", "焼津市役所本庁舎", 34.86694444, 138.3230556), RegisterSeed.Facility(Yaizu, "B-002", "旧倉庫"));
            await RegisterSeed.SaveAsync(db, RegisterSeed.Asset(Yaizu, "10023-1", "本庁舎 建物", "B-001"), RegisterSeed.Asset(Yaizu, "10023-2", "本庁舎 空調設備", "B-001", 3_000_000m));
        }
    }

    [Fact]
    public async Task the_detail_page_shows_the_fields_the_assets_the_map_and_the_history()
    {
        var page = new HtmlParser().ParseDocument(await viewer.GetStringAsync("/222127/facilities/B-001"));

        page.QuerySelector("h1")!.TextContent.ShouldContain("焼津市役所本庁舎");
        page.QuerySelector("dl.facts")!.TextContent.ShouldContain("建物");
        var assets = page.QuerySelectorAll("table").First(t => t.QuerySelector("caption")!.TextContent.Contains("資産", StringComparison.Ordinal));
        assets.TextContent.ShouldContain("10023-1");
        assets.TextContent.ShouldContain("本庁舎 空調設備");
        assets.TextContent.ShouldContain("3,000,000");
        page.QuerySelector("#facility-map")!.GetAttribute("data-boundary").ShouldBe("/api/v1/222127/boundary.geojson");
        page.QuerySelector("table.history tbody")!.TextContent.ShouldContain("新規登録");
        page.QuerySelector("a[href='/222127/facilities/B-001/edit']").ShouldBeNull(); // viewer
    }

    [Fact]
    public async Task an_unknown_code_is_404()
    {
        (await viewer.GetAsync("/222127/facilities/NO-SUCH")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await editor.GetAsync("/222127/facilities/NO-SUCH/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task editing_records_a_new_version_whose_changes_show_in_the_history()
    {
        var response = await AppFactory.PostFormAsync(editor, "/222127/facilities/B-001/edit", RegisterSeed.FacilityForm(new()
        {
            ["Input.Name"] = "焼津市役所", ["Input.Latitude"] = "34.86694444", ["Input.Longitude"] = "138.3230556",
            ["Input.Status"] = "Closed", ["Input.ValidFrom"] = "2025-04-01", ["Input.Reason"] = "名称変更",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = new HtmlParser().ParseDocument(await editor.GetStringAsync("/222127/facilities/B-001"));
        page.QuerySelector(".notice")!.TextContent.ShouldContain("第2版");
        var newest = page.QuerySelector("table.history tbody tr")!.TextContent;
        newest.ShouldContain("第2版");
        newest.ShouldContain("2025-04-01");
        newest.ShouldContain("名称変更");
        newest.ShouldContain("施設名: 焼津市役所本庁舎 → 焼津市役所");
        newest.ShouldContain("状態: 供用中 → 廃止");
        newest.ShouldNotContain("緯度");
        page.QuerySelectorAll("table.history tbody tr").Length.ShouldBe(2);
    }
}
