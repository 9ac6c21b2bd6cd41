using System.Net;
using AngleSharp.Html.Parser;
using InfraLedger.Core.Help;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Planning;
using InfraLedger.Core.Projection;
using InfraLedger.Core.Register.Import;
using InfraLedger.Web.Tests.Register;
using InfraLedger.Tests;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Help;

/// <summary>
/// The help pages (issue 21 item 6): every page answers with an h1 and nothing from another host; every import template
/// downloads as CSV (UTF-8 with a BOM) and XLSX and its sample rows are accepted by the importer it is for.
/// </summary>
public sealed class HelpPagesTests(HelpPagesTests.SignedIn shared) : IClassFixture<HelpPagesTests.SignedIn>
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private readonly AppFactory app = shared.App;
    private readonly HttpClient viewer = shared.Viewer;

    /// <summary>One app for the class (the tests only read it; the templates are imported into databases of their own) and a viewer of 焼津市.</summary>
    public sealed class SignedIn : IAsyncLifetime
    {
        public AppFactory App { get; private set; } = null!;

        public HttpClient Viewer { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App = await AppFactory.CreateAsync();
            Viewer = await App.SignedInClientAsync("viewer@yaizu.example.jp", await App.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer));
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    public static TheoryData<string> Pages() =>
        ["/222127/help", "/222127/help/glossary", .. HelpTopics.All.Select(t => $"/222127/help/{t.Id}")];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task every_help_page_has_an_h1_and_no_outside_host(string path)
    {
        var response = await viewer.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);
        page.QuerySelectorAll("h1").Length.ShouldBe(1);
        foreach (var url in page.QuerySelectorAll("[src], [href]").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!))
        {
            url.ShouldNotStartWith("http", Case.Insensitive, $"{path} links to another host: {url}");
            url.ShouldNotStartWith("//");
        }
    }

    [Fact]
    public async Task each_feature_page_links_to_its_help()
    {
        var editor = await app.SignedInClientAsync("editor@yaizu.example.jp", await app.CreateUserAsync("editor@yaizu.example.jp", Yaizu, TenantRole.Admin));
        foreach (var (page, topic) in new[] { ("/222127/import", "import"), ("/222127/projection", "projection"), ("/222127/plans", "planning"), ("/222127/opendata", "opendata"), ("/222127/indicators", "indicators") })
        {
            var html = await editor.GetStringAsync(page);
            html.ShouldContain($"href=\"/222127/help/{topic}\"", customMessage: page);
        }
    }

    [Fact]
    public async Task help_is_for_the_tenants_staff_only()
    {
        var other = await app.SignedInClientAsync("viewer@fujieda.example.jp", await app.CreateUserAsync("viewer@fujieda.example.jp", Fujieda, TenantRole.Viewer));
        (await other.GetAsync("/222127/help")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await other.GetAsync("/222127/help/templates/facilities.csv")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await app.Client().GetAsync("/222127/help")).StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        (await viewer.GetAsync("/222127/help/nothing")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await viewer.GetAsync("/222127/help/templates/nothing.csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await viewer.GetAsync("/222127/help/templates/facilities.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string> Templates()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in ImportTemplates.All)
        {
            data.Add(template.Id, "csv");
            data.Add(template.Id, "xlsx");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task each_template_downloads_and_its_importer_accepts_the_sample_rows(string id, string format)
    {
        var response = await viewer.GetAsync($"/222127/help/templates/{id}.{format}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "csv")
        {
            bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "UTF-8 with a BOM");
        }
        else
        {
            bytes.Take(2).ShouldBe("PK"u8.ToArray());
        }

        // Each template in a database of its own, so that the facilities the samples refer to exist and nothing else does.
        await using var database = await TestDatabase.CreateAsync();
        await using (var seed = database.Context(Yaizu, actor: "test-setup"))
        {
            await RegisterSeed.SaveAsync(seed, RegisterSeed.Facility(Yaizu, "B-001", "中央公民館"), RegisterSeed.Facility(Yaizu, "BR-001", "本町橋"));
        }

        await using var db = database.Context(Yaizu, actor: "test-import");
        var name = $"{id}.{format}";
        var file = new MemoryStream(bytes);
        var template = ImportTemplates.Find(id)!;
        var rows = template.Samples.Count;
        switch (id)
        {
            case "facilities" or "assets":
                var target = id == "facilities" ? ImportTarget.Facilities : ImportTarget.Assets;
                var register = await RegisterImport.RunAsync(db, file, name, new RegisterImport.Options(target, Commit: true) { AllowOverwrite = true }, null, DateTime.UtcNow, default);
                register.IsSuccess.ShouldBeTrue(register.Error?.Message);
                register.Value.Problems.ShouldBeEmpty(string.Join(" / ", register.Value.Problems.Select(p => $"{p.At} {p.Value} {p.Reason}")));
                (register.Value.Committed, register.Value.Rows).ShouldBe((true, (long)rows));
                break;
            case "inspections" or "works":
                var today = new DateOnly(2026, 4, 1);
                var inspections = id == "inspections"
                    ? await InspectionRecords.ImportAsync(db, file, name, today, default)
                    : await InspectionRecords.ImportWorksAsync(db, file, name, today, default);
                inspections.IsSuccess.ShouldBeTrue(inspections.Error?.Message);
                inspections.Value.Problems.ShouldBeEmpty(string.Join(" / ", inspections.Value.Problems.Select(p => $"{p.At} {p.Value} {p.Reason}")));
                inspections.Value.Added.ShouldBe(rows);
                break;
            case "consequences":
                var consequences = await Consequences.ImportAsync(db, file, name, commit: true, default);
                consequences.IsSuccess.ShouldBeTrue(consequences.Error?.Message);
                consequences.Value.Problems.ShouldBeEmpty(string.Join(" / ", consequences.Value.Problems.Select(p => $"{p.At} {p.Value} {p.Reason}")));
                consequences.Value.Written.ShouldBeTrue();
                break;
            case "investments" or "populations":
                var merged = id == "investments"
                    ? await RecentInvestments.ImportAsync(db, file, name, commit: true, default)
                    : await Populations.ImportAsync(db, file, name, commit: true, default);
                merged.IsSuccess.ShouldBeTrue(merged.Error?.Message);
                merged.Value.Problems.ShouldBeEmpty(string.Join(" / ", merged.Value.Problems.Select(p => $"{p.At} {p.Value} {p.Reason}")));
                (merged.Value.Committed, merged.Value.Rows).ShouldBe((true, (long)rows));
                break;
            default:
                throw new InvalidOperationException($"no importer check for the template {id}: add one");
        }
    }
}
