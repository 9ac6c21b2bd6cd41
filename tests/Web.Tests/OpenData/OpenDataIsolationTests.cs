using System.Net;
using System.Text.Json;
using InfraLedger.Core.Audit;
using InfraLedger.Core.Identity;
using InfraLedger.Core.OpenData;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static InfraLedger.Web.Tests.OpenData.OpenDataSeed;

namespace InfraLedger.Web.Tests.OpenData;

/// <summary>
/// Consent and tenancy: 焼津市 publishes its 公共施設一覧 only; 藤枝市 publishes nothing. What is not published does not exist
/// anywhere in the catalogue; only the tenant's own admin publishes or withdraws, one audit event each.
/// </summary>
public sealed class OpenDataIsolationTests(OpenDataIsolationTests.Seed seed) : IClassFixture<OpenDataIsolationTests.Seed>, IAsyncLifetime
{
    private readonly AppFactory app = seed.App;
    private readonly HttpClient anonymous = seed.Anonymous;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient Anonymous { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            Anonymous = app.Client();
            await RegistersAsync(app.Database);
            await PublishAsync(app.Database, Yaizu, DatasetKind.Facilities);
        }
    }

    private async Task<JsonElement> ResultAsync(string path)
    {
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync(path));
        return document.RootElement.GetProperty("result").Clone();
    }

    private async Task<string> EverythingListedAsync() =>
        (await ResultAsync("/api/3/action/package_list")).GetRawText()
        + (await ResultAsync("/api/3/action/package_search?rows=1000")).GetRawText()
        + (await ResultAsync("/api/3/action/organization_list?all_fields=true")).GetRawText();

    [Fact]
    public async Task an_unpublished_tenant_is_absent_from_every_list()
    {
        (await ResultAsync("/api/3/action/package_list")).EnumerateArray().Select(n => n.GetString()).ShouldBe(["222127-public-facilities"]);
        (await ResultAsync("/api/3/action/organization_list")).EnumerateArray().Select(n => n.GetString()).ShouldBe([Yaizu]);
        var everything = await EverythingListedAsync();
        everything.ShouldNotContain(Fujieda);
        everything.ShouldNotContain("藤枝");
        everything.ShouldNotContain("222127-fixed-assets");
    }

    [Theory]
    [InlineData("/api/3/action/package_show?id=222143-public-facilities")]
    [InlineData("/api/3/action/package_show?id=222127-fixed-assets")]
    [InlineData("/api/3/action/organization_show?id=222143")]
    [InlineData("/opendata/222143/facilities/public-facilities.csv")]
    [InlineData("/opendata/222143/facilities/public-facilities.json")]
    [InlineData("/opendata/222143/facilities")]
    [InlineData("/opendata/222127/register/fixed-assets.csv")]
    [InlineData("/opendata/222127/register")]
    [InlineData("/opendata/222127/facilities/nothing.csv")]
    [InlineData("/opendata/222127/facilities/public-facilities.exe")]
    public async Task what_is_not_published_is_404(string path)
    {
        var response = await anonymous.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("藤枝市役所");
    }

    [Fact]
    public async Task another_tenants_admin_cannot_publish_and_a_viewer_is_refused()
    {
        var fujiedaAdmin = await app.SignedInClientAsync("admin@fujieda.example.jp", await app.CreateUserAsync("admin@fujieda.example.jp", Fujieda, TenantRole.Admin));
        var yaizuViewer = await app.SignedInClientAsync("viewer@yaizu.example.jp", await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer));
        var before = await AuditCountAsync(Yaizu);

        (await fujiedaAdmin.GetAsync("/222127/opendata")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var foreign = await AppFactory.PostFormAsync(fujiedaAdmin, "/222127/opendata?handler=Publish",
            new() { ["dataset"] = "register", ["licence"] = "cc-by-4.0" }, formPage: "/222143/opendata");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await yaizuViewer.GetStringAsync("/222127/opendata")).ShouldNotContain("を公開する");
        // A valid antiforgery token of the viewer (from the sign-in form): the role, not antiforgery, must refuse.
        var viewer = await AppFactory.PostFormAsync(yaizuViewer, "/222127/opendata?handler=Publish",
            new() { ["dataset"] = "register", ["licence"] = "cc-by-4.0" }, formPage: "/account/login");
        viewer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var withdraw = await AppFactory.PostFormAsync(yaizuViewer, "/222127/opendata?handler=Withdraw", new() { ["dataset"] = "facilities" }, formPage: "/account/login");
        withdraw.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await ResultAsync("/api/3/action/package_list")).EnumerateArray().Select(n => n.GetString()).ShouldBe(["222127-public-facilities"]);
        (await AuditCountAsync(Yaizu)).ShouldBe(before);
    }

    [Fact]
    public async Task the_admin_publishes_and_withdraws_each_as_one_audit_event()
    {
        var admin = await app.SignedInClientAsync("admin@yaizu.example.jp", await app.CreateUserAsync("admin@yaizu.example.jp", Yaizu, TenantRole.Admin));
        var before = await AuditCountAsync(Yaizu);

        var published = await AppFactory.PostFormAsync(admin, "/222127/opendata?handler=Publish", new() { ["dataset"] = "register", ["licence"] = "pdl-1.0" });
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditCountAsync(Yaizu)).ShouldBe(before + 1);
        var page = await admin.GetStringAsync("/222127/opendata");
        page.ShouldContain("公共データ利用規約（第1.0版）");
        page.ShouldContain("/opendata/222127/register/fixed-assets.csv");
        (await ResultAsync("/api/3/action/package_show?id=222127-fixed-assets")).GetProperty("license_id").GetString().ShouldBe("pdl-1.0");
        (await anonymous.GetStringAsync("/opendata/222127/register/fixed-assets.csv")).ShouldContain("焼津小学校 校舎");

        var withdrawn = await AppFactory.PostFormAsync(admin, "/222127/opendata?handler=Withdraw", new() { ["dataset"] = "facilities" });
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditCountAsync(Yaizu)).ShouldBe(before + 2);
        (await EverythingListedAsync()).ShouldNotContain("222127-public-facilities");
        (await anonymous.GetAsync("/api/3/action/package_show?id=222127-public-facilities")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/opendata/222127/facilities/public-facilities.csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetStringAsync("/catalog.jsonld")).ShouldNotContain("222127-public-facilities");

        var refused = await AppFactory.PostFormAsync(admin, "/222127/opendata?handler=Publish", new() { ["dataset"] = "register", ["licence"] = "MIT" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("ライセンス「MIT」は選べません");
        (await AuditCountAsync(Yaizu)).ShouldBe(before + 2);
    }

    [Fact]
    public async Task the_public_facility_list_download_is_the_registers_own_export()
    {
        var viewer = await app.SignedInClientAsync("viewer@yaizu.example.jp", await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer));
        var register = await viewer.GetByteArrayAsync("/222127/facilities/export?format=opendata");
        var download = await anonymous.GetAsync("/opendata/222127/facilities/public-facilities.csv");
        download.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(register);

        var lines = System.Text.Encoding.UTF8.GetString(register).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith("都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,名称,名称_カナ,");
        lines[1].ShouldBe("222127,S-001,静岡県,焼津市,焼津小学校,ヤイヅショウガッコウ,,,静岡県焼津市本町1-1,,34.867,138.3236,,,,,,,,,学校,,,");

        var noBom = await anonymous.GetByteArrayAsync("/opendata/222127/facilities/public-facilities.csv?bom=false");
        register.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        noBom.Take(3).ShouldBe(System.Text.Encoding.UTF8.GetBytes("都"));

        using var json = JsonDocument.Parse(await anonymous.GetStringAsync("/opendata/222127/facilities/public-facilities.json"));
        json.RootElement.GetArrayLength().ShouldBe(2);
        json.RootElement[0].GetProperty("名称").GetString().ShouldBe("焼津小学校");
        json.RootElement[0].GetProperty("緯度").GetDecimal().ShouldBe(34.867m);
        json.RootElement[1].GetProperty("緯度").ValueKind.ShouldBe(JsonValueKind.Null);
        var xlsx = await anonymous.GetAsync("/opendata/222127/facilities/public-facilities.xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private async Task<int> AuditCountAsync(string tenant)
    {
        await using var db = app.Database.Context(tenant);
        return await db.Set<AuditEvent>().CountAsync();
    }
}
