using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using InfraLedger.Tests;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>
/// Calls the Open311 endpoint in XML or JSON and reads either into the same tree (the "Spark convention" read back),
/// so every contract test runs unchanged on both formats. Leaves are compared as text.
/// </summary>
public sealed class Open311Client(HttpClient client, string format)
{
    public const string Yaizu = "222127";
    public const string Fujieda = "222143";

    // The lists of the specification and of the extensions: XML wrapper element → item element.
    private static readonly Dictionary<string, string> Lists = new()
    {
        ["services"] = "service", ["service_requests"] = "request", ["errors"] = "error", ["attributes"] = "attribute",
        ["values"] = "value", ["endpoints"] = "endpoint", ["formats"] = "format", ["notes"] = "note", ["photos"] = "photo",
        ["media_urls"] = "media_url", ["service_request_updates"] = "request_update",
    };

    public string Format => format;

    public sealed record Response(HttpStatusCode Status, string ContentType, string Raw, JsonNode? Body);

    public Task<Response> GetAsync(string path) => ReadAsync(client.GetAsync(Url(path)));

    public Task<Response> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        ReadAsync(client.PostAsync(Url(path), new FormUrlEncodedContent(fields)));

    public Task<Response> PostAsync(string path, HttpContent content) => ReadAsync(client.PostAsync(Url(path), content));

    /// <summary>Adds the services every tenant starts from to 焼津市 and 藤枝市.</summary>
    public static async Task SeedServicesAsync(TestDatabase database)
    {
        foreach (var tenant in new[] { Yaizu, Fujieda })
        {
            await using var db = database.Context(tenant, actor: "test-setup");
            await Core.Reports.Services.AddDefaultsAsync(db, DateTime.UtcNow, CancellationToken.None);
        }
    }

    /// <summary>Publishes every report of the tenant not yet published, as staff do before a report is public (ADR 0014).</summary>
    public static async Task PublishAllAsync(TestDatabase database, string tenant)
    {
        await using var db = database.Context(tenant, actor: "test-setup");
        foreach (var id in db.ResidentReports.Where(r => r.PublishedAtUtc == null).Select(r => r.Id).ToList())
        {
            (await Core.Reports.Workflow.PublishAsync(db, id, DateTime.UtcNow, CancellationToken.None)).IsSuccess.ShouldBeTrue();
        }
    }

    public static async Task<(AppFactory App, Open311Client Client)> CreateAsync(string format, Action<AppFactory>? configure = null)
    {
        var app = await AppFactory.CreateAsync();
        configure?.Invoke(app);
        await SeedServicesAsync(app.Database);
        return (app, new Open311Client(app.Client(), format));
    }

    private string Url(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? $"/open311/v2/{path}.{format}" : $"/open311/v2/{path[..query]}.{format}{path[query..]}";
    }

    private static async Task<Response> ReadAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var raw = await response.Content.ReadAsStringAsync();
        var type = response.Content.Headers.ContentType?.ToString() ?? "";
        JsonNode? body = null;
        if (raw.Length > 0 && type.StartsWith("application/json", StringComparison.Ordinal))
        {
            body = Normalise(JsonNode.Parse(raw));
        }
        else if (raw.Length > 0 && type.StartsWith("text/xml", StringComparison.Ordinal))
        {
            body = FromXml(XDocument.Parse(raw).Root!);
        }

        return new Response(response.StatusCode, type, raw, body);
    }

    private static JsonNode? FromXml(XElement element)
    {
        // A request's attributes are an object of code → value (ADR 0014); a service definition's are a list of <attribute>.
        if (Lists.TryGetValue(element.Name.LocalName, out var item) && element.Elements().All(e => e.Name.LocalName == item))
        {
            var array = new JsonArray();
            foreach (var child in element.Elements())
            {
                child.Name.LocalName.ShouldBe(item, $"<{element.Name}> holds <{item}> items");
                array.Add(FromXml(child));
            }

            return array;
        }

        if (!element.HasElements)
        {
            // An empty element is an explicit null (address, ADR 0014); no field is ever written as an empty string.
            return element.IsEmpty ? null : JsonValue.Create(element.Value);
        }

        var obj = new JsonObject();
        foreach (var child in element.Elements())
        {
            obj.ContainsKey(child.Name.LocalName).ShouldBeFalse($"<{child.Name}> repeated in <{element.Name}>");
            obj[System.Xml.XmlConvert.DecodeName(child.Name.LocalName)] = FromXml(child);
        }

        return obj;
    }

    /// <summary>JSON leaves as text, as XML gives them; the JSON types themselves are checked by the tests that care.</summary>
    private static JsonNode? Normalise(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Normalise(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Normalise)]),
        JsonValue v => JsonValue.Create(v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()),
        _ => null,
    };
}
