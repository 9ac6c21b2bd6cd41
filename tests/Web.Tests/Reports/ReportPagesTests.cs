using System.Net;
using System.Text.Json;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Reports;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>
/// The residents' form and status page, the staff queue, detail and service admin over HTTP: what is written, what is
/// refused, what the public never sees, and 藤枝市's reports invisible and untouchable for 焼津市's staff.
/// </summary>
public sealed partial class ReportPagesTests(ReportPagesTests.Seed seed) : IClassFixture<ReportPagesTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient yaizuAdmin = seed.YaizuAdmin;
    private readonly HttpClient yaizuViewer = seed.YaizuViewer;
    private readonly HttpClient fujiedaEditor = seed.FujiedaEditor;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient YaizuAdmin { get; private set; } = null!;

        public HttpClient YaizuViewer { get; private set; } = null!;

        public HttpClient FujiedaEditor { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            app.Settings["Reports:RateLimit:AnonymousPerWindow"] = "1000";
            YaizuAdmin = await app.SignedInClientAsync("admin@yaizu.example.jp", await app.CreateUserAsync("admin@yaizu.example.jp", Yaizu, TenantRole.Admin));
            YaizuViewer = await app.SignedInClientAsync("viewer@yaizu.example.jp", await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer));
            FujiedaEditor = await app.SignedInClientAsync("editor@fujieda.example.jp", await app.CreateUserAsync("editor@fujieda.example.jp", Fujieda, TenantRole.Editor));
            await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
            {
                await Services.AddDefaultsAsync(db, DateTime.UtcNow, default);
            }

            await using var other = app.Database.Context(Fujieda, actor: "test-setup");
            await Services.AddDefaultsAsync(other, DateTime.UtcNow, default);
            for (var i = 0; i < 3; i++)
            {
                (await ResidentReports.SubmitAsync(other, Submission("101", "藤枝の秘密の通報", email: "fujieda@example.jp", lat: "34.8673", lng: "138.2577"), DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
            }
        }
    }

    internal static Submission Submission(string service, string description, string? email = null, string? lat = "34.867", string? lng = "138.32") =>
        new(service, lat, lng, null, null, null, description,
            service == "101" ? new Dictionary<string, IReadOnlyList<string>> { ["damage"] = ["pothole"], ["danger"] = ["high"] } : new Dictionary<string, IReadOnlyList<string>>(),
            [], new Submission.Reporter(email, "054-000-0000", "太郎", "焼津", null, null), "web", []);

    private static Dictionary<string, string> Form(string description = "交差点の手前に穴があります。") => new()
    {
        ["service_code"] = "101", ["lat"] = "34.8671", ["long"] = "138.3202", ["q-101-damage"] = "pothole", ["q-101-danger"] = "high",
        ["q-101-size"] = "30", ["description"] = description, ["last_name"] = "焼津", ["first_name"] = "花子",
        ["email"] = "hanako@example.jp", ["phone"] = "090-1234-5678",
    };

    private async Task<int> CountAsync(string tenant = Yaizu)
    {
        await using var db = app.Database.Context(tenant);
        return await db.ResidentReports.CountAsync();
    }

    private async Task<long> SubmitAsync(string description, string? email = null)
    {
        await using var db = app.Database.Context(Yaizu, actor: "test-setup");
        var saved = await ResidentReports.SubmitAsync(db, Submission("101", description, email), DateTime.UtcNow, default);
        saved.IsSuccess.ShouldBeTrue(saved.Error?.Message);
        (await Workflow.PublishAsync(db, saved.Value.Id, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue(); // as staff do before it is public
        return saved.Value.Id;
    }

    [Fact]
    public async Task the_form_posts_and_redirects_to_the_status_page_with_the_reference_number()
    {
        var resident = app.Client();
        var page = await resident.GetStringAsync("/222127/report");
        page.ShouldContain("地図を使わずに住所・目印で伝える");
        page.ShouldContain("<optgroup label=\"道路\">");
        page.ShouldContain("name=\"q-201-damage\" value=\"railing\""); // a multivaluelist as checkboxes

        var posted = await AppFactory.PostFormAsync(resident, "/222127/report", Form());

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        posted.Headers.Location!.ToString().ShouldStartWith("/222127/report/1?key=");
        var status = await resident.GetStringAsync("/222127/report/1");
        status.ShouldContain("受付番号は 1 です");
        status.ShouldContain("道路の穴・陥没");
        status.ShouldContain("受付");
        status.ShouldContain("この通報の内容は、担当課が確かめてから公開します。"); // as the form says (ADR 0014)
        status.ShouldNotContain("穴（ポットホール）");
        await Open311Client.PublishAllAsync(app.Database, Yaizu);
        (await resident.GetStringAsync("/222127/report/1")).ShouldContain("穴（ポットホール）");
        await using var db = app.Database.Context(Yaizu);
        var report = await db.ResidentReports.SingleAsync();
        (report.Email, report.Channel, report.Section, report.Latitude).ShouldBe(("hanako@example.jp", "web", "道路課", 34.8671));
    }

    [Fact]
    public async Task a_report_given_by_address_only_is_received()
    {
        var fields = Form();
        (fields["lat"], fields["long"], fields["address_string"]) = ("", "", "本町2丁目の郵便局前");
        var posted = await AppFactory.PostFormAsync(app.Client(), "/222127/report", fields);

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.Database.Context(Yaizu);
        (await db.ResidentReports.SingleAsync()).Address.ShouldBe("本町2丁目の郵便局前");
    }

    [Theory]
    [InlineData("location", "場所を教えてください。地図をクリックしてピンを置くか")]
    [InlineData("spam", "この内容は受け付けられません（同じ文字「あ」が20回以上続いています）。")]
    [InlineData("empty", "通報の種類を選んでください")]
    [InlineData("question", "「損傷の種類」に答えてください")]
    public async Task a_refused_report_is_shown_with_its_message_next_to_the_field_and_nothing_is_written(string kind, string message)
    {
        var fields = Form();
        switch (kind)
        {
            case "location":
                (fields["lat"], fields["long"]) = ("", "");
                break;
            case "spam":
                fields["description"] = new string('あ', 25);
                break;
            case "empty":
                fields.Clear();
                break;
            default:
                fields.Remove("q-101-damage");
                break;
        }

        var posted = await AppFactory.PostFormAsync(app.Client(), "/222127/report", fields);

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await posted.Content.ReadAsStringAsync();
        page.ShouldContain("class=\"error-summary\"");
        page.ShouldContain("-error\" class=\"field-error\">" + message);
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_refused_photo_is_shown_next_to_the_photo_field_and_nothing_is_written()
    {
        var client = app.Client();
        var form = await client.GetStringAsync("/222127/report");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in Form())
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken");
        content.Add(new ByteArrayContent("not an image"u8.ToArray()), "Photos", "note.txt");

        var posted = await client.PostAsync("/222127/report", content);

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await posted.Content.ReadAsStringAsync()).ShouldContain("id=\"Photos-error\" class=\"field-error\"");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_phone_photo_is_stored_and_served_without_its_gps_and_camera_data()
    {
        var photo = Core.Tests.Reports.PhotoFixtures.PhoneJpeg();
        Photos.ReadGps(photo).ShouldNotBeNull();
        Photos.ReadExifTags(photo).ShouldContain("Make");
        var client = app.Client();
        var form = await client.GetStringAsync("/222127/report");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in Form())
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken");
        content.Add(new ByteArrayContent(photo), "Photos", "IMG_0001.jpg");

        var posted = await client.PostAsync("/222127/report", content);

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        long id;
        await using (var db = app.Database.Context(Yaizu))
        {
            var stored = await db.ReportPhotos.SingleAsync();
            id = stored.ReportId;
            Photos.ReadGps(stored.Content).ShouldBeNull();
            Photos.ReadExifTags(stored.Content).ShouldBe(["Orientation"]);
        }

        (await client.GetAsync($"/222127/report/{id}/photos/1")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not yet published
        await Open311Client.PublishAllAsync(app.Database, Yaizu);
        (await client.GetStringAsync($"/222127/report/{id}")).ShouldContain($"/222127/report/{id}/photos/1");
        var served = await client.GetAsync($"/222127/report/{id}/photos/1");
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Photos.ReadGps(bytes).ShouldBeNull();
        Core.Tests.Reports.PhotoFixtures.Contains(bytes, "InfraCam"u8.ToArray()).ShouldBeFalse();
        Core.Tests.Reports.PhotoFixtures.Contains(bytes, "Exif"u8.ToArray()).ShouldBeTrue(); // the Orientation-only EXIF
    }

    [Fact]
    public async Task the_honeypot_refuses_the_post()
    {
        var fields = Form();
        fields["website"] = "http://spam.example";

        var posted = await AppFactory.PostFormAsync(app.Client(), "/222127/report", fields);

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await posted.Content.ReadAsStringAsync()).ShouldContain("送信を受け付けられませんでした");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task nearby_open_reports_of_the_same_service_are_suggested_as_json()
    {
        var id = await SubmitAsync("近くの穴");
        var resident = app.Client();

        var near = JsonDocument.Parse(await resident.GetStringAsync("/222127/report?handler=Nearby&service=101&lat=34.8672&long=138.3201")).RootElement;
        var far = JsonDocument.Parse(await resident.GetStringAsync("/222127/report?handler=Nearby&service=101&lat=34.90&long=138.32")).RootElement;
        var otherService = JsonDocument.Parse(await resident.GetStringAsync("/222127/report?handler=Nearby&service=301&lat=34.867&long=138.32")).RootElement;

        near.GetProperty("radius").GetInt32().ShouldBe(50);
        var suggested = near.GetProperty("reports").EnumerateArray().Single();
        suggested.GetProperty("id").GetInt64().ShouldBe(id);
        suggested.GetProperty("url").GetString().ShouldBe($"/222127/report/{id}");
        suggested.GetProperty("status").GetString().ShouldBe("受付");
        far.GetProperty("reports").GetArrayLength().ShouldBe(0);
        otherService.GetProperty("reports").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task the_status_page_never_contains_the_reporters_contact_details()
    {
        var id = await SubmitAsync("歩道の段差", email: "secret-reporter@example.jp");

        var page = await app.Client().GetStringAsync($"/222127/report/{id}");

        page.ShouldContain("歩道の段差");
        page.ShouldNotContain("secret-reporter@example.jp");
        page.ShouldNotContain("054-000-0000");
        page.ShouldNotContain("太郎");
        var staff = await yaizuViewer.GetStringAsync($"/222127/reports/{id}");
        staff.ShouldContain("secret-reporter@example.jp");
        staff.ShouldContain("054-000-0000");
    }

    [Fact]
    public async Task report_text_is_encoded_never_rendered_as_html()
    {
        var id = await SubmitAsync("<script>alert(1)</script>穴");

        var page = await app.Client().GetStringAsync($"/222127/report/{id}");

        page.ShouldNotContain("<script>alert(1)");
        page.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;穴");
    }

    [Fact]
    public async Task a_hidden_report_shows_no_description_or_photo_and_a_hidden_photo_is_not_served()
    {
        var id = await SubmitAsync("車のナンバー 静岡 500 あ 12-34 の横に穴");
        await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
        {
            db.ReportPhotos.Add(new ReportPhoto { TenantId = Yaizu, ReportId = id, Number = 1, ContentType = "image/png", Content = [0x89, 0x50, 0x4e, 0x47], Width = 1, Height = 1 });
            await db.SaveChangesAsync();
            (await Workflow.SetHiddenAsync(db, id, true, "ナンバーが写っている", DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
        }

        var resident = app.Client();
        var hidden = await resident.GetStringAsync($"/222127/report/{id}");
        hidden.ShouldContain($"受付番号 {id}");
        hidden.ShouldNotContain("車のナンバー");
        hidden.ShouldNotContain("/photos/1");
        hidden.ShouldNotContain("ナンバーが写っている"); // the reason is internal
        (await resident.GetAsync($"/222127/report/{id}/photos/1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await yaizuViewer.GetAsync($"/222127/reports/{id}/photos/1")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
        {
            (await Workflow.SetHiddenAsync(db, id, false, null, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
        }

        var shown = await resident.GetAsync($"/222127/report/{id}/photos/1");
        shown.StatusCode.ShouldBe(HttpStatusCode.OK);
        shown.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        shown.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await resident.GetStringAsync($"/222127/report/{id}")).ShouldContain($"/222127/report/{id}/photos/1");

        await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
        {
            (await Workflow.SetPhotoHiddenAsync(db, id, 1, true, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
        }

        (await resident.GetAsync($"/222127/report/{id}/photos/1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await resident.GetStringAsync($"/222127/report/{id}")).ShouldNotContain("/photos/1");
    }
}
