using System.Net;
using AngleSharp.Html.Parser;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tables;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Register;

/// <summary>施設カルテ (issue 21 item 3): the page, its print layout and its XLSX, for 焼津市 and refused to 藤枝市.</summary>
public sealed class FacilityRecordPageTests(FacilityRecordPageTests.Seed seed) : IClassFixture<FacilityRecordPageTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient viewer = seed.ViewerClient;
    private readonly HttpClient other = seed.Other;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient ViewerClient { get; private set; } = null!;

        public HttpClient Other { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            ViewerClient = await app.SignedInClientAsync("viewer@yaizu.example.jp", await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer));
            Other = await app.SignedInClientAsync("admin@fujieda.example.jp", await app.CreateUserAsync("admin@fujieda.example.jp", Fujieda, TenantRole.Admin));
            await using var db = app.Database.Context(Yaizu, actor: "test-setup");
            var school = RegisterSeed.Facility(Yaizu, "S-001", "焼津小学校", 34.86694444, 138.3230556);
            (school.UsageMajor, school.UsageMinor, school.Structure, school.Quantity, school.QuantityKind, school.YearBuilt) =
                ("学校教育系施設", "学校", "RC", 5000m, Core.Register.QuantityKind.FloorArea, 1998);
            await RegisterSeed.SaveAsync(db, school);
            // register-and-depreciation.md §6.1 (RC 学校 47 years) and §5 (取得価額 ÷ 耐用年数): 47,000,000 ÷ 47 = 1,000,000 a year,
            // acquired 1998-03-20 (FY1997), charged from FY1998 (翌年度から, the default): FY2025 end = 28 years → 28,000,000,
            // 帳簿価額 19,000,000. (The test register is entered with 異動日 2024-04-01, so it stands from FY2024 on.)
            var building = RegisterSeed.Asset(Yaizu, "K-1", "焼津小学校 校舎", "S-001", 47_000_000m);
            await RegisterSeed.SaveAsync(db, building);
            (await Core.Inspections.InspectionRecords.RecordAsync(db, new("S-001", null, "2023-06-01", "点検者A", "II", null, "外壁にひび割れ", null), new DateOnly(2025, 1, 1), default))
                .IsSuccess.ShouldBeTrue();
            (await Core.Inspections.InspectionRecords.RecordWorkAsync(db, new("S-001", null, "2024-03-01", "外壁補修", "I", "1200000"), new DateOnly(2025, 1, 1), default)).IsSuccess.ShouldBeTrue();

            // Residents' reports: about 100 m north of the school (nearby), about 1 km north and linked to it, about 1 km north and not.
            await Core.Reports.Services.AddDefaultsAsync(db, DateTime.UtcNow, default);
            foreach (var (latitude, text, link) in new[] { ("34.8678", "校門前のガードレール", false), ("34.8759", "通学路のガードレール", true), ("34.8760", "遠くのガードレール", false) })
            {
                var report = await Core.Reports.ResidentReports.SubmitAsync(db, new Core.Reports.Submission("102", latitude, "138.3230556", null, null, null, text,
                    new Dictionary<string, IReadOnlyList<string>> { ["damage"] = ["bent"], ["danger"] = ["medium"] }, [],
                    new Core.Reports.Submission.Reporter("resident@example.jp", null, "花子", "焼津", null, null), "web", []), DateTime.UtcNow, default);
                report.IsSuccess.ShouldBeTrue(report.Error?.Message);
                if (link)
                {
                    (await Core.Reports.Workflow.LinkFacilityAsync(db, report.Value.Id, "S-001", DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
                }
            }
        }
    }

    [Fact]
    public async Task the_karte_shows_every_section_with_the_book_values_of_the_year()
    {
        var page = new HtmlParser().ParseDocument(await viewer.GetStringAsync("/222127/facilities/S-001?year=2025"));

        foreach (var id in new[] { "karte-map", "karte-fields", "karte-assets", "karte-inspections", "karte-works", "karte-reports", "karte-renewal", "karte-history" })
        {
            page.GetElementById(id).ShouldNotBeNull(id);
        }

        var row = page.QuerySelector("table.karte-assets tbody tr")!.TextContent;
        row.ShouldContain("47,000,000");
        row.ShouldContain("28,000,000");
        row.ShouldContain("19,000,000");
        page.GetElementById("karte-inspections")!.TextContent.ShouldContain("外壁にひび割れ");
        page.GetElementById("karte-works")!.TextContent.ShouldContain("外壁補修");
        var reports = page.GetElementById("karte-reports")!;
        reports.TextContent.ShouldContain("半径200m以内");
        var rows = reports.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain("通学路のガードレール"); // linked first
        rows[0].ShouldContain("この施設の通報");
        rows[1].ShouldContain("校門前のガードレール");
        rows[1].ShouldContain("半径200m以内");
        // 0.000856° of latitude north ≈ 95 m (haversine, mean earth radius).
        reports.QuerySelectorAll("tbody tr")[1].QuerySelectorAll("td")[^1].TextContent.Trim().ShouldBe("95");
        page.GetElementById("karte-renewal")!.QuerySelector("tfoot")!.TextContent.ShouldContain("計");
        page.QuerySelector("#facility-map")!.GetAttribute("data-kind").ShouldBe("Building");
        page.QuerySelector(".map-no-tiles")!.TextContent.ShouldContain("背景地図は設定されていません");
        page.QuerySelector(".map-legend")!.TextContent.ShouldContain("建物");
        page.QuerySelector("a[href='/222127/facilities/S-001/print?year=2025']").ShouldNotBeNull();
    }

    [Fact]
    public async Task its_book_values_equal_the_indicators_drill_down_for_the_same_facility_and_year()
    {
        var karte = new HtmlParser().ParseDocument(await viewer.GetStringAsync("/222127/facilities/S-001?year=2025"));
        var indicators = new HtmlParser().ParseDocument(await viewer.GetStringAsync("/222127/indicators/assets?year=2025&facility=S-001"));

        var karteCells = karte.QuerySelector("table.karte-assets tbody tr")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        var table = indicators.QuerySelectorAll("table").Single(t => t.TextContent.Contains("帳簿価額", StringComparison.Ordinal));
        var headers = table.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        var cells = table.QuerySelector("tbody tr")!.Children.Select(c => c.TextContent.Trim()).ToList();
        foreach (var (header, index) in new[] { ("取得価額（円）", 4), ("減価償却累計額（円）", 5), ("帳簿価額（円）", 6) })
        {
            karteCells[index].ShouldBe(cells[headers.IndexOf(header)], header);
        }
    }

    [Fact]
    public async Task the_print_layout_and_the_xlsx_hold_the_same_record()
    {
        var print = new HtmlParser().ParseDocument(await viewer.GetStringAsync("/222127/facilities/S-001/print?year=2025"));
        print.QuerySelector(".karte-print")!.TextContent.ShouldContain("19,000,000");
        print.QuerySelector("link[href^='/css/karte.css']").ShouldNotBeNull();
        print.QuerySelectorAll(".karte-print form").Length.ShouldBe(0);

        var xlsx = await viewer.GetAsync("/222127/facilities/S-001/record.xlsx?year=2025");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var stream = await xlsx.Content.ReadAsStreamAsync();
        var sheets = TableFile.ReadAll(stream, "karte.xlsx").Value;
        sheets.Select(s => s.Sheet).ShouldBe(["施設", "資産", "点検", "工事・補修", "住民通報", "更新費用", "履歴"]);
        var assets = sheets.Single(s => s.Sheet == "資産");
        var first = assets.Rows.First();
        first.Cells[assets.Headers.ToList().IndexOf("帳簿価額（円）")].ShouldBe("19000000");
    }

    [Fact]
    public async Task a_bad_year_is_refused_on_the_page_in_japanese()
    {
        var response = await viewer.GetAsync("/222127/facilities/S-001?year=1700");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("#year_error")!.TextContent.ShouldContain("1700");
        (await viewer.GetAsync("/222127/facilities/S-001/record.xlsx?year=1700")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task another_tenants_facility_is_404_on_the_karte_the_print_and_the_xlsx()
    {
        foreach (var path in new[] { "/222127/facilities/S-001", "/222127/facilities/S-001/print", "/222127/facilities/S-001/record.xlsx",
                     "/222143/facilities/S-001", "/222143/facilities/S-001/print", "/222143/facilities/S-001/record.xlsx" })
        {
            (await other.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }
    }

    [Fact]
    public async Task the_asset_page_shows_accumulated_depreciation_and_book_value()
    {
        var page = new HtmlParser().ParseDocument(await viewer.GetStringAsync("/222127/assets/K-1?year=2025"));
        var facts = page.QuerySelectorAll("dl.facts")[^1].TextContent;
        facts.ShouldContain("減価償却累計額");
        facts.ShouldContain("28,000,000");
        facts.ShouldContain("19,000,000");
    }
}
