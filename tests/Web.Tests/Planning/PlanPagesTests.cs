using System.Net;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tables;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Planning;

/// <summary>
/// The 個別施設計画 pages: an editor runs a plan from the form, decides it and downloads the workbook; bad input is
/// refused at its field and keeps nothing; viewers cannot decide or publish; another tenant's plans are 404 everywhere.
/// </summary>
public sealed class PlanPagesTests(PlanPagesTests.Seed seed) : IClassFixture<PlanPagesTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient editor = seed.EditorClient;
    private readonly HttpClient viewer = seed.ViewerClient;
    private readonly HttpClient admin = seed.AdminClient;
    private readonly HttpClient fujieda = seed.Fujieda;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient EditorClient { get; private set; } = null!;

        public HttpClient ViewerClient { get; private set; } = null!;

        public HttpClient AdminClient { get; private set; } = null!;

        public HttpClient Fujieda { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            EditorClient = await app.SignedInClientAsync("e@yaizu.example.jp", await app.CreateUserAsync("e@yaizu.example.jp", Yaizu, TenantRole.Editor));
            ViewerClient = await app.SignedInClientAsync("v@yaizu.example.jp", await app.CreateUserAsync("v@yaizu.example.jp", Yaizu, TenantRole.Viewer));
            AdminClient = await app.SignedInClientAsync("a@yaizu.example.jp", await app.CreateUserAsync("a@yaizu.example.jp", Yaizu, TenantRole.Admin));
            Fujieda = await app.SignedInClientAsync("e@fujieda.example.jp", await app.CreateUserAsync("e@fujieda.example.jp", "222143", TenantRole.Editor));
            await using var db = app.Database.Context(Yaizu, actor: "test-setup");
            await PlanSeed.BridgesAsync(db, Yaizu, "B-", "I", "II", "III", "III", "IV", "II");
        }
    }

    private static Dictionary<string, string> Form(string budget = "3000000,3000000,3000000", string horizon = "3", string solver = "both") => new()
    {
        ["Input.Title"] = "テスト計画", ["Input.FirstYear"] = "2027", ["Input.Horizon"] = horizon, ["Input.Budget"] = budget,
        ["Input.Committed"] = "", ["Input.NoWorstAfter"] = "", ["Input.Shares"] = "", ["Input.Solver"] = solver,
    };

    private static async Task<string> RunAsync(HttpClient client)
    {
        var run = await AppFactory.PostFormAsync(client, "/222127/plans/new", Form());
        run.StatusCode.ShouldBe(HttpStatusCode.Redirect, await run.Content.ReadAsStringAsync());
        return run.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task an_editor_runs_a_plan_from_the_form_decides_it_and_downloads_the_workbook()
    {
        (await editor.GetStringAsync("/222127")).ShouldContain("href=\"/222127/plans\"");
        var location = await RunAsync(editor);
        location.ShouldBe("/222127/plans/1");

        var page = await editor.GetStringAsync(location);
        page.ShouldContain("テスト計画 <span class=\"status-label\">案</span>");
        page.ShouldContain("id=\"table-works\"");
        page.ShouldContain("id=\"table-years\"");
        page.ShouldContain("id=\"table-objectives\"");
        page.ShouldContain("id=\"grade-chart-title\"");
        page.ShouldContain("事後保全に対する縮減");

        var decided = await AppFactory.PostFormAsync(editor, "/222127/plans/1?handler=Decide", [], formPage: location);
        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await editor.GetStringAsync(location)).ShouldContain("<span class=\"status-label\">決定</span>");
        (await editor.GetStringAsync("/222127/plans")).ShouldContain("<a href=\"/222127/plans/1\">テスト計画</a>");

        var xlsx = await editor.GetAsync("/222127/plans/1/export?format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var stream = await xlsx.Content.ReadAsStreamAsync())
        {
            var sheets = TableFile.ReadAll(stream, "plan.xlsx").Value.Select(t => t.Sheet).ToList();
            sheets.ShouldContain("対策工事リスト");
            sheets.ShouldContain("年度別計画表");
        }

        (await editor.GetStringAsync("/222127/plans/1/export?format=csv&table=works")).TrimStart('\uFEFF').ShouldStartWith("優先順位,施設コード,施設名");
        (await editor.GetStringAsync("/222127/plans/1/print")).ShouldContain("class=\"plan-print\"");

        var rerun = await AppFactory.PostFormAsync(editor, "/222127/plans/1?handler=Rerun", [], formPage: location);
        rerun.Headers.Location!.OriginalString.ShouldBe("/222127/plans/2/diff");
        (await editor.GetStringAsync("/222127/plans/2/diff")).ShouldContain("対策工事に変更はありません。");
    }

    [Fact]
    public async Task bad_form_input_is_refused_at_its_field_in_japanese_and_nothing_is_kept()
    {
        var form = Form(budget: "三百万", horizon: "十");
        var refused = await AppFactory.PostFormAsync(editor, "/222127/plans/new", form);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("id=\"Input_Horizon_error\"");
        page.ShouldContain("計画期間（年）「十」は整数で入力してください。");
        page.ShouldContain("id=\"Input_Budget_error\"");

        var outside = await AppFactory.PostFormAsync(editor, "/222127/plans/new", Form(horizon: "60"));
        outside.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await outside.Content.ReadAsStringAsync()).ShouldContain("計画期間 60 年は1から50年で指定してください。");

        await using var db = app.Database.Context(Yaizu);
        (await db.WorksPlans.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("Input.FirstYear", "来年", "Input_FirstYear_error", "最初の年度「来年」は整数で入力してください。")]
    [InlineData("Input.Solver", "magic", "Input_Solver_error", "解法「magic」は選択肢にありません。")]
    [InlineData("Input.NoWorstAfter", "2100", "Input_Shares_error", "目標の年度 2100 は計画期間（2027〜2029年度）の中で指定してください。")]
    [InlineData("Input.Shares", "2028:たくさん", "Input_Shares_error", "2028:たくさん")]
    [InlineData("Input.Committed", "NO-SUCH:2027", "Input_Committed_error", "施設「NO-SUCH」は施設台帳にありません。")]
    [InlineData("Input.Budget", "2000000,2000000,2000000,2000000", "Input_Budget_error", "2030年度の予算は計画期間（2027〜2029年度）の外です。")]
    public async Task each_bad_field_is_refused_at_its_place_without_a_server_error(string field, string value, string errorId, string message)
    {
        var form = Form();
        form[field] = value;
        var refused = await AppFactory.PostFormAsync(editor, "/222127/plans/new", form);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain($"id=\"{errorId}\"");
        page.ShouldContain(message);
        await using var db = app.Database.Context(Yaizu);
        (await db.WorksPlans.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_viewer_sees_the_plan_but_cannot_run_decide_or_publish_it()
    {
        await RunAsync(editor);
        var page = await viewer.GetStringAsync("/222127/plans/1");
        page.ShouldNotContain("handler=Decide");
        page.ShouldNotContain("handler=Publish");
        (await viewer.GetAsync("/222127/plans/new")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AppFactory.PostFormAsync(viewer, "/222127/plans/1?handler=Decide", [], formPage: "/222127/plans/1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AppFactory.PostFormAsync(viewer, "/222127/plans/1?handler=Publish", new() { ["licence"] = "cc-by-4.0" }, formPage: "/222127/plans/1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // An editor decides but does not publish (publishing is the admins', as the other open datasets).
        (await AppFactory.PostFormAsync(editor, "/222127/plans/1?handler=Decide", [], formPage: "/222127/plans/1")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AppFactory.PostFormAsync(editor, "/222127/plans/1?handler=Publish", new() { ["licence"] = "cc-by-4.0" }, formPage: "/222127/plans/1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var db = app.Database.Context(Yaizu);
        (await db.PublishedPlanSummaries.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task an_admin_publishes_the_decided_plans_summary_to_the_public_dashboard_and_withdraws_it()
    {
        await RunAsync(editor);
        var draft = await AppFactory.PostFormAsync(admin, "/222127/plans/1?handler=Publish", new() { ["licence"] = "cc-by-4.0" }, formPage: "/222127/plans/1");
        draft.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await draft.Content.ReadAsStringAsync()).ShouldContain("決定");
        (await AppFactory.PostFormAsync(admin, "/222127/plans/1?handler=Decide", [], formPage: "/222127/plans/1")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var published = await AppFactory.PostFormAsync(admin, "/222127/plans/1?handler=Publish", new() { ["licence"] = "cc-by-4.0" }, formPage: "/222127/plans/1");
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var dashboard = await app.Client().GetStringAsync("/dashboard/body/222127");
        dashboard.ShouldContain("id=\"table-plan-costs\"");
        dashboard.ShouldContain("id=\"table-plan-grades\"");
        dashboard.ShouldContain("id=\"table-plan-saving\"");

        (await AppFactory.PostFormAsync(admin, "/222127/plans/1?handler=Withdraw", [], formPage: "/222127/plans/1")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.Database.Context(Yaizu);
        (await db.PublishedPlanSummaries.CountAsync()).ShouldBe(0); // the public page is output-cached for a while
    }

    [Fact]
    public async Task another_tenants_plan_is_404_on_show_decide_export_diff_and_absent_from_its_list()
    {
        await RunAsync(editor);
        foreach (var path in new[] { "/222143/plans/1", "/222143/plans/1/export?format=xlsx", "/222143/plans/1/diff", "/222143/plans/1/print", "/222127/plans/1", "/222127/plans/1/export?format=xlsx" })
        {
            (await fujieda.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }

        (await AppFactory.PostFormAsync(fujieda, "/222143/plans/1?handler=Decide", [], formPage: "/222143/plans")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AppFactory.PostFormAsync(fujieda, "/222127/plans/1?handler=Decide", [], formPage: "/222143/plans")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fujieda.GetStringAsync("/222143/plans")).ShouldNotContain("テスト計画");
        await using var db = app.Database.Context(Yaizu);
        (await db.WorksPlans.SingleAsync()).Status.ShouldBe(Core.Planning.WorksPlanStatus.Draft);
    }
    [Fact]
    public async Task a_large_register_is_planned_as_a_background_job_with_a_progress_bar()
    {
        await using var jobApp = await AppFactory.CreateAsync();
        jobApp.Settings["Planning:JobThreshold"] = "0";
        var jobEditor = await jobApp.SignedInClientAsync("e@yaizu.example.jp", await jobApp.CreateUserAsync("e@yaizu.example.jp", Yaizu, TenantRole.Editor));
        await using (var db = jobApp.Database.Context(Yaizu, actor: "test-setup"))
        {
            await PlanSeed.BridgesAsync(db, Yaizu, "B-", "II", "III", "IV");
        }

        var start = await AppFactory.PostFormAsync(jobEditor, "/222127/plans/new", Form());
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = start.Headers.Location!.OriginalString;
        location.ShouldStartWith("/222127/plans/new?job=");

        HttpResponseMessage poll;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            poll = await jobEditor.GetAsync(location);
            if (poll.StatusCode == HttpStatusCode.OK)
            {
                (await poll.Content.ReadAsStringAsync()).ShouldContain("<progress id=\"job-progress\">");
                await Task.Delay(200);
            }
        }
        while (poll.StatusCode == HttpStatusCode.OK && DateTime.UtcNow < deadline);

        poll.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        poll.Headers.Location!.OriginalString.ShouldBe("/222127/plans/1");
        var fujiedaEditor = await jobApp.SignedInClientAsync("e@fujieda.example.jp", await jobApp.CreateUserAsync("e@fujieda.example.jp", "222143", TenantRole.Editor));
        (await fujiedaEditor.GetAsync(location.Replace("222127", "222143", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
