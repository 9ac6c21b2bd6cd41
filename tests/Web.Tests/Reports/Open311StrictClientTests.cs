using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;
using static InfraLedger.Web.Tests.Reports.Open311StrictClient;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>
/// The strict client over every Open311 route, in JSON and in XML (issue 22 item 6, ADR 0014): discovery, services,
/// a definition, POST (realtime and batch), tokens, the list and a single request (both spellings), status updates and an
/// error — each read into typed models that fail on a missing key or a wrong type. One app for the class; each format's
/// run posts reports of its own and reads them back by their numbers.
/// </summary>
public sealed class Open311StrictClientTests(Open311StrictClientTests.Fixture shared) : IClassFixture<Open311StrictClientTests.Fixture>
{
    private const string Y = Open311Client.Yaizu;

    public sealed class Fixture : IAsyncLifetime
    {
        public AppFactory App { get; private set; } = null!;

        public string Key { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App = await AppFactory.CreateAsync();
            await Open311Client.SeedServicesAsync(App.Database);
            await using var db = App.Database.Context(Y, actor: "test-setup");
            var batch = new Core.Reports.Services.Input("902", "まとめて受け付ける通報", null, "その他", null, "土木管理課", null, null, "0", Batch: true, IsActive: true, "95", null);
            (await Core.Reports.Services.SaveAsync(db, batch, isNew: true, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
            Key = await App.CreateTokenAsync(Y, TenantRole.Editor);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    /// <summary>A request as a client without extensions reads it: <c>address</c> is always there, null when unknown.</summary>
    public sealed record PlainRequest(
        [property: JsonPropertyName("service_request_id")] string ServiceRequestId, [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("address")] string? Address);

    private async Task<T> GetAsync<T>(string format, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await new Open311Client(shared.App.Client(), format).GetAsync(path);
        response.Status.ShouldBe(expected, response.Raw);
        return Read<T>(response.Raw, format);
    }

    private async Task<Posted> PostAsync(string format, params KeyValuePair<string, string>[] fields)
    {
        var response = await new Open311Client(shared.App.Client(), format).PostAsync("requests", [new("jurisdiction_id", Y), new("api_key", shared.Key), .. fields]);
        response.Status.ShouldBe(HttpStatusCode.OK, response.Raw);
        return Read<List<Posted>>(response.Raw, format).Single();
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task a_strict_client_parses_every_route(string format)
    {
        var discovery = await GetAsync<Discovery>(format, "discovery");
        discovery.Endpoints.Single().Formats.ShouldBe(["text/xml", "application/json"]);
        var services = await GetAsync<List<Service>>(format, $"services?jurisdiction_id={Y}");
        services.Select(s => s.ServiceCode).ShouldContain("902");
        var definition = await GetAsync<Definition>(format, $"services/201?jurisdiction_id={Y}");
        definition.Attributes.Select(a => a.Code).ShouldBe(["damage", "danger", "bridge"]);

        var bridge = await PostAsync(format, new("service_code", "201"), new("address_string", "焼津市大住 大住橋"), new("attribute[damage][]", "step"),
            new("attribute[damage][]", "railing"), new("attribute[danger]", "medium"), new("description", "橋の継ぎ目に段差があります。"));
        var pinned = await PostAsync(format, new("service_code", "901"), new("lat", "34.8671"), new("long", "138.3202"), new("description", "側溝のふたが割れています。"));
        var batch = await PostAsync(format, new("service_code", "902"), new("lat", "34.8671"), new("long", "138.3202"), new("description", "まとめての通報"));
        bridge.ServiceRequestId.ShouldNotBeNull();
        batch.ServiceRequestId.ShouldBeNull();
        batch.Token.ShouldNotBeNull();
        var exchanged = (await GetAsync<List<TokenAnswer>>(format, $"tokens/{batch.Token}?jurisdiction_id={Y}")).Single();
        exchanged.Token.ShouldBe(batch.Token);

        // Not yet published: not in the public list, and the single request is an Open311 error.
        var hidden = await GetAsync<List<ErrorItem>>(format, $"requests/{pinned.ServiceRequestId}?jurisdiction_id={Y}", HttpStatusCode.NotFound);
        hidden.Single().Code.ShouldBe("404");
        (await GetAsync<List<PlainRequest>>(format, $"requests?jurisdiction_id={Y}")).Select(r => r.ServiceRequestId).ShouldNotContain(pinned.ServiceRequestId!);

        await Open311Client.PublishAllAsync(shared.App.Database, Y);
        await using (var db = shared.App.Database.Context(Y, actor: "test-setup"))
        {
            (await Core.Reports.Workflow.SetStatusAsync(db, long.Parse(pinned.ServiceRequestId!, System.Globalization.CultureInfo.InvariantCulture),
                Core.Reports.ReportStatus.InProgress, "現地を確認しました。", DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
        }

        var list = await GetAsync<List<Request>>(format, $"requests?jurisdiction_id={Y}&extensions=true");
        var got = list.Single(r => r.ServiceRequestId == bridge.ServiceRequestId);
        got.Attributes.ShouldBe(new Dictionary<string, string> { ["damage"] = "step,railing", ["danger"] = "medium" });
        got.Address.ShouldBe("焼津市大住 大住橋");
        (got.Latitude, got.AgencyResponsible, got.DetailedStatus).ShouldBe((null, "土木課", "OPEN"));
        var withPin = (await GetAsync<List<Request>>(format, $"requests/{pinned.ServiceRequestId}?jurisdiction_id={Y}&extensions=true")).Single();
        (withPin.Address, withPin.Latitude, withPin.Longitude, withPin.Status).ShouldBe((null, 34.8671, 138.3202, "open"));
        withPin.Attributes.ShouldBeEmpty();
        withPin.Notes.Select(n => (n.Type, n.Summary)).ShouldBe([("opened", "受け付けました。"), ("status", "現地を確認しました。")]);
        (await GetAsync<List<Request>>(format, $"request/{pinned.ServiceRequestId}?jurisdiction_id={Y}&extensions=true")).Single().ServiceRequestId.ShouldBe(pinned.ServiceRequestId);
        (await GetAsync<List<PlainRequest>>(format, $"requests/{pinned.ServiceRequestId}?jurisdiction_id={Y}")).Single().Address.ShouldBeNull();

        var updates = await GetAsync<List<Update>>(format, $"servicerequestupdates?jurisdiction_id={Y}&api_key={Uri.EscapeDataString(shared.Key)}");
        updates.ShouldContain(u => u.ServiceRequestId == pinned.ServiceRequestId && u.Status == "IN_PROGRESS");
        var error = await GetAsync<List<ErrorItem>>(format, "services", HttpStatusCode.BadRequest);
        error.Single().Description.ShouldContain("jurisdiction_id");
    }

    [Theory]
    [InlineData("[{\"service_request_id\":\"1\",\"status\":\"open\",\"service_name\":\"x\",\"service_code\":\"1\",\"agency_responsible\":\"a\",\"requested_datetime\":\"t\",\"updated_datetime\":\"t\",\"detailed_status\":\"OPEN\",\"attributes\":[],\"notes\":[]}]")]
    [InlineData("[{\"service_request_id\":\"1\",\"status\":\"open\",\"service_name\":\"x\",\"service_code\":\"1\",\"agency_responsible\":\"a\",\"requested_datetime\":\"t\",\"updated_datetime\":\"t\",\"detailed_status\":\"OPEN\",\"attributes\":{},\"notes\":[]}]")]
    [InlineData("[{\"service_request_id\":1,\"status\":\"open\",\"service_name\":\"x\",\"service_code\":\"1\",\"agency_responsible\":\"a\",\"requested_datetime\":\"t\",\"updated_datetime\":\"t\",\"address\":null,\"detailed_status\":\"OPEN\",\"attributes\":{},\"notes\":[]}]")]
    public void the_strict_client_itself_refuses_a_list_of_attributes_a_missing_address_and_a_numeric_id(string body) =>
        Should.Throw<JsonException>(() => Read<List<Request>>(body, "json"));
}
