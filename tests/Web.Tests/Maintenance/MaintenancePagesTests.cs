using System.Net;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Maintenance;

/// <summary>The 維持管理 pages: the library editor refuses bad settings with their place and saves nothing; another tenant's pages are 404 and its writes refused.</summary>
public sealed class MaintenancePagesTests(MaintenancePagesTests.Seed seed) : IClassFixture<MaintenancePagesTests.Seed>, IAsyncLifetime
{
    private readonly AppFactory app = seed.App;
    private readonly HttpClient yaizuEditor = seed.YaizuEditor;
    private readonly HttpClient fujiedaEditor = seed.FujiedaEditor;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient YaizuEditor { get; private set; } = null!;

        public HttpClient FujiedaEditor { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            YaizuEditor = await app.SignedInClientAsync("e@yaizu.example.jp", await app.CreateUserAsync("e@yaizu.example.jp", "222127", TenantRole.Editor));
            FujiedaEditor = await app.SignedInClientAsync("e@fujieda.example.jp", await app.CreateUserAsync("e@fujieda.example.jp", "222143", TenantRole.Editor));
        }
    }

    [Fact]
    public async Task the_library_page_shows_the_preset_and_a_bad_edit_is_refused_with_its_place_and_nothing_saved()
    {
        var page = await yaizuEditor.GetStringAsync("/222127/maintenance/library?kind=bridge");
        page.ShouldContain("橋梁の補修工法と維持管理方針（標準）（プリセット bridge 第1版）");
        page.ShouldContain("表面被覆 [U]");

        var json = Core.Maintenance.LibraryPresets.All[0].Library.ToJson().Replace("\"threshold\": 3", "\"threshold\": 7", StringComparison.Ordinal);
        var refused = await AppFactory.PostFormAsync(yaizuEditor, "/222127/maintenance/library?kind=bridge&handler=Save",
            new() { ["kind"] = "bridge", ["version"] = "0", ["document"] = json }, formPage: "/222127/maintenance/library?kind=bridge");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("policies[1].threshold: 方針「予防保全」: 対策を始める区分「7」は区分 1〜4 の範囲で指定してください。");
        (await yaizuEditor.GetStringAsync("/222127/maintenance/library?kind=bridge")).ShouldContain("（プリセット bridge 第1版）");

        var saved = await AppFactory.PostFormAsync(yaizuEditor, "/222127/maintenance/library?kind=bridge&handler=Save",
            new() { ["kind"] = "bridge", ["version"] = "0", ["document"] = json.Replace("\"threshold\": 7", "\"threshold\": 3", StringComparison.Ordinal).Replace("（標準）", "（焼津市）", StringComparison.Ordinal) },
            formPage: "/222127/maintenance/library?kind=bridge");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await yaizuEditor.GetStringAsync("/222127/maintenance/library?kind=bridge")).ShouldContain("（焼津市）（団体の設定 第1版");
        (await fujiedaEditor.GetStringAsync("/222143/maintenance/library?kind=bridge")).ShouldNotContain("焼津市");
    }

    [Fact]
    public async Task another_tenants_pages_and_downloads_are_404_and_its_writes_are_refused()
    {
        (await fujiedaEditor.GetAsync("/222127/maintenance?kind=bridge")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fujiedaEditor.GetAsync("/222127/maintenance/library?kind=bridge")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fujiedaEditor.GetAsync("/222127/maintenance/library/export?kind=bridge&format=json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var write = await AppFactory.PostFormAsync(fujiedaEditor, "/222127/maintenance/library?kind=bridge&handler=Reset", new() { ["kind"] = "bridge" }, formPage: "/222143/maintenance/library?kind=bridge");
        write.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var own = await fujiedaEditor.GetStringAsync("/222143/maintenance?kind=bridge");
        own.ShouldContain("劣化モデルがありません");
        (await fujiedaEditor.GetAsync("/222143/maintenance/library/export?kind=bridge&format=xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
