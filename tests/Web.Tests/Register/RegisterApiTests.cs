using System.Net;
using System.Text.Json;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Register;

/// <summary>The map's GeoJSON: the tenant's boundary from the geoshape files and its facilities with coordinates.</summary>
public sealed class RegisterApiTests(RegisterApiTests.Seed seed) : IClassFixture<RegisterApiTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient client = seed.Client;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient Client { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            var password = await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer);
            await using (var db = app.Database.Context("220001", actor: "test-setup"))
            {
                (await UserAccounts.AddMemberAsync(db, "viewer@yaizu.example.jp", TenantRole.Viewer, CancellationToken.None)).IsSuccess.ShouldBeTrue();
            }

            Client = await app.SignedInClientAsync("viewer@yaizu.example.jp", password);
            await using var yaizu = app.Database.Context(Yaizu, actor: "test-setup");
            // 焼津図書館 and its town hall, positions from 焼津市オープンデータ (CC BY 4.0).
            await RegisterSeed.SaveAsync(yaizu,
                RegisterSeed.Facility(Yaizu, "L-001", "焼津図書館", 34.86466037, 138.3057186),
                RegisterSeed.Facility(Yaizu, "B-001", "焼津市役所", 34.86694444, 138.3230556),
                RegisterSeed.Facility(Yaizu, "X-001", "位置未登録の倉庫"));
        }
    }

    [Fact]
    public async Task a_municipalitys_boundary_is_its_feature_of_the_city_file()
    {
        var response = await client.GetAsync("/api/v1/222127/boundary.geojson");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/geo+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        var feature = json.RootElement.GetProperty("features").EnumerateArray().ShouldHaveSingleItem();
        feature.GetProperty("properties").GetProperty("N03_004").GetString().ShouldBe("焼津市");
        feature.GetProperty("properties").GetProperty("N03_007").GetString().ShouldBe("22212");
        feature.GetProperty("geometry").GetProperty("type").GetString().ShouldBe("Polygon");
    }

    [Fact]
    public async Task a_prefectures_boundary_is_its_feature_of_the_prefecture_file()
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/220001/boundary.geojson"));

        var feature = json.RootElement.GetProperty("features").EnumerateArray().ShouldHaveSingleItem();
        feature.GetProperty("properties").GetProperty("N03_001").GetString().ShouldBe("静岡県");
        feature.GetProperty("properties").GetProperty("N03_007").GetString().ShouldBe("22");
    }

    [Fact]
    public async Task the_facilities_are_points_of_those_with_coordinates_in_longitude_latitude_order()
    {
        var response = await client.GetAsync("/api/v1/222127/facilities.geojson");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/geo+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        features.Select(f => f.GetProperty("properties").GetProperty("code").GetString()).ShouldBe(["B-001", "L-001"]);
        var library = features[1];
        library.GetProperty("properties").GetProperty("name").GetString().ShouldBe("焼津図書館");
        library.GetProperty("properties").GetProperty("kind").GetString().ShouldBe("建物");
        library.GetProperty("geometry").GetProperty("type").GetString().ShouldBe("Point");
        library.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ShouldBe([138.3057186, 34.86466037]);
    }

    [Fact]
    public async Task the_map_page_counts_facilities_with_and_without_coordinates()
    {
        var page = await client.GetStringAsync("/222127/facilities/map");

        page.ShouldContain("data-facilities=\"/api/v1/222127/facilities.geojson\"");
        page.ShouldContain("<td class=\"numeric\">2</td>");
        page.ShouldContain("<td class=\"numeric\">1</td>");
        page.ShouldContain("国土数値情報（行政区域データ）");
        page.ShouldNotContain("<script>"); // no inline script
    }
}
