using System.Net;
using System.Text.Json;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.OpenData;
using InfraLedger.Web.Tests.Support;
using static InfraLedger.Web.Tests.OpenData.OpenDataSeed;

namespace InfraLedger.Web.Tests.OpenData;

/// <summary>The DCAT JSON-LD catalogue lists exactly what the CKAN API lists, with ckanext-dcat's paging and filters.</summary>
public sealed class DcatTests(DcatTests.Seed seed) : IClassFixture<DcatTests.Seed>, IAsyncLifetime
{
    private readonly AppFactory app = seed.App;
    private readonly HttpClient client = seed.Anonymous;

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
            await PublishAsync(app.Database, Yaizu, DatasetKind.Indicators, "pdl-1.0");
            await using var db = app.Database.Context();
            db.StatisticsSources.Add(FiscalIndicatorImport.Describe());
            db.PublicIndicatorValues.AddRange(
                new PublicIndicatorValue { Code = Yaizu, FiscalYear = 2021, Indicator = IndicatorDefinition.CurrentBalance, Text = "90.1", PrefectureName = "静岡県", BodyName = "焼津市", SourceId = FiscalIndicatorImport.SourceId },
                new PublicIndicatorValue { Code = Fujieda, FiscalYear = 2021, Indicator = IndicatorDefinition.CurrentBalance, Text = "88.0", PrefectureName = "静岡県", BodyName = "藤枝市", SourceId = FiscalIndicatorImport.SourceId });
            await db.SaveChangesAsync();
        }
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/ld+json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task the_catalog_lists_the_same_datasets_as_package_list()
    {
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/3/action/package_list"));
        var ids = list.RootElement.GetProperty("result").EnumerateArray().Select(n => Catalog.StableId(n.GetString()!)).Order().ToList();

        var catalog = await GetAsync("/catalog.jsonld");
        catalog.GetProperty("@context").GetProperty("dcat").GetString().ShouldBe("http://www.w3.org/ns/dcat#");
        var graph = catalog.GetProperty("@graph");
        var datasets = graph[0].GetProperty("dcat:dataset").EnumerateArray().ToList();
        graph[0].GetProperty("@type").GetString().ShouldBe("dcat:Catalog");
        datasets.Select(d => d.GetProperty("dct:identifier").GetString()).Order().ShouldBe(ids);
        graph[1].GetProperty("@type").GetString().ShouldBe("hydra:PagedCollection");
        graph[1].GetProperty("hydra:totalItems").GetInt32().ShouldBe(2);

        var facilities = datasets.Single(d => d.GetProperty("dct:identifier").GetString() == Catalog.StableId("222127-public-facilities"));
        facilities.GetProperty("dct:license").GetProperty("@id").GetString().ShouldBe("https://creativecommons.org/licenses/by/4.0/deed.ja");
        facilities.GetProperty("dct:publisher").GetProperty("dct:identifier").GetString().ShouldBe(Yaizu);
        var distribution = facilities.GetProperty("dcat:distribution")[0];
        distribution.GetProperty("dcat:downloadURL").GetProperty("@id").GetString().ShouldEndWith("/opendata/222127/facilities/public-facilities.csv");
        distribution.GetProperty("dcat:mediaType").GetString().ShouldBe("text/csv");

        var one = await GetAsync($"/dataset/{Catalog.StableId("222127-indicators")}.jsonld");
        one.GetProperty("@type").GetString().ShouldBe("dcat:Dataset");
        one.GetProperty("dcat:distribution").GetArrayLength().ShouldBe(6);
        (await client.GetAsync($"/dataset/{Catalog.StableId("222143-public-facilities")}.jsonld")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task modified_since_and_page_narrow_the_catalog()
    {
        var future = await GetAsync("/catalog.jsonld?modified_since=2999-01-01");
        future.GetProperty("@graph")[0].GetProperty("dcat:dataset").GetArrayLength().ShouldBe(0);
        var past = await GetAsync("/catalog.jsonld?modified_since=2000-01-01T00:00:00Z&page=1");
        past.GetProperty("@graph")[0].GetProperty("dcat:dataset").GetArrayLength().ShouldBe(2);
        past.GetProperty("@graph")[1].TryGetProperty("hydra:nextPage", out _).ShouldBeFalse();

        var bad = await client.GetAsync("/catalog.jsonld?page=0");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("page は 1 以上の整数");
    }

    [Fact]
    public async Task pages_advertise_the_catalog_and_the_dataset_page_shows_the_licence_and_files()
    {
        var page = await client.GetStringAsync("/opendata/222127/indicators");
        page.ShouldContain("<link rel=\"alternate\" type=\"application/ld+json\" href=\"/catalog.jsonld\"");
        page.ShouldContain("公共データ利用規約（第1.0版）");
        page.ShouldContain("/opendata/222127/indicators/fiscal-indicators.csv");
        page.ShouldContain("出典：総務省『主要財政指標一覧』"); // the 総務省 figures carry their own credit line

        // Long format, the tenant's own values only.
        var csv = (await client.GetStringAsync("/opendata/222127/indicators/fiscal-indicators.csv?bom=false")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv.ShouldBe(["全国地方公共団体コード,団体名,年度,指標ID,指標名,単位,値", "222127,焼津市,2021,current-balance-ratio,経常収支比率,%,90.1"]);
    }
}
