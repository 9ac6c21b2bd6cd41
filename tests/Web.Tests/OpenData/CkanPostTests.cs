using System.Net;
using System.Text;
using System.Text.Json;
using InfraLedger.Core.OpenData;
using InfraLedger.Web.Tests.Support;
using static InfraLedger.Web.Tests.OpenData.OpenDataSeed;

namespace InfraLedger.Web.Tests.OpenData;

/// <summary>Issue 23 item 5: ckanapi calls every action by POST with a JSON object; the read actions answer it as their GET.</summary>
public sealed class CkanPostTests(CkanPostTests.Seed seed) : IClassFixture<CkanPostTests.Seed>, IAsyncLifetime
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
            foreach (var kind in DatasetKind.All)
            {
                await PublishAsync(app.Database, Yaizu, kind.Id);
            }

            await PublishAsync(app.Database, "222143", DatasetKind.All[0].Id);
        }
    }

    /// <summary>What ckanapi's RemoteCKAN.call_action sends: POST, the data dict as JSON, its own user agent.</summary>
    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string action, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/3/action/" + action) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.UserAgent.ParseAdd("ckanapi/4.8");
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("package_show", """{"id": "222127-public-facilities"}""", "?id=222127-public-facilities")]
    [InlineData("package_list", """{"limit": 2, "offset": 1}""", "?limit=2&offset=1")]
    [InlineData("package_search", """{"q": "*:*", "fq": "organization:222127", "rows": 100, "sort": "name desc"}""", "?q=*:*&fq=organization:222127&rows=100&sort=name desc")]
    [InlineData("package_search", """{"fq_list": ["organization:222127", "res_format:csv"], "rows": 10}""", "?fq_list=organization:222127&fq_list=res_format:csv&rows=10")]
    [InlineData("organization_show", """{"id": "222127", "include_datasets": true}""", "?id=222127&include_datasets=true")]
    [InlineData("organization_list", """{"all_fields": true}""", "?all_fields=true")]
    [InlineData("status_show", "{}", "")]
    [InlineData("status_show", "", "")]
    public async Task a_read_action_posted_as_json_answers_as_its_get(string action, string json, string query)
    {
        var get = await client.GetAsync($"/api/3/action/{action}{query}");
        var post = await PostAsync(action, json);

        post.Status.ShouldBe(get.StatusCode, post.Body);
        post.Status.ShouldBe(HttpStatusCode.OK, post.Body);
        post.Body.ShouldBe(await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task a_posted_refusal_is_the_same_refusal_as_its_get()
    {
        var post = await PostAsync("package_show", """{"id": "222143-fixed-assets"}""");
        var get = await client.GetAsync("/api/3/action/package_show?id=222143-fixed-assets");

        post.Status.ShouldBe(HttpStatusCode.NotFound);
        post.Body.ShouldBe(await get.Content.ReadAsStringAsync());
        (await PostAsync("package_search", """{"rows": "abc"}""")).Status.ShouldBe((await client.GetAsync("/api/3/action/package_search?rows=abc")).StatusCode);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"id\"")]
    [InlineData("{\"id\": ")]
    public async Task a_body_that_is_not_a_json_object_is_refused_in_the_envelope(string json)
    {
        var (status, body) = await PostAsync("package_show", json);

        status.ShouldBe(HttpStatusCode.BadRequest);
        using var document = JsonDocument.Parse(body);
        document.RootElement.GetProperty("success").GetBoolean().ShouldBeFalse();
        document.RootElement.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("JSON");
    }

    [Fact]
    public async Task writes_stay_refused_by_post()
    {
        (await PostAsync("package_create", """{"name": "x"}""")).Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await PostAsync("package_delete", """{"id": "222127-public-facilities"}""")).Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }
}
