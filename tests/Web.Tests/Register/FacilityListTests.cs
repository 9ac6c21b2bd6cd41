using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Register;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Register;

/// <summary>The 施設台帳 list of 焼津市 with 120 facilities: filters, sortable headers and pages, all without JavaScript.</summary>
public sealed class FacilityListTests(FacilityListTests.SeededRegister register) : IClassFixture<FacilityListTests.SeededRegister>
{
    private const string Yaizu = "222127";

    /// <summary>One app and one seeded register for the whole class: the tests only read.</summary>
    public sealed class SeededRegister : IAsyncLifetime
    {
        private AppFactory app = null!;

        public HttpClient Viewer { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            app = await AppFactory.CreateAsync();
            var password = await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer);
            Viewer = await app.SignedInClientAsync("viewer@yaizu.example.jp", password);
            await using var db = app.Database.Context(Yaizu, actor: "test-setup");
            // F001…F120: every third a bridge, every tenth closed, built 1901…2020, 10 ㎡ per number.
            var facilities = Enumerable.Range(1, 120).Select(i =>
            {
                var f = RegisterSeed.Facility(Yaizu, $"F{i:000}", $"施設{i:000}");
                f.Kind = i % 3 == 0 ? AssetKind.Bridge : AssetKind.Building;
                f.Status = i % 10 == 0 ? FacilityStatus.Closed : FacilityStatus.InService;
                f.UsageMajor = i % 2 == 0 ? "学校教育系施設" : "行政系施設";
                f.YearBuilt = 1900 + i;
                f.Quantity = i * 10m;
                f.QuantityKind = QuantityKind.FloorArea;
                f.IsSample = i == 1;
                return f;
            }).ToArray();
            await RegisterSeed.SaveAsync(db, facilities);
        }

        public async Task DisposeAsync() => await app.DisposeAsync();
    }

    [Fact]
    public async Task the_first_page_shows_fifty_rows_the_count_and_links_to_the_next_pages()
    {
        var page = await GetAsync("/222127/facilities");

        Caption(page).ShouldContain("120件中 1–50件");
        Codes(page).Count.ShouldBe(50);
        Codes(page)[0].ShouldBe("F001");
        page.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!.ShouldStartWith("/222127/facilities?p=2&after="); // by key
        page.QuerySelector("nav.pager a[aria-current=page]")!.TextContent.ShouldContain("1");
        page.QuerySelectorAll("nav.pager a").Select(a => a.GetAttribute("href")).ShouldContain("/222127/facilities?p=3");
        page.QuerySelector("tbody tr a")!.GetAttribute("href").ShouldBe("/222127/facilities/F001");
    }

    [Fact]
    public async Task the_last_page_shows_the_remaining_rows()
    {
        var page = await GetAsync("/222127/facilities?p=3");

        Caption(page).ShouldContain("120件中 101–120件");
        Codes(page).ShouldBe([.. Enumerable.Range(101, 20).Select(i => $"F{i:000}")]);
        page.QuerySelector("nav.pager a[rel=next]").ShouldBeNull();
        page.QuerySelector("nav.pager a[rel=prev]")!.GetAttribute("href")!.ShouldStartWith("/222127/facilities?p=2&before=");
    }

    [Theory]
    [InlineData("?kind=Bridge", 40)]
    [InlineData("?status=Closed", 12)]
    [InlineData("?usage=" + "%E5%AD%A6%E6%A0%A1%E6%95%99%E8%82%B2%E7%B3%BB%E6%96%BD%E8%A8%AD", 60)] // 学校教育系施設
    [InlineData("?q=F11", 10)]
    [InlineData("?kind=Bridge&status=Closed", 4)]
    public async Task filters_narrow_the_list(string query, int expected)
    {
        var page = await GetAsync("/222127/facilities" + query);

        Caption(page).ShouldContain($"{expected}件中");
        Codes(page).Count.ShouldBe(Math.Min(expected, 50));
    }

    [Fact]
    public async Task next_links_by_key_walk_every_row_once_and_old_page_links_still_work()
    {
        var codes = new List<string>();
        var href = "/222127/facilities?sort=year&desc=true";
        while (href is not null)
        {
            var page = await GetAsync(href);
            codes.AddRange(Codes(page));
            href = page.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
            codes.Count.ShouldBeLessThanOrEqualTo(120);
        }

        codes.ShouldBe([.. Enumerable.Range(1, 120).Reverse().Select(i => $"F{i:000}")]);
        Codes(await GetAsync("/222127/facilities?page=2"))[0].ShouldBe("F051");
        Caption(await GetAsync("/222127/facilities?after=garbage%25%22&p=7")).ShouldContain("120件中 1–50件");
    }

    [Fact]
    public async Task a_sorted_column_carries_aria_sort_and_its_link_reverses_the_order()
    {
        var page = await GetAsync("/222127/facilities?sort=year&desc=true&kind=Bridge");

        Codes(page)[0].ShouldBe("F120");
        var sorted = page.QuerySelectorAll("th[aria-sort]").ShouldHaveSingleItem();
        sorted.GetAttribute("aria-sort").ShouldBe("descending");
        sorted.TextContent.ShouldContain("建築年");
        sorted.QuerySelector("a")!.GetAttribute("href").ShouldBe("/222127/facilities?kind=Bridge&sort=year");
        page.QuerySelector("nav.pager a[rel=next]").ShouldBeNull(); // 40 bridges fit on one page
    }

    [Theory]
    [InlineData("name", "施設001")]
    [InlineData("quantity", "施設001")]
    [InlineData("code", "施設001")]
    public async Task each_sortable_column_sorts_ascending_first(string column, string first)
    {
        var page = await GetAsync($"/222127/facilities?sort={column}");

        page.QuerySelector("tbody tr td:nth-child(2)")!.TextContent.ShouldStartWith(first);
        page.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort").ShouldBe("ascending");
    }

    [Fact]
    public async Task sample_rows_carry_a_visible_badge_and_exports_and_the_map_are_linked()
    {
        var page = await GetAsync("/222127/facilities");

        page.QuerySelectorAll("tbody .badge-sample").ShouldHaveSingleItem().TextContent.ShouldBe("サンプルデータ");
        var links = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain("/222127/facilities/export?format=csv");
        links.ShouldContain("/222127/facilities/export?format=xlsx");
        links.ShouldContain("/222127/facilities/export?format=opendata");
        links.ShouldContain("/222127/facilities/map");
        links.ShouldNotContain("/222127/facilities/new"); // a viewer is offered no writing
    }

    private async Task<IDocument> GetAsync(string path) => new HtmlParser().ParseDocument(await register.Viewer.GetStringAsync(path));

    private static string Caption(IDocument page) => page.QuerySelector("caption")!.TextContent;

    private static List<string> Codes(IDocument page) =>
        [.. page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim())];
}
