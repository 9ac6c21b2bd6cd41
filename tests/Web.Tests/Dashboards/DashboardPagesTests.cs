using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using InfraLedger.Core.Common;
using InfraLedger.Core.Indicators;
using InfraLedger.Web.Tests.Register;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Dashboards;

/// <summary>
/// The public dashboards without sign-in, over the real 主要財政指標 (values checked against the shipped CSV):
/// permalinks, downloads equal to the tables, the English switch, refusals, and a tenant's register appearing only
/// through the figures it published.
/// </summary>
public sealed class DashboardPagesTests(DashboardPagesTests.Published published) : IClassFixture<DashboardPagesTests.Published>
{
    private readonly HttpClient anonymous = published.App.Client();

    /// <summary>
    /// One app for the tests that only read (loading the 主要財政指標 is most of a test's time); the test that publishes
    /// a register makes its own.
    /// </summary>
    public sealed class Published : IAsyncLifetime
    {
        public AppFactory App { get; private set; } = null!;

        public async Task InitializeAsync() => App = await CreateAppAsync();

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private static async Task<AppFactory> CreateAppAsync()
    {
        var app = await AppFactory.CreateWithStatisticsAsync();

        // Two tenants with a register; only 焼津市 publishes its FY2021 figures.
        foreach (var (code, name) in new[] { ("222127", "焼津小学校"), ("222143", "藤枝秘密倉庫") })
        {
            await using var db = app.Database.Context(code, actor: "test-setup");
            var facility = RegisterSeed.Facility(code, "S-001", name);
            // A building the renewal projection can cost.
            (facility.UsageMajor, facility.Quantity, facility.QuantityKind, facility.YearBuilt) = ("学校教育系施設", 5000m, Core.Register.QuantityKind.FloorArea, 1980);
            await RegisterSeed.SaveAsync(db, facility);
            var asset = RegisterSeed.Asset(code, "A-001", name + " 建物", "S-001", 1_000_000m);
            (asset.AcquisitionDate, asset.UsefulLife) = (new DateOnly(2015, 4, 1), 10);
            await RegisterSeed.SaveAsync(db, asset);
        }

        return app;
    }

    private async Task<IHtmlDocument> PageAsync(string path, HttpClient? client = null)
    {
        var response = await (client ?? anonymous).GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static List<List<string>> Rows(IHtmlDocument page, string table) =>
        [.. page.QuerySelectorAll($"#table-{table} tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList())];

    [Fact]
    public async Task the_national_page_needs_no_sign_in_and_ranks_every_municipality()
    {
        var page = await PageAsync("/dashboard");
        page.DocumentElement.GetAttribute("lang").ShouldBe("ja");
        page.QuerySelector("h1")!.TextContent.ShouldContain("全国の市区町村");
        var rows = Rows(page, "ranking");
        rows.Count.ShouldBe(100, "the table is paged on the server (issue 21 item 7)");
        // 財政力指数 FY2021, largest first: 飛島村 2.1 (the CSV's maximum).
        rows[0].Take(2).ShouldBe(["飛島村", "234273"]);
        rows[0][4].ShouldBe("2.1");
        page.QuerySelector("#table-ranking tbody tr th a")!.GetAttribute("href").ShouldBe("/dashboard/body/234273?year=2021");
        page.QuerySelector("[data-chart=map]")!.GetAttribute("data-geojson").ShouldBe("/dashboard/boundaries.geojson");
        page.QuerySelector("#table-ranking + p.note, #table-ranking ~ p.note")!.TextContent.ShouldContain("出典：総務省『主要財政指標一覧』");
    }

    [Fact]
    public async Task the_table_of_1741_bodies_is_paged_while_the_map_and_the_download_keep_them_all()
    {
        var first = await PageAsync("/dashboard");
        first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href").ShouldBe("/dashboard?indicator=financial-capability-index&year=2021&sort=value&order=desc&p=2");
        var data = System.Text.Json.JsonDocument.Parse(first.QuerySelector("script#data-ranking")!.TextContent);
        data.RootElement.GetProperty("rows").GetArrayLength().ShouldBe(1741);
        first.QuerySelector("[data-chart=map]")!.GetAttribute("data-table").ShouldBe("data-ranking");

        var last = await PageAsync("/dashboard?indicator=financial-capability-index&year=2021&sort=value&order=desc&p=18");
        Rows(last, "ranking").Count.ShouldBe(41); // 1,741 − 17 × 100
        last.QuerySelector("nav.pager a[rel=next]").ShouldBeNull();
        last.QuerySelector("nav.pager a[aria-current=page]")!.TextContent.ShouldContain("18");
        var csv = await anonymous.GetStringAsync(last.QuerySelector("a[href*='handler=export'][href*='table=ranking'][href*='format=csv']")!.GetAttribute("href")!);
        csv.Trim().Split('\n').Length.ShouldBe(1742); // the header and every body
        (await anonymous.GetAsync("/dashboard?p=99999")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_permalink_restores_the_prefecture_indicator_year_and_order()
    {
        var page = await PageAsync("/dashboard/22?indicator=current-balance-ratio&year=2015&sort=code&order=desc");
        page.QuerySelector("h1")!.TextContent.ShouldContain("静岡県の市区町村");
        page.QuerySelector("#indicator option[selected]")!.GetAttribute("value").ShouldBe("current-balance-ratio");
        ((IHtmlInputElement)page.QuerySelector("#year")!).Value.ShouldBe("2015");
        var codes = Rows(page, "ranking").Select(r => r[1]).ToList();
        codes.Count.ShouldBe(35);
        codes.ShouldBe(codes.OrderDescending(StringComparer.Ordinal));
        codes.ShouldAllBe(c => c.StartsWith("22", StringComparison.Ordinal));
        page.QuerySelector("[data-chart=map]")!.GetAttribute("data-geojson").ShouldBe("/dashboard/boundaries.geojson?pref=22");
        // The prefecture is compared with the nation: 1,741 bodies published a 経常収支比率 for FY2015 (the CSV has 1,741 rows that year).
        page.QuerySelector(".notice")!.TextContent.ShouldContain("全国: 団体数 1,741、平均 ");
    }

    [Fact]
    public async Task every_download_has_the_rows_of_its_table()
    {
        const string view = "/dashboard/22?indicator=future-burden-ratio&year=2021&sort=value&order=asc";
        var page = await PageAsync(view);
        foreach (var link in page.QuerySelectorAll("a[href*='handler=export']").Select(a => a.GetAttribute("href")!).Where(h => h.Contains("format=csv")))
        {
            var table = link.Split("table=")[1].Split('&')[0];
            var csv = (await anonymous.GetStringAsync(link)).Trim().Split('\n').Skip(1).Select(l => l.TrimEnd('\r').Split(',')).ToList();
            var html = Rows(page, table);
            csv.Count.ShouldBe(html.Count, table);
            for (var i = 0; i < html.Count; i++)
            {
                // The page groups digits (1,234) and drops trailing zeros; the CSV does neither: compare numbers as numbers.
                csv[i].Select(Normal).ShouldBe(html[i].Select(c => Normal(c.Replace(",", "", StringComparison.Ordinal))), $"{table} row {i}");
            }
        }

        var json = JsonDocument.Parse(await anonymous.GetStringAsync(view + "&handler=export&table=ranking&format=json")).RootElement;
        json.GetProperty("rows").GetArrayLength().ShouldBe(35);
        // A blank stays blank (null), and sorts last; 長泉町 (223425) has no 将来負担比率 in FY2021.
        var last = json.GetProperty("rows").EnumerateArray().Last();
        last.GetProperty("値（%）").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("団体コード").GetString() == "223425").GetProperty("値（%）").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    /// <summary>A cell as a number without trailing zeros; the page's "－" for a blank is the CSV's empty cell.</summary>
    private static string Normal(string cell) => cell == "－" ? ""
        : decimal.TryParse(cell, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? (d / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture) : cell;

    [Fact]
    public async Task the_english_switch_keeps_the_view()
    {
        var page = await PageAsync("/dashboard/22?indicator=laspeyres-index&year=2020&lang=en");
        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("#table-ranking caption")!.TextContent.ShouldBe("Laspeyres index (salary level)（2020）");
        page.QuerySelector(".lang-switch a")!.GetAttribute("href").ShouldBe("/dashboard/22?indicator=laspeyres-index&year=2020");
        page.QuerySelectorAll("#table-ranking tbody th a").ShouldAllBe(a => a.GetAttribute("href")!.EndsWith("&lang=en", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_municipality_shows_only_the_register_figures_it_published()
    {
        await using var app = await CreateAppAsync();
        var visitor = app.Client();
        await using (var db = app.Database.Context("222127", actor: "test-setup"))
        {
            // The seeded rows enter the register on 2024-04-01 (RegisterSeed.ValidFrom): FY2024 is the first year they count.
            var report = (await IndicatorReport.BuildAsync(db, new FiscalYear(2024), default)).Value;
            (await RegisterPublication.PublishAsync(db, report, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
        }

        var yaizu = await PageAsync("/dashboard/body/222127", visitor);
        Rows(yaizu, "fiscal")[0].Take(3).ShouldBe(["財政力指数", "", "0.86"]);
        Rows(yaizu, "fiscal-series").Count.ShouldBe(11);
        // 1,000,000 円 over 10 years from FY2015: nine years charged by the end of FY2024.
        Rows(yaizu, "register")[0].Take(3).ShouldBe(["有形固定資産減価償却率", "%", "90"]);
        yaizu.Body!.TextContent.ShouldNotContain("焼津小学校");
        // The 40-year projection of the published register is the one the tenant sees on its own projection page.
        var projection = Rows(yaizu, "projection");
        projection.Count.ShouldBe(40);
        projection[0][0].ShouldStartWith("2025");
        await using (var db = app.Database.Context("222127"))
        {
            var own = Core.Projection.Projections.Run(db, Core.Projection.Presets.Find(Core.Projection.Presets.Baseline)!.Parameters, 2025, null, default);
            projection.Sum(r => decimal.Parse(r[^1].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))
                .ShouldBe(own.Total.Sum(t => Core.Projection.ProjectionTables.Thousands(t)));
            own.Total.Sum().ShouldBePositive();
        }

        var fujieda = await PageAsync("/dashboard/body/222143", visitor);
        fujieda.QuerySelector("#table-register").ShouldBeNull();
        fujieda.QuerySelector("#table-projection").ShouldBeNull();
        fujieda.Body!.TextContent.ShouldContain("この団体は台帳の指標を公表していません。");
        fujieda.Body.TextContent.ShouldNotContain("藤枝秘密倉庫");
        (await visitor.GetAsync("/dashboard/body/222143?handler=export&table=register&format=csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/dashboard/99", HttpStatusCode.NotFound, null)]
    [InlineData("/dashboard/body/222128", HttpStatusCode.NotFound, null)]
    [InlineData("/dashboard/body/220001", HttpStatusCode.NotFound, null)]
    [InlineData("/dashboard?handler=export&table=nothing", HttpStatusCode.NotFound, null)]
    [InlineData("/dashboard?handler=export&table=ranking&format=pdf", HttpStatusCode.BadRequest, "出力形式「pdf」には対応していません（csv・json・xlsx）。")]
    [InlineData("/dashboard?year=1999", HttpStatusCode.OK, "1999年度のデータはありません（2011〜2021年度）。")]
    [InlineData("/dashboard?indicator=nothing", HttpStatusCode.OK, "指標「nothing」はありません。")]
    [InlineData("/dashboard/boundaries.geojson?pref=x", HttpStatusCode.BadRequest, "都道府県コード「x」はありません（01〜47）。")]
    public async Task bad_input_gets_a_status_and_a_japanese_message(string path, HttpStatusCode status, string? message)
    {
        var response = await anonymous.GetAsync(path);
        response.StatusCode.ShouldBe(status);
        if (message is not null)
        {
            (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        }
    }

    [Fact]
    public async Task the_boundaries_of_a_prefecture_are_its_municipalities_features_unchanged()
    {
        var geojson = JsonDocument.Parse(await anonymous.GetStringAsync("/dashboard/boundaries.geojson?pref=22")).RootElement;
        var codes = geojson.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("N03_007").GetString()!).ToList();
        codes.ShouldAllBe(c => c.StartsWith("22", StringComparison.Ordinal));
        codes.ShouldContain("22212");   // 焼津市
        var all = JsonDocument.Parse(await anonymous.GetStringAsync("/dashboard/boundaries.geojson")).RootElement;
        all.GetProperty("features").GetArrayLength().ShouldBeGreaterThan(1700);
    }
}
