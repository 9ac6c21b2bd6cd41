using System.Net;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Reports;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>
/// Reports reach the body responsible (issue 22 item 3, ADR 0028): a pin in another body's area is refused in residents'
/// words naming that body (form and Open311), and staff forward 管轄外 reports to another tenant, each tenant's staff
/// seeing only what they should. Places: the town halls of 焼津市 and 藤枝市, Tokyo Station, the sea off 焼津.
/// One app for the class: every test writes reports of its own and reads them back by their numbers.
/// </summary>
public sealed class ReportRoutingTests(ReportRoutingTests.Seed seed) : IClassFixture<ReportRoutingTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127", Fujieda = "222143", Shimada = "222097", Shizuoka = "220001";
    private const string FujiedaLat = "34.8673", FujiedaLong = "138.2577";

    private readonly AppFactory app = seed.App;
    private readonly HttpClient yaizuEditor = seed.YaizuEditor;
    private readonly HttpClient yaizuViewer = seed.YaizuViewer;
    private readonly HttpClient yaizuAdmin = seed.YaizuAdmin;
    private readonly HttpClient fujiedaEditor = seed.FujiedaEditor;
    private readonly HttpClient shimadaEditor = seed.ShimadaEditor;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient YaizuEditor { get; private set; } = null!;

        public HttpClient YaizuViewer { get; private set; } = null!;

        public HttpClient YaizuAdmin { get; private set; } = null!;

        public HttpClient FujiedaEditor { get; private set; } = null!;

        public HttpClient ShimadaEditor { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            app.Settings["Reports:RateLimit:AnonymousPerWindow"] = "1000";
            foreach (var tenant in new[] { Yaizu, Fujieda, Shimada, Shizuoka })
            {
                await using var db = app.Database.Context(tenant, actor: "test-setup");
                await Services.AddDefaultsAsync(db, DateTime.UtcNow, default);
            }

            async Task<HttpClient> SignedIn(string email, string tenant, TenantRole role) => await app.SignedInClientAsync(email, await app.CreateUserAsync(email, tenant, role));
            YaizuEditor = await SignedIn("editor@yaizu.example.jp", Yaizu, TenantRole.Editor);
            YaizuViewer = await SignedIn("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer);
            YaizuAdmin = await SignedIn("admin@yaizu.example.jp", Yaizu, TenantRole.Admin);
            FujiedaEditor = await SignedIn("editor@fujieda.example.jp", Fujieda, TenantRole.Editor);
            ShimadaEditor = await SignedIn("editor@shimada.example.jp", Shimada, TenantRole.Editor);
        }
    }

    private static Dictionary<string, string> Form(string lat, string lng) => new()
    {
        ["service_code"] = "901", ["lat"] = lat, ["long"] = lng, ["description"] = "側溝のふたが割れています。",
    };

    private async Task<long> ReportAsync(string tenant, string description, string lat = "34.86695", string lng = "138.32391", string service = "901")
    {
        await using var db = app.Database.Context(tenant, actor: "test-setup");
        var saved = await ResidentReports.SubmitAsync(db, new Submission(service, lat, lng, null, null, null, description, new Dictionary<string, IReadOnlyList<string>>(), [],
            new Submission.Reporter("reporter@example.jp", null, null, null, null, null), "web", []), DateTime.UtcNow, default);
        saved.IsSuccess.ShouldBeTrue(saved.Error?.Message);
        return saved.Value.Id;
    }

    private async Task<int> CountAsync(string tenant)
    {
        await using var db = app.Database.Context(tenant);
        return await db.ResidentReports.CountAsync();
    }

    [Fact]
    public async Task a_pin_in_the_neighbouring_city_is_refused_naming_it_with_a_link_to_its_form_that_keeps_the_pin()
    {
        var before = await CountAsync(Yaizu);

        var posted = await AppFactory.PostFormAsync(app.Client(), $"/{Yaizu}/report", Form(FujiedaLat, FujiedaLong));

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await posted.Content.ReadAsStringAsync();
        page.ShouldContain("地図の印の場所は静岡県藤枝市の区域で、焼津市の区域の外です。");
        page.ShouldContain($"href=\"/{Fujieda}/report?lat={FujiedaLat}&amp;long={FujiedaLong}\"");
        page.ShouldNotContain("lat と long"); // residents' words, no API field names
        (await CountAsync(Yaizu)).ShouldBe(before);

        var there = await app.Client().GetStringAsync($"/{Fujieda}/report?lat={FujiedaLat}&long={FujiedaLong}");
        there.ShouldContain($"id=\"lat\" name=\"lat\" value=\"{FujiedaLat}\"");
        there.ShouldContain($"id=\"long\" name=\"long\" value=\"{FujiedaLong}\"");
    }

    [Theory]
    [InlineData("35.6812", "139.7671", "地図の印の場所は東京都千代田区の区域で、焼津市の区域の外です。東京都千代田区にお問い合わせください。")]
    [InlineData("34.85", "138.40", "地図の印の場所は焼津市の区域の外で、どの市区町村の区域にも入っていません（海の上など）。")]
    public async Task a_place_of_a_body_that_takes_no_reports_here_or_of_none_is_said_plainly(string lat, string lng, string message)
    {
        var posted = await AppFactory.PostFormAsync(app.Client(), $"/{Yaizu}/report", Form(lat, lng));

        var page = await posted.Content.ReadAsStringAsync();
        page.ShouldContain(message);
        page.ShouldNotContain("id=\"location-elsewhere\"");
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task open311_post_outside_the_body_gets_a_400_in_the_open311_error_format(string format)
    {
        var client = new Open311Client(app.Client(), format);
        var key = await app.CreateTokenAsync(Yaizu, TenantRole.Editor);

        var refused = await client.PostAsync("requests", [new("jurisdiction_id", Yaizu), new("service_code", "901"), new("lat", FujiedaLat), new("long", FujiedaLong),
            new("description", "側溝"), new("api_key", key)]);

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        var error = Open311ContractTests.Error(refused);
        error.Code.ShouldBe("400");
        error.Description.ShouldStartWith("location: 地図の印の場所は静岡県藤枝市の区域で");
    }

    [Fact]
    public async Task a_forwarded_report_reaches_the_receiver_with_its_origin_and_the_sender_keeps_a_link_and_the_status_only()
    {
        var id = await ReportAsync(Yaizu, "県道の側溝のふたが割れています（転送テスト）");

        var forwarded = await AppFactory.PostFormAsync(yaizuEditor, $"/{Yaizu}/reports/{id}?handler=Forward",
            new() { ["forwardTo"] = Fujieda, ["forwardNote"] = "藤枝市の管理区間です。" }, formPage: $"/{Yaizu}/reports/{id}");

        forwarded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        long receivedId;
        await using (var db = app.Database.Context(Fujieda, actor: "test-setup"))
        {
            var received = await db.ResidentReports.SingleAsync(r => r.ForwardedFromTenantId == Yaizu && r.ForwardedFromReportId == id);
            (received.Description, received.Email, received.Status, received.PublishedAtUtc).ShouldBe(("県道の側溝のふたが割れています（転送テスト）", "reporter@example.jp", ReportStatus.Received, null));
            receivedId = received.Id;
            (await Workflow.AddNoteAsync(db, receivedId, "藤枝市の内部メモ：業者手配中", isPublic: false, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
            (await Workflow.SetStatusAsync(db, receivedId, ReportStatus.InProgress, null, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
        }

        var receiver = await fujiedaEditor.GetStringAsync($"/{Fujieda}/reports/{receivedId}");
        receiver.ShouldContain($"転送元: 焼津市（<a href=\"/{Yaizu}/report/{id}\">受付番号 {id}</a>）");
        var sender = await yaizuEditor.GetStringAsync($"/{Yaizu}/reports/{id}");
        sender.ShouldContain("転送済み");
        sender.ShouldContain($"<a href=\"/{Fujieda}/report/{receivedId}\">藤枝市の受付番号 {receivedId}</a>（現在の状態: 対応中");
        sender.ShouldNotContain("藤枝市の内部メモ");
        await using (var db = app.Database.Context(Yaizu))
        {
            var original = await db.ResidentReports.SingleAsync(r => r.Id == id);
            (original.Status, original.ForwardedToTenantId, original.ForwardedToReportId).ShouldBe((ReportStatus.NotResponsible, Fujieda, receivedId));
            (await db.AuditEvents.CountAsync(e => e.Actor.StartsWith("user:"))).ShouldBeGreaterThan(0);
        }

        await using (var db = app.Database.Context(Fujieda))
        {
            (await db.AuditEvents.AnyAsync(e => e.Actor.EndsWith("@" + Yaizu))).ShouldBeTrue(); // the receiver's chain records who sent it
        }

        // A third tenant sees nothing of either: 404 on both numbers' staff pages as they stand for it, nothing in its queue.
        (await shimadaEditor.GetAsync($"/{Yaizu}/reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await shimadaEditor.GetAsync($"/{Fujieda}/reports/{receivedId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await shimadaEditor.GetStringAsync($"/{Shimada}/reports")).ShouldNotContain("転送テスト");
        (await CountAsync(Shimada)).ShouldBe(0);

        // Open311: the sender's report names the body that now handles it.
        var open311 = new Open311Client(app.Client(), "json");
        var key = await app.CreateTokenAsync(Yaizu, TenantRole.Viewer);
        var got = await open311.GetAsync($"requests/{id}?jurisdiction_id={Yaizu}&api_key={Uri.EscapeDataString(key)}&extensions=true");
        var request = got.Body!.AsArray().Single()!;
        request["agency_responsible"]!.GetValue<string>().ShouldBe("藤枝市");
        request["extended_attributes"]!["forwarded_to"]!["jurisdiction_id"]!.GetValue<string>().ShouldBe(Fujieda);
        got.Raw.ShouldNotContain("reporter@example.jp");
    }

    [Fact]
    public async Task a_forward_by_a_viewer_to_a_non_tenant_to_itself_or_twice_is_refused_and_nothing_is_written()
    {
        var id = await ReportAsync(Yaizu, "転送の拒否テスト");
        var page = $"/{Yaizu}/reports/{id}";
        var fujiedaBefore = await CountAsync(Fujieda);

        (await AppFactory.PostFormAsync(yaizuViewer, page + "?handler=Forward", new() { ["forwardTo"] = Fujieda }, formPage: page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var ward = await AppFactory.PostFormAsync(yaizuEditor, page + "?handler=Forward", new() { ["forwardTo"] = "221015" }, formPage: page);
        (await ward.Content.ReadAsStringAsync()).ShouldContain("id=\"ForwardTo-error\" class=\"field-error\">転送先「221015」には転送できません");
        var self = await AppFactory.PostFormAsync(yaizuEditor, page + "?handler=Forward", new() { ["forwardTo"] = Yaizu }, formPage: page);
        (await self.Content.ReadAsStringAsync()).ShouldContain("自分の団体には転送できません");
        var unknown = await AppFactory.PostFormAsync(yaizuEditor, page + "?handler=Forward", new() { ["forwardTo"] = "999999" }, formPage: page);
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Another tenant's staff cannot forward a report that is not theirs (404, as for every page of another tenant).
        (await shimadaEditor.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await CountAsync(Fujieda)).ShouldBe(fujiedaBefore);
        await using (var db = app.Database.Context(Yaizu))
        {
            (await db.ResidentReports.SingleAsync(r => r.Id == id)).ForwardedToTenantId.ShouldBeNull();
        }

        (await AppFactory.PostFormAsync(yaizuEditor, page + "?handler=Forward", new() { ["forwardTo"] = Fujieda }, formPage: page)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
        {
            (await Forwarding.ForwardAsync(db, id, Shimada, null, DateTime.UtcNow, default)).Error!.Code.ShouldBe("reports.forwarded");
        }

        (await CountAsync(Fujieda)).ShouldBe(fujiedaBefore + 1);
    }

    [Fact]
    public async Task a_route_by_kind_sends_prefecture_reports_to_the_prefecture_on_receipt()
    {
        var saved = await AppFactory.PostFormAsync(yaizuAdmin, $"/{Yaizu}/reports/routes", new() { ["serviceCode"] = "102", ["target"] = Shizuoka });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await yaizuAdmin.GetStringAsync($"/{Yaizu}/reports/routes")).ShouldContain("静岡県（220001）");
        var refused = await AppFactory.PostFormAsync(yaizuAdmin, $"/{Yaizu}/reports/routes", new() { ["serviceCode"] = "103", ["target"] = "221015" });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("id=\"target-103-error\" class=\"field-error\">転送先「221015」には転送できません");
        (await yaizuEditor.GetAsync($"/{Yaizu}/reports/routes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // the tenant's admin sets routes

        await using var db = app.Database.Context(Yaizu, actor: "test-setup");
        var report = await ResidentReports.SubmitAsync(db, new Submission("102", "34.86695", "138.32391", null, null, null, "県道のガードレールが曲がっています（経路テスト）",
            new Dictionary<string, IReadOnlyList<string>> { ["damage"] = ["bent"], ["danger"] = ["medium"] }, [], Submission.Reporter.None, "web", []), DateTime.UtcNow, default);

        report.IsSuccess.ShouldBeTrue(report.Error?.Message);
        (report.Value.Status, report.Value.ForwardedToTenantId).ShouldBe((ReportStatus.NotResponsible, Shizuoka));
        await using var prefecture = app.Database.Context(Shizuoka);
        var received = await prefecture.ResidentReports.SingleAsync(r => r.ForwardedFromReportId == report.Value.Id);
        (received.ServiceCode, received.Description).ShouldBe(("102", "県道のガードレールが曲がっています（経路テスト）"));
        (await db.ResidentReports.Where(r => r.ServiceCode == "101").CountAsync(r => r.ForwardedToTenantId != null)).ShouldBe(0);
    }
}
