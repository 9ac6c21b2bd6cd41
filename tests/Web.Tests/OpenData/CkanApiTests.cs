using System.Net;
using System.Text.Json;
using InfraLedger.Core.OpenData;
using InfraLedger.Web.Tests.Support;
using static InfraLedger.Web.Tests.OpenData.OpenDataSeed;

namespace InfraLedger.Web.Tests.OpenData;

/// <summary>
/// What a CKAN client expects of the Action API subset: the envelope and dictionaries of the recorded shapes, the search
/// parameters harvesters send, and CKAN's error types with a located Japanese message.
/// </summary>
public sealed class CkanApiTests(CkanApiTests.Seed seed) : IClassFixture<CkanApiTests.Seed>, IAsyncLifetime
{
    // Five Tokyo wards publish everything too, so that a search has pages: 6 bodies × 3 datasets.
    private static readonly string[] Wards = ["131016", "131024", "131032", "131041", "131059"];
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
            foreach (var tenant in Wards.Prepend(Yaizu))
            {
                foreach (var kind in DatasetKind.All)
                {
                    await PublishAsync(app.Database, tenant, kind.Id);
                }
            }
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        var response = await client.GetAsync(path);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var body = document.RootElement.Clone();
        ShapeAssert.Matches(body, body.GetProperty("success").GetBoolean() ? "envelope" : "error-envelope", path);
        if (!body.GetProperty("success").GetBoolean())
        {
            ShapeAssert.Matches(body.GetProperty("error"), "error", path + " error");
        }

        return (response.StatusCode, body);
    }

    private async Task<JsonElement> ResultAsync(string path)
    {
        var (status, body) = await GetAsync(path);
        status.ShouldBe(HttpStatusCode.OK, body.GetRawText());
        body.GetProperty("success").GetBoolean().ShouldBeTrue();
        return body.GetProperty("result");
    }

    [Fact]
    public async Task every_action_answers_in_the_recorded_ckan_shapes()
    {
        var names = (await ResultAsync("/api/3/action/package_list")).EnumerateArray().Select(n => n.GetString()!).ToList();
        names.Count.ShouldBe(18);
        names.ShouldContain("222127-public-facilities");
        names.ShouldBe(names.Order(StringComparer.Ordinal).ToList());

        var package = await ResultAsync("/api/3/action/package_show?id=222127-public-facilities");
        ShapeAssert.IsPackage(package);
        package.GetProperty("title").GetString().ShouldBe("焼津市 公共施設一覧");
        package.GetProperty("license_id").GetString().ShouldBe("cc-by-4.0");
        package.GetProperty("organization").GetProperty("name").GetString().ShouldBe("222127");
        package.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ShouldContain("公共施設一覧");
        package.GetProperty("extras").EnumerateArray().ShouldContain(e => e.GetProperty("key").GetString() == "全国地方公共団体コード" && e.GetProperty("value").GetString() == "222127");
        package.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("format").GetString()).ShouldBe(["CSV", "XLSX", "JSON"]);

        // The id is a UUID derived from the name: the same on every call and every server, and accepted by package_show.
        var id = package.GetProperty("id").GetString()!;
        Guid.Parse(id).ToString().ShouldBe(id);
        id.ShouldBe(Catalog.StableId("222127-public-facilities"));
        (await ResultAsync($"/api/3/action/package_show?id={id}")).GetProperty("name").GetString().ShouldBe("222127-public-facilities");

        var search = await ResultAsync("/api/3/action/package_search");
        ShapeAssert.Matches(search, "search-result");
        foreach (var (result, i) in search.GetProperty("results").EnumerateArray().Select((r, i) => (r, i)))
        {
            ShapeAssert.IsPackage(result, $"results[{i}]");
        }

        var organizations = await ResultAsync("/api/3/action/organization_list");
        organizations.EnumerateArray().Select(o => o.GetString()).ShouldBe([.. Wards, Yaizu]);
        foreach (var org in (await ResultAsync("/api/3/action/organization_list?all_fields=true")).EnumerateArray())
        {
            ShapeAssert.Matches(org, "organization");
        }

        var yaizu = await ResultAsync("/api/3/action/organization_show?id=222127");
        ShapeAssert.Matches(yaizu, "organization");
        yaizu.GetProperty("title").GetString().ShouldBe("焼津市");
        yaizu.GetProperty("package_count").GetInt32().ShouldBe(3);
        (await ResultAsync("/api/3/action/organization_show?id=222127&include_datasets=true")).GetProperty("packages").GetArrayLength().ShouldBe(3);

        var status = await ResultAsync("/api/3/action/status_show");
        foreach (var key in new[] { "site_title", "site_description", "site_url", "ckan_version", "locale_default", "error_emails_to", "extensions" })
        {
            status.TryGetProperty(key, out _).ShouldBeTrue(key);
        }
    }

    [Fact]
    public void the_shape_check_fails_on_a_missing_key_or_a_wrong_type()
    {
        using var missing = JsonDocument.Parse("""{"help": "h", "success": true}""");
        ShapeAssert.Problems(missing.RootElement, "envelope").ShouldBe(["$.result: missing"]);
        using var wrong = JsonDocument.Parse("""{"help": "h", "success": "true", "result": 1}""");
        ShapeAssert.Problems(wrong.RootElement, "envelope").Single().ShouldStartWith("$.success: String");
        using var offset = JsonDocument.Parse("""{"id":"1","package_id":"p","url":"u","name":null,"description":null,"format":"CSV","mimetype":null,"size":null,"hash":null,"created":"2026-11-22T01:02:03+09:00","last_modified":null,"resource_type":null,"url_type":null,"position":0,"state":"active","datastore_active":false}""");
        ShapeAssert.Problems(offset.RootElement, "resource").Single().ShouldStartWith("$.created:");
    }

    [Fact]
    public async Task q_finds_plain_words_and_fq_filters_on_organization_tags_and_format()
    {
        var search = await ResultAsync("/api/3/action/package_search?q=焼津市 公共施設一覧");
        search.GetProperty("count").GetInt32().ShouldBe(1);
        search.GetProperty("results")[0].GetProperty("name").GetString().ShouldBe("222127-public-facilities");

        (await ResultAsync("/api/3/action/package_search?q=*:*")).GetProperty("count").GetInt32().ShouldBe(18);
        (await ResultAsync("/api/3/action/package_search?q=存在しない語")).GetProperty("count").GetInt32().ShouldBe(0);

        var yaizu = await ResultAsync("/api/3/action/package_search?fq=organization:222127&rows=100");
        yaizu.GetProperty("count").GetInt32().ShouldBe(3);
        yaizu.GetProperty("results").EnumerateArray().ShouldAllBe(r => r.GetProperty("organization").GetProperty("name").GetString() == "222127");
        yaizu.GetProperty("search_facets").GetProperty("organization").GetProperty("items")[0].GetProperty("count").GetInt32().ShouldBe(3);

        (await ResultAsync("/api/3/action/package_search?fq=tags:公共施設一覧")).GetProperty("count").GetInt32().ShouldBe(6);
        (await ResultAsync("/api/3/action/package_search?fq=%2Borganization:222127 tags:\"主要財政指標\"")).GetProperty("count").GetInt32().ShouldBe(1);
        (await ResultAsync("/api/3/action/package_search?fq=res_format:csv")).GetProperty("count").GetInt32().ShouldBe(18);
    }

    [Fact]
    public async Task paging_with_sort_id_asc_visits_every_dataset_once_as_harvesters_page()
    {
        var seen = new List<string>();
        for (var start = 0; ; start += 4)
        {
            var page = await ResultAsync($"/api/3/action/package_search?rows=4&start={start}&sort=id asc");
            page.GetProperty("count").GetInt32().ShouldBe(18);
            var ids = page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
            if (ids.Count == 0)
            {
                break;
            }

            seen.AddRange(ids);
        }

        seen.Count.ShouldBe(18);
        seen.Distinct().Count().ShouldBe(18);
        seen.ShouldBe(seen.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task sort_orders_by_name_and_by_metadata_modified()
    {
        var byName = await ResultAsync("/api/3/action/package_search?rows=18&sort=name desc");
        byName.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString()).First().ShouldBe("222127-public-facilities");

        // Republished last: 131016's register dataset is the most recently modified.
        await PublishAsync(app.Database, "131016", DatasetKind.Register, "pdl-1.0");
        var newest = await ResultAsync("/api/3/action/package_search?rows=1&sort=metadata_modified desc");
        var first = newest.GetProperty("results")[0];
        first.GetProperty("name").GetString().ShouldBe("131016-fixed-assets");
        first.GetProperty("license_title").GetString().ShouldBe("公共データ利用規約（第1.0版）");

        // The incremental harvest: only what changed since the given UTC time.
        var since = first.GetProperty("metadata_modified").GetString();
        var changed = await ResultAsync($"/api/3/action/package_search?fq=metadata_modified:[{since}Z TO *]");
        changed.GetProperty("count").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData("/api/3/action/package_search?rows=abc", "rows")]
    [InlineData("/api/3/action/package_search?rows=-1", "rows")]
    [InlineData("/api/3/action/package_search?start=x", "start")]
    [InlineData("/api/3/action/package_search?sort=popularity desc", "sort")]
    [InlineData("/api/3/action/package_search?sort=name sideways", "sort")]
    [InlineData("/api/3/action/package_show", "id")]
    public async Task a_bad_parameter_is_a_409_validation_error_naming_the_field(string path, string field)
    {
        var (status, body) = await GetAsync(path);
        status.ShouldBe(HttpStatusCode.Conflict);
        var error = body.GetProperty("error");
        error.GetProperty("__type").GetString().ShouldBe("Validation Error");
        error.GetProperty("message").GetString()!.ShouldContain(field);
        error.GetProperty(field).EnumerateArray().ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("/api/3/action/package_search?fq=groups:x")]
    [InlineData("/api/3/action/package_search?fq=organization")]
    [InlineData("/api/3/action/package_search?fq=metadata_modified:[yesterday TO *]")]
    [InlineData("/api/3/action/package_search?q=title:焼津")]
    public async Task a_query_that_cannot_be_read_is_a_400_search_query_error(string path)
    {
        var (status, body) = await GetAsync(path);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetProperty("__type").GetString().ShouldBe("Search Query Error");
        body.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("使");
    }

    [Fact]
    public async Task rows_above_the_maximum_are_capped_like_ckan()
    {
        (await ResultAsync("/api/3/action/package_search?rows=5000")).GetProperty("results").GetArrayLength().ShouldBe(18);
    }

    [Fact]
    public async Task a_write_or_an_unknown_action_is_refused_in_the_envelope()
    {
        var post = await client.PostAsync("/api/3/action/package_create", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        post.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        using (var body = JsonDocument.Parse(await post.Content.ReadAsStringAsync()))
        {
            ShapeAssert.Matches(body.RootElement, "error-envelope");
            body.RootElement.GetProperty("success").GetBoolean().ShouldBeFalse();
        }

        var (status, unknown) = await GetAsync("/api/3/action/group_purge");
        status.ShouldBe(HttpStatusCode.BadRequest);
        unknown.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("group_purge");
        (await GetAsync("/api/3/action/package_show?id=nothing")).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
