using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Projection;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Projection;

/// <summary>The recent-investment page: a year entered, a file imported all-or-nothing, years deleted; tenants apart.</summary>
public sealed partial class InvestmentPagesTests(InvestmentPagesTests.Seed seed) : IClassFixture<InvestmentPagesTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private const string Page = "/222127/projection/investments";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient editor = seed.EditorClient;
    private readonly HttpClient viewer = seed.ViewerClient;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient EditorClient { get; private set; } = null!;

        public HttpClient ViewerClient { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            EditorClient = await app.SignedInClientAsync("editor@yaizu.example.jp", await app.CreateUserAsync("editor@yaizu.example.jp", Yaizu, TenantRole.Editor));
            ViewerClient = await app.SignedInClientAsync("viewer@yaizu.example.jp", await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer));
            await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
            {
                (await Scenarios.CreateAsync(db, "基本", Presets.Baseline, CancellationToken.None)).IsSuccess.ShouldBeTrue();
            }

            await using var other = app.Database.Context(Fujieda, actor: "test-setup");
            other.RecentInvestments.Add(new RecentInvestment { TenantId = Fujieda, FiscalYear = 2020, Renewal = 7_000_000_000m, Source = "藤枝市 決算統計" });
            await other.SaveChangesAsync();
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string tenant, string csv, string fileName)
    {
        var page = await client.GetStringAsync($"/{tenant}/projection/investments");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { file, "upload", fileName },
        };
        return await client.PostAsync($"/{tenant}/projection/investments?handler=Import", form);
    }

    private async Task<List<RecentInvestment>> RowsAsync(string tenant = Yaizu)
    {
        await using var db = app.Database.Context(tenant);
        return await db.RecentInvestments.OrderBy(r => r.FiscalYear).ToListAsync();
    }

    [Fact]
    public async Task an_editor_sets_a_year_and_the_table_shows_it_in_yen_with_its_total()
    {
        var saved = await AppFactory.PostFormAsync(editor, Page, new()
        {
            ["Input.FiscalYear"] = "2021", ["Input.Renewal"] = "1,200,000,000", ["Input.NewBuild"] = "300000000", ["Input.Land"] = "", ["Input.Source"] = "決算統計",
        });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await editor.GetStringAsync(Page)).ShouldContain("2021年度の投資的経費を保存しました。");
        var page = await viewer.GetStringAsync(Page);
        page.ShouldContain("<td class=\"numeric\">1,200,000,000</td>");
        page.ShouldContain("<td class=\"numeric\">1,500,000,000</td>");
        page.ShouldContain("直近の投資的経費");
        (await RowsAsync()).Single().Total.ShouldBe(1_500_000_000m);
    }

    [Fact]
    public async Task an_amount_that_is_not_a_number_is_shown_at_its_field_and_nothing_is_saved()
    {
        var response = await AppFactory.PostFormAsync(editor, Page, new()
        {
            ["Input.FiscalYear"] = "2021", ["Input.Renewal"] = "十億", ["Input.Source"] = "決算統計",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        page.GetElementById("Input_Renewal_error")!.TextContent.ShouldBe("既存更新分「十億」は0以上の整数（円）で入力してください。");
        page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ShouldBe(["#Input_Renewal"]);
        page.GetElementById("Input_Renewal")!.GetAttribute("value").ShouldBe("十億");

        var noYear = await AppFactory.PostFormAsync(editor, Page, new() { ["Input.FiscalYear"] = "令和3", ["Input.Source"] = "決算統計" });
        (await noYear.Content.ReadAsStringAsync()).ShouldContain("id=\"Input_FiscalYear_error\" class=\"field-error\">年度「令和3」を西暦の年（例: 2021）として読めません。");
        (await RowsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_good_file_is_imported_and_a_year_can_be_deleted()
    {
        var upload = await UploadAsync(editor, Yaizu,
            "年度,既存更新分（円）,新規整備分（円）,用地取得分（円）,出典\n2019,\"1,000,000,000\",200000000,0,決算統計\n2020,900000000,0,50000000,決算統計\n", "investment.csv");

        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await editor.GetStringAsync(Page)).ShouldContain("投資的経費を取り込みました（2019年度: 追加／2020年度: 追加）。ファイルにない年度はそのままです。");
        (await RowsAsync()).Select(r => (r.FiscalYear, r.Total)).ShouldBe([(2019, 1_200_000_000m), (2020, 950_000_000m)]);

        var deleted = await AppFactory.PostFormAsync(editor, Page + "?handler=Delete", new() { ["Input.DeleteYear"] = "2019" }, formPage: Page);
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RowsAsync()).Select(r => r.FiscalYear).ShouldBe([2020]);
    }

    [Fact]
    public async Task a_file_with_a_bad_row_lists_the_row_and_writes_nothing()
    {
        var upload = await UploadAsync(editor, Yaizu,
            "年度,既存更新分,新規整備分,用地取得分,出典\n2019,1000000000,0,0,決算統計\n2020,abc,0,0,決算統計\n2021,1000000000,0,0,決算統計\n", "investment.csv");

        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await new HtmlParser().ParseDocumentAsync(await upload.Content.ReadAsStringAsync());
        page.GetElementById("upload_error")!.TextContent.ShouldBe("問題があるため、何も取り込んでいません。");
        var problems = page.QuerySelectorAll("#import-problems tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).ToList();
        problems.ShouldHaveSingleItem();
        problems[0][1].ShouldBe("3");
        problems[0][2].ShouldBe("既存更新分「abc」は0以上の整数（円）で入力してください。");
        (await RowsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_viewer_sees_the_table_but_may_not_post()
    {
        var page = await viewer.GetStringAsync(Page);
        page.ShouldNotContain("年度の投資的経費を登録する");
        page.ShouldNotContain("ファイルから取り込む");
        // A viewer gets no form (so no antiforgery token): a POST without one is refused before the handler.
        var refused = await viewer.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.FiscalYear"] = "2021", ["Input.Source"] = "x" }));
        refused.IsSuccessStatusCode.ShouldBeFalse();
        // With a token (from the one page where a viewer gets a form, disabled), the handlers refuse it.
        const string FormPage = "/222127/projection/scenarios/基本";
        (await AppFactory.PostFormAsync(viewer, Page, new() { ["Input.FiscalYear"] = "2021", ["Input.Source"] = "x" }, FormPage))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AppFactory.PostFormAsync(viewer, Page + "?handler=Delete", new() { ["Input.DeleteYear"] = "2021" }, FormPage))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await RowsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task another_tenants_investments_are_404_and_cannot_be_written()
    {
        (await editor.GetAsync("/222143/projection/investments")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var posted = await AppFactory.PostFormAsync(editor, "/222143/projection/investments",
            new() { ["Input.FiscalYear"] = "2020", ["Input.Renewal"] = "1", ["Input.Source"] = "乗っ取り" }, formPage: Page);
        posted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var deleted = await AppFactory.PostFormAsync(editor, "/222143/projection/investments?handler=Delete", new() { ["Input.DeleteYear"] = "2020" }, formPage: Page);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await editor.GetStringAsync(Page)).ShouldNotContain("藤枝市 決算統計");
        (await RowsAsync(Fujieda)).Single().Renewal.ShouldBe(7_000_000_000m);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
