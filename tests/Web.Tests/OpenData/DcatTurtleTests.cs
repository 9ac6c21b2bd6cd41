using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using InfraLedger.Core.OpenData;
using InfraLedger.Web.Tests.Support;
using static InfraLedger.Web.Tests.OpenData.OpenDataSeed;

namespace InfraLedger.Web.Tests.OpenData;

/// <summary>Issue 23 item 5: DCAT also in Turtle, with the datasets and distributions of the JSON-LD.</summary>
public sealed partial class DcatTurtleTests(DcatTurtleTests.Seed seed) : IClassFixture<DcatTurtleTests.Seed>, IAsyncLifetime
{
    private const string Dcat = "http://www.w3.org/ns/dcat#";
    private const string Dct = "http://purl.org/dc/terms/";
    private const string Type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
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
        }
    }

    [Theory]
    [InlineData("/catalog")]
    [InlineData("/dataset/222127-public-facilities")]
    public async Task the_turtle_states_every_dataset_and_distribution_of_the_json_ld(string path)
    {
        using var jsonLd = JsonDocument.Parse(await client.GetStringAsync(path + ".jsonld"));
        var response = await client.GetAsync(path + ".ttl");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/turtle");
        var triples = Parse(await response.Content.ReadAsStringAsync());

        var datasets = jsonLd.RootElement.TryGetProperty("@graph", out var graph)
            ? graph[0].GetProperty("dcat:dataset").EnumerateArray().ToList()
            : [jsonLd.RootElement];
        datasets.ShouldNotBeEmpty();
        triples.Count(t => t.P == Type && t.O == $"<{Dcat}Dataset>").ShouldBe(datasets.Count);
        foreach (var dataset in datasets)
        {
            var id = $"<{dataset.GetProperty("@id").GetString()}>";
            triples.ShouldContain((id, Type, $"<{Dcat}Dataset>"));
            triples.ShouldContain((id, $"<{Dct}title>", $"\"{dataset.GetProperty("dct:title").GetProperty("@value").GetString()}\"@ja"));
            triples.ShouldContain((id, $"<{Dct}modified>", $"\"{dataset.GetProperty("dct:modified").GetProperty("@value").GetString()}\"^^<http://www.w3.org/2001/XMLSchema#dateTime>"));
            var distributions = dataset.GetProperty("dcat:distribution").EnumerateArray().ToList();
            distributions.ShouldNotBeEmpty();
            triples.Count(t => t.S == id && t.P == $"<{Dcat}distribution>").ShouldBe(distributions.Count);
            foreach (var distribution in distributions)
            {
                var d = $"<{distribution.GetProperty("@id").GetString()}>";
                triples.ShouldContain((id, $"<{Dcat}distribution>", d));
                triples.ShouldContain((d, Type, $"<{Dcat}Distribution>"));
                triples.ShouldContain((d, $"<{Dcat}downloadURL>", $"<{distribution.GetProperty("dcat:downloadURL").GetProperty("@id").GetString()}>"));
            }
        }
    }

    [Fact]
    public async Task another_format_is_not_served_and_an_unpublished_dataset_is_404()
    {
        (await client.GetAsync("/catalog.xml")).StatusCode.ShouldNotBe(HttpStatusCode.OK); // no such route: the site's not-found handling
        (await client.GetAsync("/dataset/222143-public-facilities.ttl")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Reads the statements (the N-Triples form of Turtle the catalogue writes), failing on any other line.</summary>
    private static List<(string S, string P, string O)> Parse(string turtle)
    {
        var triples = new List<(string, string, string)>();
        foreach (var line in turtle.Split('\n').Where(l => l.Length > 0))
        {
            var m = Statement().Match(line);
            m.Success.ShouldBeTrue(line);
            triples.Add((m.Groups["s"].Value, m.Groups["p"].Value, m.Groups["o"].Value));
        }

        return triples;
    }

    [GeneratedRegex("""^(?<s><[^<>"\s]+>|_:b\d+) (?<p><[^<>"\s]+>) (?<o><[^<>"\s]+>|_:b\d+|"(?:[^"\\]|\\.)*"(?:@[a-z]+|\^\^<[^<>"\s]+>)?) \.$""")]
    private static partial Regex Statement();
}
