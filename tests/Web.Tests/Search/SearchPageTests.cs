using System.Net;
using AngleSharp.Html.Parser;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Register;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Search;

/// <summary>The search page of 焼津市: hits grouped by kind and linked, 藤枝市's rows absent, any query answered without a server error.</summary>
public sealed class SearchPageTests(SearchPageTests.Seeded seeded) : IClassFixture<SearchPageTests.Seeded>
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";

    public sealed class Seeded : IAsyncLifetime
    {
        private AppFactory app = null!;

        public HttpClient Viewer { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            app = await AppFactory.CreateAsync();
            var password = await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer);
            Viewer = await app.SignedInClientAsync("viewer@yaizu.example.jp", password);
            await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
            {
                var school = RegisterSeed.Facility(Yaizu, "FH-2", "やいづ小学校");
                school.Kana = "やいづしょうがっこう";
                await RegisterSeed.SaveAsync(db, school);
                await RegisterSeed.SaveAsync(db, Enumerable.Range(1, 45).Select(i => RegisterSeed.Facility(Yaizu, $"P-{i}", $"みどり公園{i}")).ToArray());
                await RegisterSeed.SaveAsync(db, RegisterSeed.Asset(Yaizu, "10023-1", "やいづ小学校 校舎", "FH-2"));
            }

            await using var other = app.Database.Context(Fujieda, actor: "test-setup");
            await RegisterSeed.SaveAsync(other, RegisterSeed.Facility(Fujieda, "FH-9", "ふじえだ小学校"));
        }

        public async Task DisposeAsync() => await app.DisposeAsync();
    }

    [Fact]
    public async Task a_katakana_query_finds_the_hiragana_facility_and_its_asset_each_linked()
    {
        var page = new HtmlParser().ParseDocument(await seeded.Viewer.GetStringAsync("/222127/search?q=%EF%BE%94%EF%BD%B2%EF%BE%82%EF%BE%9E")); // ﾔｲﾂﾞ

        var links = page.QuerySelectorAll(".search-hits a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldBe(["/222127/facilities/FH-2", "/222127/assets/10023-1"]);
        page.QuerySelector("#search-facility")!.TextContent.ShouldContain("1件");
        page.QuerySelector("#search-inspection")!.TextContent.ShouldContain("0件");
    }

    [Fact]
    public async Task another_tenants_rows_are_absent()
    {
        var html = await seeded.Viewer.GetStringAsync("/222127/search?q=%E5%B0%8F%E5%AD%A6%E6%A0%A1"); // 小学校

        html.ShouldContain("/222127/facilities/FH-2");
        html.ShouldNotContain("FH-9");
        html.ShouldNotContain("ふじえだ");
        (await seeded.Viewer.GetAsync("/222143/search?q=%E5%B0%8F%E5%AD%A6%E6%A0%A1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task one_kind_is_paged_and_the_first_view_links_to_it()
    {
        var first = new HtmlParser().ParseDocument(await seeded.Viewer.GetStringAsync("/222127/search?q=%E5%85%AC%E5%9C%92")); // 公園 (two characters: a scan)
        first.QuerySelector("p.notice")!.TextContent.ShouldContain("2文字以下");
        first.QuerySelectorAll("section[aria-labelledby=search-facility] .search-hits li").Length.ShouldBe(20);
        first.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain("/222127/search?q=%E5%85%AC%E5%9C%92&kind=facility");

        var third = new HtmlParser().ParseDocument(await seeded.Viewer.GetStringAsync("/222127/search?q=%E5%85%AC%E5%9C%92&kind=facility&p=3"));
        third.QuerySelectorAll(".search-hits li").Length.ShouldBe(5);
        third.QuerySelector("nav.pager a[rel=prev]")!.GetAttribute("href").ShouldBe("/222127/search?q=%E5%85%AC%E5%9C%92&kind=facility&p=2");
        third.QuerySelector("#search-asset").ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=")]
    [InlineData("?q=%22")]
    [InlineData("?q=%25%5F%5C")]
    [InlineData("?q=NEAR(a%20b)%20OR%20*")]
    [InlineData("?q=%00%01")]
    [InlineData("?q=%E3%81%82&kind=nothing&p=-5")]
    [InlineData("?q=abc&kind=report&p=99999999999")]
    [InlineData("?q=%ED%A0%80")] // a lone surrogate, as a broken client might send
    public async Task any_query_is_answered_without_a_server_error(string query)
    {
        var response = await seeded.Viewer.GetAsync("/222127/search" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_long_query_is_cut_not_refused()
    {
        var response = await seeded.Viewer.GetAsync("/222127/search?q=" + new string('a', 5000));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
