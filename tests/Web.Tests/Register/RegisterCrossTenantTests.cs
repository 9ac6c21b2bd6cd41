using System.Net;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Register;

/// <summary>A member of 焼津市 finds 藤枝市's register absent (404) and cannot write to it.</summary>
public sealed class RegisterCrossTenantTests(RegisterCrossTenantTests.Seed seed) : IClassFixture<RegisterCrossTenantTests.Seed>, IAsyncLifetime
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
            YaizuAdmin = await app.SignedInClientAsync("admin@yaizu.example.jp", password);
            await using var db = app.Database.Context(Fujieda, actor: "test-setup");
            await RegisterSeed.SaveAsync(db, RegisterSeed.Facility(Fujieda, "F-001", "藤枝市役所", 34.8675, 138.2577));
            await RegisterSeed.SaveAsync(db, RegisterSeed.Asset(Fujieda, "A-001", "藤枝市役所 建物", "F-001"));
        }
    }

    [Theory]
    [InlineData("/222143/facilities")]
    [InlineData("/222143/facilities/F-001")]
    [InlineData("/222143/facilities/F-001/edit")]
    [InlineData("/222143/facilities/new")]
    [InlineData("/222143/facilities/map")]
    [InlineData("/222143/assets")]
    [InlineData("/222143/assets/A-001")]
    [InlineData("/222143/assets/A-001/edit")]
    [InlineData("/api/v1/222143/boundary.geojson")]
    [InlineData("/api/v1/222143/facilities.geojson")]
    public async Task another_tenants_register_is_404(string path)
    {
        (await yaizuAdmin.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/222143/facilities/F-001/edit")]
    [InlineData("/222143/facilities/F-001/edit?handler=Delete")]
    [InlineData("/222143/facilities/new")]
    [InlineData("/222143/assets/A-001/edit")]
    [InlineData("/222143/assets/new")]
    public async Task posting_to_another_tenants_forms_is_404_and_writes_nothing(string path)
    {
        // The own tenant's page supplies a valid antiforgery token; the POST goes to the other tenant.
        var response = await AppFactory.PostFormAsync(yaizuAdmin, path, RegisterSeed.FacilityForm(new()
        {
            ["Input.Code"] = "F-002", ["Input.Number"] = "A-002", ["Input.Name"] = "乗っ取り", ["Input.Account"] = "建物", ["Input.AcquisitionCost"] = "1",
        }), formPage: "/222127/facilities/new");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = app.Database.Context(Fujieda);
        (await db.Facilities.SingleAsync()).Name.ShouldBe("藤枝市役所");
        (await db.FixedAssets.SingleAsync()).Name.ShouldBe("藤枝市役所 建物");
        (await db.RegisterVersions.CountAsync()).ShouldBe(0, "the seeded rows are their own first versions, and nothing was changed");
    }

    [Fact]
    public async Task the_own_register_and_map_data_do_not_show_the_other_tenants_rows()
    {
        (await yaizuAdmin.GetStringAsync("/222127/facilities")).ShouldNotContain("藤枝市役所");
        (await yaizuAdmin.GetStringAsync("/222127/assets")).ShouldNotContain("藤枝市役所");
        (await yaizuAdmin.GetStringAsync("/api/v1/222127/facilities.geojson")).ShouldNotContain("F-001");
        (await yaizuAdmin.GetAsync("/222127/facilities/F-001")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
