using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Tenancy;

/// <summary>A member (or token) of 焼津市 must find 藤枝市's pages and API absent, and must not write there.</summary>
public sealed class CrossTenantTests(CrossTenantTests.Seed seed) : IClassFixture<CrossTenantTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient yaizuAdmin = seed.YaizuAdmin;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient YaizuAdmin { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            var password = await app.CreateUserAsync("admin@yaizu.example.jp", Yaizu, TenantRole.Admin);
            await app.CreateUserAsync("admin@fujieda.example.jp", Fujieda, TenantRole.Admin);
            await app.CreateUserAsync("staff@fujieda.example.jp", Fujieda, TenantRole.Viewer);
            YaizuAdmin = await app.SignedInClientAsync("admin@yaizu.example.jp", password);
        }
    }

    [Theory]
    [InlineData("/222143")]
    [InlineData("/222143/members")]
    [InlineData("/222143/tokens")]
    [InlineData("/api/v1/222143")]
    [InlineData("/api/v1/222143/members")]
    [InlineData("/api/v1/222143/settings")]
    public async Task another_tenants_pages_and_api_are_404(string path)
    {
        (await yaizuAdmin.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task own_tenant_pages_and_api_answer()
    {
        var home = await yaizuAdmin.GetStringAsync("/222127");
        home.ShouldContain("焼津市");
        home.ShouldContain("admin@yaizu.example.jp");
        home.ShouldNotContain("fujieda");
        (await yaizuAdmin.GetFromJsonAsync<TenantDto>("/api/v1/222127"))!.Name.ShouldBe("焼津市");
    }

    [Fact]
    public async Task cannot_add_a_member_to_another_tenant()
    {
        // The form of the own tenant supplies a valid antiforgery token; the POST goes to the other tenant.
        var response = await AppFactory.PostFormAsync(yaizuAdmin, "/222143/members?handler=Set",
            new() { ["email"] = "admin@yaizu.example.jp", ["role"] = "Admin" }, formPage: "/222127/members");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = app.Database.Context(Fujieda);
        (await db.Memberships.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task cannot_write_another_tenants_settings_through_the_api_with_a_cookie_or_a_token()
    {
        var viaCookie = await yaizuAdmin.PutAsJsonAsync("/api/v1/222143/settings/plan.name", new { value = "乗っ取り" });
        var token = await app.CreateTokenAsync(Yaizu, TenantRole.Admin);
        var machine = app.Client();
        machine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var viaToken = await machine.PutAsJsonAsync("/api/v1/222143/settings/plan.name", new { value = "乗っ取り" });

        viaCookie.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        viaToken.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = app.Database.Context(Fujieda);
        (await db.TenantSettings.CountAsync()).ShouldBe(0);
        (await db.AuditEvents.CountAsync(e => e.EntityType == "TenantSetting")).ShouldBe(0);
    }

    [Fact]
    public async Task a_token_reads_and_writes_only_its_own_tenant_within_its_role()
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync(Yaizu, TenantRole.Editor));

        (await client.GetAsync("/api/v1/222143")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync("/api/v1/222127/settings/plan.name", new { value = "焼津市公共施設等総合管理計画" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var settings = await client.GetFromJsonAsync<List<SettingDto>>("/api/v1/222127/settings");
        settings!.Single().Value.ShouldBe("焼津市公共施設等総合管理計画");
        (await client.GetAsync("/222127/members")).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // an editor is no admin

        await using var db = app.Database.Context(Yaizu);
        (await db.AuditEvents.SingleAsync(e => e.EntityType == "TenantSetting")).Actor.ShouldStartWith("token:");
    }

    [Fact]
    public async Task a_viewer_token_cannot_write()
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync(Yaizu, TenantRole.Viewer));

        (await client.PutAsJsonAsync("/api/v1/222127/settings/plan.name", new { value = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task an_invalid_token_is_401()
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "il_222127_0000000000000000_" + new string('0', 64));

        (await client.GetAsync("/api/v1/222127")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_prefecture_reader_reads_the_prefectures_municipalities_but_writes_nothing()
    {
        var password = await app.CreateUserAsync("reader@pref.shizuoka.example.jp", grant: PlatformRole.PrefectureReader, prefecture: "220001");
        var reader = await app.SignedInClientAsync("reader@pref.shizuoka.example.jp", password);

        (await reader.GetAsync("/222127")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.GetAsync("/220001/municipalities")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.GetAsync("/131016")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // 千代田区 is in 東京都
        (await reader.PutAsJsonAsync("/api/v1/222127/settings/plan.name", new { value = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_national_reader_reads_every_tenant_but_writes_nothing()
    {
        var password = await app.CreateUserAsync("reader@mlit.example.jp", grant: PlatformRole.NationalReader);
        var reader = await app.SignedInClientAsync("reader@mlit.example.jp", password);

        (await reader.GetAsync("/131016")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.GetAsync("/api/v1/222143/members")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.GetAsync("/222127/members")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reader.PutAsJsonAsync("/api/v1/222143/settings/plan.name", new { value = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task the_platform_page_is_for_operators_only()
    {
        var refused = await yaizuAdmin.GetAsync("/platform/tenants");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("権限がありません");
        var password = await app.CreateUserAsync("operator@example.jp", grant: PlatformRole.PlatformOperator);
        var op = await app.SignedInClientAsync("operator@example.jp", password);

        var page = await op.GetStringAsync("/platform/tenants?q=焼津");
        page.ShouldContain("222127");
        page.ShouldContain("1 団体中");
        var second = await op.GetStringAsync("/platform/tenants?p=2");
        second.ShouldContain("1788 団体中 101–200 件");
        second.ShouldContain("p=3");
    }

    private sealed record TenantDto(string Code, string Name);

    private sealed record SettingDto(string Key, string Value);
}
