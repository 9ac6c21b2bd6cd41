using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>
/// The contract-test checklist of open311.md §10, each point in XML and in JSON. The tests that store no request share
/// one app (<see cref="Services"/>); those that store requests start their own, as their ids are part of the contract.
/// </summary>
public sealed partial class Open311ContractTests(Open311ContractTests.Services shared) : IClassFixture<Open311ContractTests.Services>
{
    private const string Y = Open311Client.Yaizu;

    /// <summary>The app with the default services of 焼津市 and 藤枝市, and no request.</summary>
    public sealed class Services : IAsyncLifetime
    {
        public AppFactory App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App = await AppFactory.CreateAsync();
            await Open311Client.SeedServicesAsync(App.Database);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private (AppFactory App, Open311Client Client) Shared(string format) => (shared.App, new Open311Client(shared.App.Client(), format));

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task discovery_has_every_required_field(string format)
    {
        var client = Shared(format).Client;

        var response = await client.GetAsync("discovery");

        response.Status.ShouldBe(HttpStatusCode.OK);
        var d = response.Body!.AsObject();
        foreach (var field in new[] { "changeset", "contact", "key_service", "endpoints" })
        {
            d.ContainsKey(field).ShouldBeTrue(field);
        }

        var endpoint = d["endpoints"]!.AsArray().Single()!.AsObject();
        endpoint["specification"]!.GetValue<string>().ShouldBe("http://wiki.open311.org/GeoReport_v2");
        endpoint["url"]!.GetValue<string>().ShouldEndWith("/open311/v2");
        endpoint["type"]!.GetValue<string>().ShouldBe("production");
        endpoint["changeset"]!.GetValue<string>().ShouldBe(d["changeset"]!.GetValue<string>());
        endpoint["formats"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["text/xml", "application/json"]);
        if (format == "xml")
        {
            response.Raw.ShouldStartWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            response.ContentType.ShouldBe("text/xml; charset=utf-8");
        }
        else
        {
            response.ContentType.ShouldBe("application/json; charset=utf-8");
            JsonNode.Parse(response.Raw).ShouldBeOfType<JsonObject>();
        }
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task service_list_parses_with_string_codes_and_json_array_root(string format)
    {
        var client = Shared(format).Client;

        var response = await client.GetAsync($"services?jurisdiction_id={Y}");

        response.Status.ShouldBe(HttpStatusCode.OK);
        var services = response.Body!.AsArray();
        services.Select(s => s!["service_code"]!.GetValue<string>()).ShouldBe(["101", "102", "103", "201", "301", "901"]);
        services[0]!["service_name"]!.GetValue<string>().ShouldBe("道路の穴・陥没");
        services[0]!["group"]!.GetValue<string>().ShouldBe("道路");
        services[0]!["metadata"]!.GetValue<string>().ShouldBe("true");
        services[5]!["metadata"]!.GetValue<string>().ShouldBe("false");
        services.ShouldAllBe(s => s!["type"]!.GetValue<string>() == "realtime");
        if (format == "json")
        {
            var raw = JsonNode.Parse(response.Raw)!.AsArray();
            raw.ShouldAllBe(s => s!["service_code"]!.GetValueKind() == System.Text.Json.JsonValueKind.String);
            raw.ShouldAllBe(s => s!["metadata"]!.GetValueKind() != System.Text.Json.JsonValueKind.String);
        }
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task every_service_with_metadata_has_a_valid_definition(string format)
    {
        var client = Shared(format).Client;
        var services = (await client.GetAsync($"services?jurisdiction_id={Y}")).Body!.AsArray();

        foreach (var service in services.Where(s => s!["metadata"]!.GetValue<string>() == "true"))
        {
            var code = service!["service_code"]!.GetValue<string>();
            var response = await client.GetAsync($"services/{code}?jurisdiction_id={Y}");
            response.Status.ShouldBe(HttpStatusCode.OK);
            var definition = response.Body!.AsObject();
            definition["service_code"]!.GetValue<string>().ShouldBe(code);
            var attributes = definition["attributes"]!.AsArray();
            attributes.ShouldNotBeEmpty();
            attributes.Select(a => a!["order"]!.GetValue<string>()).ShouldBeUnique();
            foreach (var a in attributes)
            {
                new[] { "string", "number", "datetime", "text", "singlevaluelist", "multivaluelist" }.ShouldContain(a!["datatype"]!.GetValue<string>());
                a["variable"]!.GetValue<string>().ShouldBeOneOf("true", "false");
                a["required"]!.GetValue<string>().ShouldBeOneOf("true", "false");
                int.Parse(a["order"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
                if (a["datatype"]!.GetValue<string>().EndsWith("valuelist", StringComparison.Ordinal))
                {
                    a["values"]!.AsArray().ShouldAllBe(v => v!["key"] != null && v["name"] != null);
                }
            }
        }

        var damage = (await client.GetAsync($"services/201?jurisdiction_id={Y}")).Body!["attributes"]!.AsArray()[0]!;
        damage["code"]!.GetValue<string>().ShouldBe("damage");
        damage["datatype"]!.GetValue<string>().ShouldBe("multivaluelist");
        damage["values"]!.AsArray()[0]!["name"]!.GetValue<string>().ShouldBe("路面の段差");
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task post_needs_an_api_key_and_returns_exactly_one_of_id_or_token(string format)
    {
        var (app, client) = await Open311Client.CreateAsync(format);
        await using var _ = app;
        var key = await app.CreateTokenAsync(Y, TenantRole.Editor);
        var fields = Open311Samples.Pothole(Y);

        var without = await client.PostAsync("requests", fields);
        without.Status.ShouldBe(HttpStatusCode.Forbidden);
        Error(without).Code.ShouldBe("403");

        var wrong = await client.PostAsync("requests", [.. fields, new("api_key", "il_222127_0000000000000000_" + new string('0', 64))]);
        wrong.Status.ShouldBe(HttpStatusCode.Forbidden);

        var created = await client.PostAsync("requests", [.. fields, new("api_key", key)]);
        created.Status.ShouldBe(HttpStatusCode.OK, created.Raw);
        var request = created.Body!.AsArray().Single()!.AsObject();
        request.ContainsKey("service_request_id").ShouldBeTrue();
        request.ContainsKey("token").ShouldBeFalse();
        request["service_notice"]!.GetValue<string>().ShouldBe("道路課が担当します。7日以内の対応を目標にしています。");

        // A batch service answers with a token, which /tokens/{token} exchanges for the id.
        await using (var db = app.Database.Context(Y, actor: "test-setup"))
        {
            var service = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.ReportServices, s => s.Code == "901");
            service.Batch = true;
            await db.SaveChangesAsync();
        }

        var batch = await client.PostAsync("requests", [new("jurisdiction_id", Y), new("service_code", "901"), new("address_string", "焼津市本町2丁目"),
            new("description", "歩道のタイルがはがれています。"), new("api_key", key)]);
        var queued = batch.Body!.AsArray().Single()!.AsObject();
        queued.ContainsKey("service_request_id").ShouldBeFalse();
        var token = queued["token"]!.GetValue<string>();
        var exchanged = await client.GetAsync($"tokens/{token}?jurisdiction_id={Y}");
        exchanged.Status.ShouldBe(HttpStatusCode.OK);
        exchanged.Body!.AsArray().Single()!["service_request_id"]!.GetValue<string>().ShouldBe("2");
        exchanged.Body!.AsArray().Single()!["token"]!.GetValue<string>().ShouldBe(token);
        (await client.GetAsync($"tokens/nosuchtoken?jurisdiction_id={Y}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task get_by_id_and_the_list_filters_by_status_service_and_dates(string format)
    {
        var (app, client) = await Open311Client.CreateAsync(format);
        await using var _ = app;
        var now = DateTime.UtcNow;
        await Open311Samples.InsertAsync(app.Database, Y, [
            (1, "101", now.AddDays(-1), Core.Reports.ReportStatus.Received),
            (2, "102", now.AddDays(-10), Core.Reports.ReportStatus.Fixed),
            (3, "101", now.AddDays(-100), Core.Reports.ReportStatus.Received),
            (4, "301", now.AddDays(-20), Core.Reports.ReportStatus.InProgress),
        ]);

        Ids(await client.GetAsync($"requests?jurisdiction_id={Y}")).ShouldBe(["1", "2", "4"]); // last 90 days by default
        Ids(await client.GetAsync($"requests?jurisdiction_id={Y}&status=open")).ShouldBe(["1", "4"]);
        Ids(await client.GetAsync($"requests?jurisdiction_id={Y}&status=closed")).ShouldBe(["2"]);
        Ids(await client.GetAsync($"requests?jurisdiction_id={Y}&status=open,closed")).ShouldBe(["1", "2", "4"]);
        Ids(await client.GetAsync($"requests?jurisdiction_id={Y}&service_code=101,301")).ShouldBe(["1", "4"]);
        var start = Uri.EscapeDataString(Core.Reports.Open311Query.Format(now.AddDays(-110)));
        var end = Uri.EscapeDataString(Core.Reports.Open311Query.Format(now.AddDays(-30)));
        Ids(await client.GetAsync($"requests?jurisdiction_id={Y}&start_date={start}&end_date={end}")).ShouldBe(["3"]);
        Ids(await client.GetAsync($"requests?jurisdiction_id={Y}&service_request_id=3,2&status=open")).ShouldBe(["2", "3"]); // overrides the rest

        var single = await client.GetAsync($"requests/3?jurisdiction_id={Y}");
        single.Status.ShouldBe(HttpStatusCode.OK);
        single.Body!.AsArray().Single()!["status"]!.GetValue<string>().ShouldBe("open");
        Ids(await client.GetAsync($"request/3?jurisdiction_id={Y}")).ShouldBe(["3"]);

        var tooLong = await client.GetAsync($"requests?jurisdiction_id={Y}&start_date=2026-01-01T00:00:00%2B09:00&end_date=2026-05-01T00:00:00%2B09:00");
        tooLong.Status.ShouldBe(HttpStatusCode.BadRequest);
        Error(tooLong).Description.ShouldContain("90日以内");
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task the_list_stops_at_1000_and_pages_on_request(string format)
    {
        var (app, client) = await Open311Client.CreateAsync(format);
        await using var _ = app;
        var now = DateTime.UtcNow;
        await Open311Samples.InsertAsync(app.Database, Y,
            [.. Enumerable.Range(1, 1005).Select(i => ((long)i, "101", now.AddMinutes(-i), Core.Reports.ReportStatus.Received))]);

        var all = Ids(await client.GetAsync($"requests?jurisdiction_id={Y}"));
        all.Count.ShouldBe(1000);
        all[0].ShouldBe("1");
        all[^1].ShouldBe("1000");

        var page = await client.GetAsync($"requests?jurisdiction_id={Y}&page=3&page_size=500");
        Ids(page).ShouldBe(["1001", "1002", "1003", "1004", "1005"]);
        (await client.GetAsync($"requests?jurisdiction_id={Y}&page_size=1001")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task errors_have_code_and_description_with_400_403_and_404(string format)
    {
        var (app, client) = Shared(format);
        var key = await app.CreateTokenAsync(Y, TenantRole.Editor);

        var cases = new (Task<Open311Client.Response> Call, HttpStatusCode Status, string Says)[]
        {
            (client.GetAsync("services"), HttpStatusCode.BadRequest, "jurisdiction_id"),
            (client.GetAsync("services?jurisdiction_id=999999"), HttpStatusCode.BadRequest, "jurisdiction_id"),
            (client.GetAsync("services?jurisdiction_id=011011"), HttpStatusCode.NotFound, "jurisdiction_id"),
            (client.GetAsync($"services/999?jurisdiction_id={Y}"), HttpStatusCode.NotFound, "999"),
            (client.GetAsync($"requests/424242?jurisdiction_id={Y}"), HttpStatusCode.NotFound, "424242"),
            (client.GetAsync($"requests?jurisdiction_id={Y}&status=pending"), HttpStatusCode.BadRequest, "pending"),
            (client.GetAsync($"requests?jurisdiction_id={Y}&start_date=yesterday"), HttpStatusCode.BadRequest, "start_date"),
            (client.GetAsync($"requests?jurisdiction_id={Y}&api_key=nonsense"), HttpStatusCode.Forbidden, "api_key"),
            (client.PostAsync("requests", [new("jurisdiction_id", Y), new("service_code", "999"), new("lat", "34.87"), new("long", "138.32"), new("description", "x"), new("api_key", key)]), HttpStatusCode.NotFound, "999"),
            (client.PostAsync("requests", [new("jurisdiction_id", Y), new("api_key", key)]), HttpStatusCode.BadRequest, "service_code"),
            (client.PostAsync("requests", [new("jurisdiction_id", Y), new("service_code", "901"), new("description", "場所がない"), new("api_key", key)]), HttpStatusCode.BadRequest, "場所"),
            (client.PostAsync("requests", [new("jurisdiction_id", Y), new("service_code", "101"), new("lat", "34.87"), new("long", "138.32"), new("description", "穴"), new("api_key", key)]), HttpStatusCode.BadRequest, "損傷の種類"),
        };
        foreach (var (call, status, says) in cases)
        {
            var response = await call;
            response.Status.ShouldBe(status, response.Raw);
            var error = Error(response);
            error.Code.ShouldBe(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
            error.Description.ShouldContain(says);
        }
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task every_datetime_carries_the_japan_offset(string format)
    {
        var (app, client) = await Open311Client.CreateAsync(format);
        await using var _ = app;
        var key = await app.CreateTokenAsync(Y, TenantRole.Editor);
        await client.PostAsync("requests", [.. Open311Samples.Pothole(Y), new("api_key", key)]);
        await Open311Client.PublishAllAsync(app.Database, Y);

        var response = await client.GetAsync($"requests?jurisdiction_id={Y}&extensions=true");
        var request = response.Body!.AsArray().Single()!.AsObject();
        var stamps = new[] { "requested_datetime", "updated_datetime", "expected_datetime" }.Select(f => request[f]!.GetValue<string>())
            .Concat(request["notes"]!.AsArray().Select(n => n!["datetime"]!.GetValue<string>()))
            .Append((await client.GetAsync("discovery")).Body!["changeset"]!.GetValue<string>()).ToList();
        stamps.Count.ShouldBe(5);
        stamps.ShouldAllBe(s => W3cJst().IsMatch(s));
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task an_empty_parameter_is_the_same_as_an_absent_one(string format)
    {
        var (app, client) = await Open311Client.CreateAsync(format);
        await using var _ = app;
        var now = DateTime.UtcNow;
        await Open311Samples.InsertAsync(app.Database, Y, [(1, "101", now.AddDays(-1), Core.Reports.ReportStatus.Received), (2, "102", now.AddDays(-2), Core.Reports.ReportStatus.Fixed)]);

        var absent = await client.GetAsync($"requests?jurisdiction_id={Y}");
        var empty = await client.GetAsync($"requests?jurisdiction_id={Y}&service_request_id=&service_code=&start_date=&end_date=&status=&page=&page_size=&lat=&long=&radius=&updated_after=&extensions=");
        empty.Status.ShouldBe(HttpStatusCode.OK);
        empty.Raw.ShouldBe(absent.Raw);
        (await client.GetAsync($"services?jurisdiction_id={Y}&api_key=")).Raw.ShouldBe((await client.GetAsync($"services?jurisdiction_id={Y}")).Raw);
    }

    internal static List<string> Ids(Open311Client.Response response)
    {
        response.Status.ShouldBe(HttpStatusCode.OK, response.Raw);
        return [.. response.Body!.AsArray().Select(r => r!["service_request_id"]!.GetValue<string>())];
    }

    internal static (string Code, string Description) Error(Open311Client.Response response)
    {
        var error = response.Body!.AsArray().First()!;
        return (error["code"]!.GetValue<string>(), error["description"]!.GetValue<string>());
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$")]
    private static partial Regex W3cJst();
}
