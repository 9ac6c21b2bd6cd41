using System.Net;
using AngleSharp.Html.Parser;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Register;

/// <summary>The 固定資産台帳 pages of 焼津市: list, detail with its facility and history, and the forms.</summary>
public sealed class AssetPageTests(AssetPageTests.Seed seed) : IClassFixture<AssetPageTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient editor = seed.EditorClient;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient EditorClient { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            EditorClient = await app.SignedInClientAsync("editor@yaizu.example.jp", await app.CreateUserAsync("editor@yaizu.example.jp", Yaizu, TenantRole.Editor));
            await using var db = app.Database.Context(Yaizu, actor: "test-setup");
            await RegisterSeed.SaveAsync(db, RegisterSeed.Facility(Yaizu, "B-001", "焼津市役所本庁舎"));
            var land = RegisterSeed.Asset(Yaizu, "20001", "本庁舎 敷地", "B-001", 1m);
            land.Account = "土地";
            land.UsefulLife = null;
            await RegisterSeed.SaveAsync(db, RegisterSeed.Asset(Yaizu, "10023-1", "本庁舎 建物", "B-001"), land, RegisterSeed.Asset(Yaizu, "30001", "防災倉庫", null, 800_000m));
        }
    }

    [Theory]
    [InlineData("", 3)]
    [InlineData("?account=%E5%9C%9F%E5%9C%B0", 1)] // 土地
    [InlineData("?facility=B-001", 2)]
    [InlineData("?q=%E5%80%89%E5%BA%AB", 1)] // 倉庫
    public async Task the_list_filters_by_text_account_and_facility(string query, int expected)
    {
        var page = new HtmlParser().ParseDocument(await editor.GetStringAsync("/222127/assets" + query));

        page.QuerySelector("caption")!.TextContent.ShouldContain($"{expected}件中");
        page.QuerySelectorAll("tbody tr").Length.ShouldBe(expected);
        var links = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain("/222127/assets/export?format=csv");
        links.ShouldContain("/222127/assets/export?format=xlsx");
    }

    [Fact]
    public async Task the_list_sorts_by_cost_descending()
    {
        var page = new HtmlParser().ParseDocument(await editor.GetStringAsync("/222127/assets?sort=cost&desc=true"));

        page.QuerySelector("tbody tr td")!.TextContent.ShouldBe("10023-1");
        page.QuerySelector("th[aria-sort=descending]")!.TextContent.ShouldContain("取得価額等");
    }

    [Fact]
    public async Task the_detail_page_links_to_its_facility()
    {
        var page = new HtmlParser().ParseDocument(await editor.GetStringAsync("/222127/assets/10023-1"));

        page.QuerySelector("a[href='/222127/facilities/B-001']")!.TextContent.ShouldContain("焼津市役所本庁舎");
        page.QuerySelector("dl.facts")!.TextContent.ShouldContain("12,500,000");
        page.QuerySelector("table.history")!.TextContent.ShouldContain("第1版");
    }

    [Fact]
    public async Task fractional_yen_and_an_unknown_facility_are_refused_on_their_fields()
    {
        var response = await AppFactory.PostFormAsync(editor, "/222127/assets/new", new()
        {
            ["Input.Number"] = "40001", ["Input.Name"] = "公用車", ["Input.Account"] = "物品", ["Input.AcquisitionCost"] = "1,200,000.5",
            ["Input.FacilityCode"] = "X-999", ["Input.AcquisitionDate"] = "2020-04-01", ["Input.DisposalDate"] = "2019-04-01", ["Input.ValidFrom"] = "2025-01-01",
        });

        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Input_AcquisitionCost_error")!.TextContent.ShouldContain("円未満の端数");
        page.QuerySelector("#Input_FacilityCode_error")!.TextContent.ShouldContain("X-999");
        page.QuerySelector("#Input_DisposalDate_error")!.TextContent.ShouldContain("除却年月日が取得年月日より前");
        await using var db = app.Database.Context(Yaizu);
        (await db.FixedAssets.CountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task an_editor_creates_and_edits_an_asset_in_yen()
    {
        var created = await AppFactory.PostFormAsync(editor, "/222127/assets/new", new()
        {
            ["Input.Number"] = "40001", ["Input.Name"] = "公用車", ["Input.Account"] = "物品", ["Input.AcquisitionCost"] = "２，４００，０００",
            ["Input.AcquisitionDate"] = "2020-04-01", ["Input.UsefulLife"] = "6", ["Input.ValidFrom"] = "2020-04-01",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var edited = await AppFactory.PostFormAsync(editor, "/222127/assets/40001/edit", new()
        {
            ["Input.Name"] = "公用車（軽自動車）", ["Input.Account"] = "物品", ["Input.AcquisitionCost"] = "2400000",
            ["Input.AcquisitionDate"] = "2020-04-01", ["Input.UsefulLife"] = "4", ["Input.ValidFrom"] = "2021-04-01", ["Input.Reason"] = "耐用年数の訂正",
        });

        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var history = new HtmlParser().ParseDocument(await editor.GetStringAsync("/222127/assets/40001")).QuerySelector("table.history tbody tr")!.TextContent;
        history.ShouldContain("耐用年数: 6 → 4");
        history.ShouldContain("耐用年数の訂正");
        await using var db = app.Database.Context(Yaizu);
        (await db.FixedAssets.SingleAsync(a => a.Number == "40001")).AcquisitionCost.ShouldBe(2_400_000m);
    }

    // The import's 和暦 reader (issue 21 item 7): 昭和55年4月1日 is 1980-04-01, R2.4.1 is 2020-04-01.
    [Fact]
    public async Task dates_are_accepted_in_wareki_as_the_import_reads_them()
    {
        var created = await AppFactory.PostFormAsync(editor, "/222127/assets/new", new()
        {
            ["Input.Number"] = "50001", ["Input.Name"] = "旧公民館", ["Input.Account"] = "建物", ["Input.AcquisitionCost"] = "30000000",
            ["Input.AcquisitionDate"] = "昭和55年4月1日", ["Input.ServiceStartDate"] = "S55.6.1", ["Input.UsefulLife"] = "50", ["Input.ValidFrom"] = "R2.4.1",
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.Database.Context(Yaizu);
        var saved = await db.FixedAssets.SingleAsync(a => a.Number == "50001");
        (saved.AcquisitionDate, saved.ServiceStartDate).ShouldBe((new DateOnly(1980, 4, 1), new DateOnly(1980, 6, 1)));
    }

    [Fact]
    public async Task a_year_without_a_day_is_refused_as_a_date_in_japanese()
    {
        var response = await AppFactory.PostFormAsync(editor, "/222127/assets/new", new()
        {
            ["Input.Number"] = "50002", ["Input.Name"] = "旧公民館", ["Input.Account"] = "建物", ["Input.AcquisitionCost"] = "30000000",
            ["Input.AcquisitionDate"] = "昭和55年", ["Input.ValidFrom"] = "2025-01-01",
        });

        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Input_AcquisitionDate_error")!.TextContent.ShouldContain("取得年月日「昭和55年」は日付");
        await using var db = app.Database.Context(Yaizu);
        (await db.FixedAssets.CountAsync(a => a.Number == "50002")).ShouldBe(0);
    }
}
