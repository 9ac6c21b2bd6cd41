using System.Net;
using System.Text.RegularExpressions;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Reports;
using InfraLedger.Web.Pages.Reports;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>
/// Issue 22 items 4 and 5 over HTTP: the form's errors all at once (Japanese and English), the English switch, the
/// reporter's link and 「直りましたか？」, the public list and CSV, and the response templates — with 藤枝市's data
/// invisible and untouchable from 焼津市 (and the other way round).
/// </summary>
public sealed partial class ResidentPagesTests(ResidentPagesTests.Seed seed) : IClassFixture<ResidentPagesTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient yaizuEditor = seed.YaizuEditor;
    private readonly HttpClient yaizuViewer = seed.YaizuViewer;
    private readonly HttpClient fujiedaEditor = seed.FujiedaEditor;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient YaizuEditor { get; private set; } = null!;

        public HttpClient YaizuViewer { get; private set; } = null!;

        public HttpClient FujiedaEditor { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            app.Settings["Reports:RateLimit:AnonymousPerWindow"] = "1000";
            app.Settings["Mail:SiteUrl"] = "https://infra.example.lg.jp";
            YaizuEditor = await app.SignedInClientAsync("editor@yaizu.example.jp", await app.CreateUserAsync("editor@yaizu.example.jp", Yaizu, TenantRole.Editor));
            YaizuViewer = await app.SignedInClientAsync("viewer@yaizu.example.jp", await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer));
            FujiedaEditor = await app.SignedInClientAsync("editor@fujieda.example.jp", await app.CreateUserAsync("editor@fujieda.example.jp", Fujieda, TenantRole.Editor));
            foreach (var tenant in new[] { Yaizu, Fujieda })
            {
                await using var db = app.Database.Context(tenant, actor: "test-setup");
                await Services.AddDefaultsAsync(db, DateTime.UtcNow, default);
            }

            await using var other = app.Database.Context(Fujieda, actor: "test-setup");
            var theirs = (await ResidentReports.SubmitAsync(other, ReportPagesTests.Submission("101", "藤枝の秘密の通報", email: "fujieda@example.jp", lat: "34.8673", lng: "138.2577"), DateTime.UtcNow, default)).Value.Id;
            (await Workflow.PublishAsync(other, theirs, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue(); // on 藤枝市's public list
            await ResponseTemplates.SaveAsync(other, null, "101", "藤枝の定型文", "藤枝市からの返答です。", DateTime.UtcNow, default);
        }
    }

    private static Dictionary<string, string> Form(string description = "交差点の手前に穴があります。") => new()
    {
        ["service_code"] = "101", ["lat"] = "34.8671", ["long"] = "138.3202", ["q-101-damage"] = "pothole", ["q-101-danger"] = "high",
        ["description"] = description, ["email"] = "hanako@example.jp",
    };

    private static List<(string Href, string Text)> SummaryLinks(string page)
    {
        var start = page.IndexOf("id=\"error-summary\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "the error summary");
        var summary = page[start..page.IndexOf("</div>", start, StringComparison.Ordinal)];
        return [.. SummaryLink().Matches(summary).Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))];
    }

    [Fact]
    public async Task every_mistake_is_listed_at_once_linked_to_its_field_in_residents_words()
    {
        var fields = Form(new string('あ', 25));
        (fields["lat"], fields["long"], fields["email"]) = ("", "", "hanako@");
        fields.Remove("q-101-damage");

        var posted = await AppFactory.PostFormAsync(app.Client(), "/222127/report", fields);

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await posted.Content.ReadAsStringAsync();
        page.ShouldContain("入力内容を確認してください（4件）");
        SummaryLinks(page).Select(l => l.Href).ShouldBe(["#location", "#description", "#q-101-damage", "#email"]);
        foreach (var id in new[] { "location", "description", "q-101-damage", "email" })
        {
            page.ShouldContain($"id=\"{id}-error\" class=\"field-error\"");
        }

        var words = string.Join("\n", SummaryLinks(page).Select(l => l.Text));
        words.ShouldNotContain("lat");
        words.ShouldNotContain("address_string");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task the_english_form_says_everything_in_english_and_keeps_english_to_the_status_page()
    {
        var client = app.Client();
        var form = await client.GetStringAsync("/222127/report?lang=en");
        form.ShouldContain("<html lang=\"en\">");
        form.ShouldContain("Report a problem with a road, bridge or park");
        form.ShouldContain("href=\"/222127/report\" lang=\"ja\" hreflang=\"ja\""); // the switch back, in its own language
        var japanese = await client.GetStringAsync("/222127/report");
        japanese.ShouldContain("<html lang=\"ja\">");
        japanese.ShouldContain("href=\"/222127/report?lang=en\" lang=\"en\"");

        var bad = Form();
        (bad["lat"], bad["long"], bad["lang"]) = ("", "", "en");
        var refused = await (await AppFactory.PostFormAsync(client, "/222127/report", bad, formPage: "/222127/report?lang=en")).Content.ReadAsStringAsync();
        refused.ShouldContain("Please check what you entered (1)");
        SummaryLinks(refused).ShouldBe([("#location", "Tell us where it is: click the map to place a pin, or write an address or landmark in the box.")]);

        var good = Form("There is a deep pothole.");
        good["lang"] = "en";
        var sent = await AppFactory.PostFormAsync(client, "/222127/report", good, formPage: "/222127/report?lang=en");

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = sent.Headers.Location!.ToString();
        location.ShouldMatch("^/222127/report/[0-9]+\\?key=[0-9a-f]{24}&lang=en$");
        var status = await client.GetStringAsync(location);
        status.ShouldContain("<html lang=\"en\">");
        status.ShouldContain("Its reference number is");
        status.ShouldContain("Progress so far (Japan time)");
        await using var db = app.Database.Context(Yaizu);
        (await db.ResidentReports.SingleAsync()).Language.ShouldBe("en");
    }

    [Fact]
    public void every_text_of_the_residents_pages_is_in_both_languages()
    {
        foreach (var (key, (ja, en)) in ReportText.All)
        {
            ja.ShouldNotBeNullOrWhiteSpace(key);
            en.ShouldNotBeNullOrWhiteSpace(key);
            Regex.Count(ja, "\\{[0-9]\\}").ShouldBe(Regex.Count(en, "\\{[0-9]\\}"), key);
            if (key is not ("lang.switch" or "lang.switch.label")) // the switch back to Japanese is written in Japanese
            {
                en.ShouldNotMatch("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsCJKUnifiedIdeographs}]", key);
            }
        }
    }

    [Fact]
    public async Task the_holder_of_the_link_answers_is_it_fixed_and_no_reopens_the_report_others_cannot()
    {
        var client = app.Client();
        var sent = await AppFactory.PostFormAsync(client, "/222127/report", Form());
        var holder = sent.Headers.Location!.ToString();
        var id = long.Parse(ReportId().Match(holder).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
        {
            await ResponseTemplates.SaveAsync(db, null, "101", "補修完了", "舗装を補修しました。", DateTime.UtcNow, default);
        }

        // Staff close it, picking the response template.
        var templateId = TemplateOption().Match(await yaizuEditor.GetStringAsync($"/222127/reports/{id}")).Groups[1].Value;
        var closed = await AppFactory.PostFormAsync(yaizuEditor, $"/222127/reports/{id}?handler=Status", new() { ["newStatus"] = "Fixed", ["statusNotes"] = "", ["template"] = templateId });
        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var asked = await client.GetStringAsync(holder);
        asked.ShouldContain("直りましたか？");
        asked.ShouldContain("舗装を補修しました。");
        asked.ShouldContain("受付</span>");
        (await client.GetStringAsync($"/222127/report/{id}")).ShouldNotContain("name=\"answer\""); // without the key: no question

        // Without the key (a valid antiforgery token from the public page): refused, nothing changes.
        var stranger = await AppFactory.PostFormAsync(app.Client(), $"/222127/report/{id}?handler=Answer", new() { ["answer"] = "no", ["key"] = "0123456789abcdef01234567" }, formPage: "/222127/report");
        stranger.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var otherTenant = await AppFactory.PostFormAsync(app.Client(), $"/222143/report/{id}?handler=Answer", new() { ["answer"] = "no", ["key"] = KeyOf(holder) }, formPage: "/222143/report");
        otherTenant.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        await using (var db = app.Database.Context(Yaizu))
        {
            (await db.ResidentReports.SingleAsync(r => r.Id == id)).Status.ShouldBe(ReportStatus.Fixed);
        }

        var answered = await AppFactory.PostFormAsync(client, $"/222127/report/{id}?handler=Answer", new() { ["answer"] = "no", ["key"] = KeyOf(holder) }, formPage: holder);

        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetStringAsync(holder);
        after.ShouldContain("「直っていない」とのお答えをいただき、対応を再開しました。");
        after.ShouldMatch("(?s)受付</span>.*完了</span>.*対応中</span>", "the steps: 受付 → 完了 → 対応中");
        await using var check = app.Database.Context(Yaizu);
        (await check.ResidentReports.SingleAsync(r => r.Id == id)).Status.ShouldBe(ReportStatus.InProgress);
        (await check.ReportNotes.CountAsync(n => n.ReportId == id && n.Type == Confirmation.ReopenedType)).ShouldBe(1);
    }

    [Fact]
    public async Task the_public_list_and_its_csv_show_the_bodys_published_reports_and_nobodys_details()
    {
        var client = app.Client();
        var shown = await AppFactory.PostFormAsync(client, "/222127/report", Form("焼津の公開の通報"));
        var hidden = await AppFactory.PostFormAsync(client, "/222127/report", Form("焼津の非公開の通報"));
        await AppFactory.PostFormAsync(client, "/222127/report", Form("焼津の未確認の通報"));
        await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
        {
            // Staff publish two (ADR 0014) and hide one of them again; the third is never published.
            long Id(HttpResponseMessage sent) => long.Parse(ReportId().Match(sent.Headers.Location!.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            (await Workflow.PublishAsync(db, Id(shown), DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
            (await Workflow.PublishAsync(db, Id(hidden), DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
            (await Workflow.SetHiddenAsync(db, Id(hidden), true, null, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
        }

        var list = await client.GetStringAsync("/222127/report/list");
        var bytes = await client.GetByteArrayAsync("/222127/report/list.csv");
        var csv = System.Text.Encoding.UTF8.GetString(bytes);
        var points = await client.GetStringAsync("/222127/report/list.geojson");
        var theirs = await client.GetStringAsync("/222143/report/list.csv");

        list.ShouldContain("焼津の公開の通報");
        csv.ShouldContain("焼津の公開の通報");
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }); // UTF-8 with a BOM, for Excel
        csv.ShouldContain("受付番号,受付日時（日本時間）,種類,状態,更新日時（日本時間）,場所,緯度,経度,内容");
        points.ShouldContain("\"kindCode\":\"Report\"");
        foreach (var text in new[] { list, csv, points })
        {
            text.ShouldNotContain("非公開の通報");
            text.ShouldNotContain("未確認の通報");
            text.ShouldNotContain("藤枝の秘密の通報");
            text.ShouldNotContain("hanako@example.jp");
        }

        theirs.ShouldContain("藤枝の秘密の通報");
        theirs.ShouldNotContain("焼津の公開の通報");
        (await client.GetStringAsync("/222127/report")).ShouldContain("href=\"/222127/report/list\""); // reachable from the form
    }

    [Fact]
    public async Task staff_keep_response_templates_of_their_own_tenant_only()
    {
        var page = await yaizuEditor.GetStringAsync("/222127/reports/templates");
        page.ShouldNotContain("藤枝の定型文");
        var saved = await AppFactory.PostFormAsync(yaizuEditor, "/222127/reports/templates?handler=Save",
            new() { ["Input.ServiceCode"] = "101", ["Input.Title"] = "確認します", ["Input.Text"] = "現地を確認します。" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await AppFactory.PostFormAsync(yaizuEditor, "/222127/reports/templates?handler=Save",
            new() { ["Input.ServiceCode"] = "", ["Input.Title"] = "", ["Input.Text"] = "x" });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("名前を1〜100文字で入力してください。");

        (await yaizuViewer.GetStringAsync("/222127/reports/templates")).ShouldContain("確認します");
        var viewerPost = await AppFactory.PostFormAsync(yaizuViewer, "/222127/reports/templates?handler=Save",
            new() { ["Input.Title"] = "閲覧者", ["Input.Text"] = "x" }, formPage: "/account/login");
        viewerPost.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // 藤枝市's editor: 404 on 焼津市's page, its POSTs and its templates' ids; 焼津市's staff cannot reach 藤枝市's template.
        (await fujiedaEditor.GetAsync("/222127/reports/templates")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var other = await AppFactory.PostFormAsync(fujiedaEditor, "/222127/reports/templates?handler=Delete&id=1", [], formPage: "/account/login");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var fujieda = app.Database.Context(Fujieda);
        var theirs = await fujieda.ResponseTemplates.SingleAsync();
        (await yaizuEditor.GetAsync($"/222127/reports/templates?edit={theirs.Id + 100}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var yaizu = app.Database.Context(Yaizu, actor: "test-setup");
        var ours = (await ResidentReports.SubmitAsync(yaizu, ReportPagesTests.Submission("101", "焼津の通報"), DateTime.UtcNow, default)).Value.Id;
        var detail = await yaizuEditor.GetStringAsync($"/222127/reports/{ours}");
        detail.ShouldContain(">確認します</option>");
        detail.ShouldNotContain("藤枝の定型文");
        (await yaizu.ResponseTemplates.CountAsync()).ShouldBe(1);
        (await fujieda.ResponseTemplates.CountAsync()).ShouldBe(1);
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.Database.Context(Yaizu);
        return await db.ResidentReports.CountAsync();
    }

    private static string KeyOf(string holderLink) => WebUtility.UrlDecode(HolderKey().Match(holderLink).Groups[1].Value);

    [GeneratedRegex("<a href=\"(#[^\"]+)\">([^<]+)</a>")]
    private static partial Regex SummaryLink();

    [GeneratedRegex("/report/([0-9]+)")]
    private static partial Regex ReportId();

    [GeneratedRegex("key=([0-9a-f]+)")]
    private static partial Regex HolderKey();

    [GeneratedRegex("<option value=\"([0-9]+)\">補修完了</option>")]
    private static partial Regex TemplateOption();
}
