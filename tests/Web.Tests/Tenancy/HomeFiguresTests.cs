using System.Net;
using System.Text.RegularExpressions;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Register;
using InfraLedger.Core.Reports;
using InfraLedger.Web.Tests.Register;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Tenancy;

/// <summary>
/// The tenant home's figures (issue 21, item 2): each equals the length of the list it links to, counts only the
/// tenant's own rows, and the lists' filters refuse nonsense with a Japanese message instead of a 5xx.
/// </summary>
public sealed partial class HomeFiguresTests(HomeFiguresTests.Seed seed) : IClassFixture<HomeFiguresTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient yaizu = seed.YaizuClient;
    private readonly HttpClient fujieda = seed.FujiedaClient;

    /// <summary>Today in Japan, the day the to-do rules count from; the seed's dates are relative to it.</summary>
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient YaizuClient { get; private set; } = null!;

        public HttpClient FujiedaClient { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            YaizuClient = await app.SignedInClientAsync("viewer@yaizu.example.jp", await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer));
            FujiedaClient = await app.SignedInClientAsync("viewer@fujieda.example.jp", await app.CreateUserAsync("viewer@fujieda.example.jp", Fujieda, TenantRole.Viewer));
            await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
            {
                // Graded III/IV and in service: BR-A (III, no work), BR-B (IV, repaired since), BR-C (III, repaired only
                // before that inspection), BR-G (its deck III, no whole-bridge record, no work): 措置未着手 A, C, G; rate 1/4.
                // BR-X is III but closed (廃止): neither counted nor due. BR-D (II, six years ago), BR-E (never inspected) and
                // TN-1 (exactly five years ago) are due; TN-2 (five years ago less a day) and the building B-1 are not.
                await Bridge(db, "BR-A", AssetKind.Bridge, (Today.AddYears(-1), null, "III"));
                await Bridge(db, "BR-B", AssetKind.Bridge, (Today.AddYears(-1), null, "IV"));
                await Bridge(db, "BR-C", AssetKind.Bridge, (Today.AddYears(-2), null, "III"));
                await Bridge(db, "BR-G", AssetKind.Bridge, (Today.AddYears(-1), "床版", "III"), (Today.AddYears(-1), "主桁", "II"));
                await Bridge(db, "BR-D", AssetKind.Bridge, (Today.AddYears(-6), null, "II"));
                await Bridge(db, "BR-E", AssetKind.Bridge);
                await Bridge(db, "TN-1", AssetKind.Tunnel, (Today.AddYears(-5), null, "I"));
                await Bridge(db, "TN-2", AssetKind.Tunnel, (Today.AddYears(-5).AddDays(1), null, "I"));
                var closed = RegisterSeed.Facility(Yaizu, "BR-X", "廃止した橋");
                (closed.Kind, closed.Status) = (AssetKind.Bridge, FacilityStatus.Closed);
                await RegisterSeed.SaveAsync(db, closed);
                (await Core.Inspections.InspectionRecords.RecordAsync(db, new("BR-X", null, Date(Today.AddYears(-1)), null, "III", null, null, null), Today, default)).IsSuccess.ShouldBeTrue();
                await RegisterSeed.SaveAsync(db, RegisterSeed.Facility(Yaizu, "B-1", "焼津公民館"));
                await Work(db, "BR-B", Today.AddMonths(-6));
                await Work(db, "BR-C", Today.AddYears(-3));
                await RegisterSeed.SaveAsync(db, RegisterSeed.Asset(Yaizu, "19001-1", "焼津公民館 建物", "B-1"));

                // Reports: 102 expects an answer within 7 days. Open: #1 (received 30 days ago: overdue), #2 (today), #4 (in
                // progress, 30 days ago: overdue); #3 fixed. Open 3, overdue 2.
                await Services.AddDefaultsAsync(db, DateTime.UtcNow, default);
                (await db.ReportServices.SingleAsync(s => s.Code == "102")).ExpectedDays = 7;
                await db.SaveChangesAsync();
                var old = DateTime.UtcNow.AddDays(-30);
                await Report(db, "古い通報", old);
                await Report(db, "今日の通報", DateTime.UtcNow);
                var fixedOne = await Report(db, "直した通報", old);
                (await Workflow.SetStatusAsync(db, fixedOne, ReportStatus.Fixed, "補修しました。", DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
                var busy = await Report(db, "対応中の通報", old);
                (await Workflow.SetStatusAsync(db, busy, ReportStatus.InProgress, null, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
            }

            // 藤枝市: one III bridge without a measure, one overdue report; none of it may reach 焼津市's figures or lists.
            await using var other = app.Database.Context(Fujieda, actor: "test-setup");
            await Bridge(other, "FB-1", AssetKind.Bridge, (Today.AddYears(-1), null, "III"));
            await Services.AddDefaultsAsync(other, DateTime.UtcNow, default);
            (await other.ReportServices.SingleAsync(s => s.Code == "102")).ExpectedDays = 7;
            await other.SaveChangesAsync();
            await Report(other, "藤枝の通報", DateTime.UtcNow.AddDays(-30));
        }
    }

    [Theory]
    [InlineData("unmeasured", "/222127/inspections?todo=unmeasured", 3)]
    [InlineData("due", "/222127/inspections?due=1", 3)]
    [InlineData("reports-open", "/222127/reports?state=open", 3)]
    [InlineData("reports-overdue", "/222127/reports?overdue=1", 2)]
    [InlineData("facilities", "/222127/facilities", 10)]
    [InlineData("assets", "/222127/assets", 1)]
    public async Task each_home_figure_links_to_a_list_of_exactly_that_many_rows(string figure, string list, int expected)
    {
        var home = await yaizu.GetStringAsync("/222127");
        var (href, value) = Figure(home, figure);

        href.ShouldBe(list);
        value.ShouldBe(expected);
        var page = await yaizu.GetStringAsync(href);
        ListRows(page, figure).ShouldBe(expected, $"rows of {href}");
        page.ShouldNotContain("藤枝");
        page.ShouldNotContain("FB-1");
    }

    [Fact]
    public async Task the_unmeasured_list_names_the_facilities_and_the_home_gives_the_measure_start_rate()
    {
        var home = await yaizu.GetStringAsync("/222127");
        home.ShouldContain("措置着手率 25.0%（III・IV の 4 施設のうち 1 施設が点検後に措置）");

        var rows = TableRows(await yaizu.GetStringAsync("/222127/inspections?todo=unmeasured"), "todo-list").Select(r => r[0]).ToList();
        rows.ShouldBe(["BR-A", "BR-C", "BR-G"]);
        var due = TableRows(await yaizu.GetStringAsync("/222127/inspections?due=1"), "todo-list").Select(r => r[0]).ToList();
        due.ShouldBe(["BR-E", "BR-D", "TN-1"]); // never inspected first, then the oldest
    }

    [Fact]
    public async Task the_aging_ratio_on_the_home_is_the_indicators_page_figure_of_the_same_year()
    {
        var home = await yaizu.GetStringAsync("/222127");
        var link = AgingRatioLink().Match(home);
        link.Success.ShouldBeTrue("no aging-ratio figure linked to the indicators page");
        var indicators = await yaizu.GetStringAsync(WebUtility.HtmlDecode(link.Groups["href"].Value));
        var total = TableRows(indicators, "table-ratio").First(r => r[0] == "全体");

        link.Groups["value"].Value.ShouldBe(total[^1] + "%");
    }

    [Fact]
    public async Task another_tenant_sees_only_its_own_figures_and_cannot_open_ours()
    {
        var theirs = await fujieda.GetStringAsync("/222143");
        Figure(theirs, "unmeasured").Value.ShouldBe(1);
        Figure(theirs, "reports-overdue").Value.ShouldBe(1);
        Figure(theirs, "facilities").Value.ShouldBe(1);

        foreach (var path in new[] { "/222127", "/222127/inspections?todo=unmeasured", "/222127/inspections?due=1", "/222127/reports?state=open", "/222127/reports?overdue=1" })
        {
            (await fujieda.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }
    }

    [Theory]
    [InlineData("/222127/inspections?todo=everything", "絞り込み「todo=everything」は使えません")]
    [InlineData("/222127/inspections?due=soon", "絞り込み「due=soon」は使えません")]
    [InlineData("/222127/reports?state=lost", "絞り込み「state=lost」は使えません")]
    [InlineData("/222127/reports?overdue=%3Cb%3E", "絞り込み「overdue=&lt;b&gt;」は使えません")]
    [InlineData("/222127/reports?state=99", "絞り込み「state=99」は使えません")]
    public async Task a_bad_filter_value_is_named_in_japanese_and_the_list_is_shown_unfiltered(string path, string message)
    {
        var response = await yaizu.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain(message);
        page.ShouldNotContain("<b>");
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task Bridge(Core.Database.AppDbContext db, string code, AssetKind kind, params (DateOnly On, string? Member, string Grade)[] inspections)
    {
        var f = RegisterSeed.Facility(db.Scope.TenantId!, code, code + "の橋");
        f.Kind = kind;
        await RegisterSeed.SaveAsync(db, f);
        foreach (var (on, member, grade) in inspections)
        {
            var saved = await Core.Inspections.InspectionRecords.RecordAsync(db, new(code, member, Date(on), null, grade, null, null, null), Today, default);
            saved.IsSuccess.ShouldBeTrue(saved.Error?.Message);
        }
    }

    private static async Task Work(Core.Database.AppDbContext db, string code, DateOnly on) =>
        (await Core.Inspections.InspectionRecords.RecordWorkAsync(db, new(code, null, Date(on), "補修", "I", "1000000"), Today, default)).IsSuccess.ShouldBeTrue();

    private static async Task<long> Report(Core.Database.AppDbContext db, string description, DateTime at)
    {
        // A pin in the tenant's own area (ADR 0028): by 焼津市役所, or by 藤枝市役所.
        var (lat, lng) = db.Scope.TenantId == "222143" ? ("34.8673", "138.2577") : ("34.867", "138.32");
        var submitted = await ResidentReports.SubmitAsync(db, new Submission("102", lat, lng, null, null, null, description,
            new Dictionary<string, IReadOnlyList<string>> { ["damage"] = ["bent"], ["danger"] = ["medium"] }, [], new Submission.Reporter(null, null, null, null, null, null), "web", []), at, default);
        submitted.IsSuccess.ShouldBeTrue(submitted.Error?.Message);
        return submitted.Value.Id;
    }

    /// <summary>The link and the number of a home figure (<c>data-figure</c>).</summary>
    private static (string Href, int Value) Figure(string page, string name)
    {
        var m = Regex.Match(page, $"<a href=\"(?<href>[^\"]+)\" data-figure=\"{name}\">.*?<span class=\"figure-value\">(?<value>[^<]+)</span>", RegexOptions.Singleline);
        m.Success.ShouldBeTrue($"no figure {name}");
        return (WebUtility.HtmlDecode(m.Groups["href"].Value), int.Parse(m.Groups["value"].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>How many rows the list behind a figure shows.</summary>
    private static int ListRows(string page, string figure) => figure switch
    {
        "unmeasured" or "due" => TableRows(page, "todo-list").Count,
        "reports-open" or "reports-overdue" => TableRows(page, "table-reports").Count,
        // The register lists: one link per row to the entry's own page (the lists' markup belongs to another feature).
        "facilities" => EntryLinks(page, "/222127/facilities/"),
        "assets" => EntryLinks(page, "/222127/assets/"),
        _ => throw new ArgumentOutOfRangeException(nameof(figure)),
    };

    private static int EntryLinks(string page, string prefix) =>
        Regex.Matches(page, $"href=\"{Regex.Escape(prefix)}([^\"/?]+)\"").Select(m => m.Groups[1].Value)
            .Where(k => k is not ("new" or "map" or "export")).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The text of each body row's cells of the table with this id.</summary>
    internal static List<string[]> TableRows(string page, string id)
    {
        var table = Regex.Match(page, $"<table id=\"{id}\"[^>]*>.*?<tbody>(?<body>.*?)</tbody>", RegexOptions.Singleline);
        table.Success.ShouldBeTrue($"no table {id}");
        return [.. Regex.Matches(table.Groups["body"].Value, "<tr>(.*?)</tr>", RegexOptions.Singleline)
            .Select(r => Regex.Matches(r.Groups[1].Value, "<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)
                .Select(c => WebUtility.HtmlDecode(Regex.Replace(c.Groups[1].Value, "<[^>]+>", "")).Trim()).ToArray())];
    }

    [GeneratedRegex("<a href=\"(?<href>[^\"]+)\" data-figure=\"aging-ratio\">.*?<span class=\"figure-value\">(?<value>[^<]+)</span>", RegexOptions.Singleline)]
    private static partial Regex AgingRatioLink();
}
