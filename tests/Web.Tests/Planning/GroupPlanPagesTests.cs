using System.Globalization;
using System.Net;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Planning;

/// <summary>
/// The group plan pages (群マネ): 焼津市 (the group's admin body) runs the plan for 焼津 and 藤枝; 藤枝 sees and exports its
/// share only and cannot run one; 千代田区, outside the group, gets 404 for the page and the download.
/// </summary>
public sealed class GroupPlanPagesTests(GroupPlanPagesTests.Seed seed) : IClassFixture<GroupPlanPagesTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127", Fujieda = "222143", Outsider = "131016";
    private static readonly string[] Later = ["I", "I", "I", "I", "I", "I", "II", "II", "III", "IV"];
    private readonly AppFactory app = seed.App;
    private readonly HttpClient yaizu = seed.YaizuClient;
    private readonly HttpClient fujieda = seed.FujiedaClient;
    private readonly HttpClient outsider = seed.OutsiderClient;
    private readonly string group = seed.Group;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient YaizuClient { get; private set; } = null!;

        public HttpClient FujiedaClient { get; private set; } = null!;

        public HttpClient OutsiderClient { get; private set; } = null!;

        public string Group { get; private set; } = "";

        protected override async Task SeedAsync(AppFactory app)
        {
            YaizuClient = await app.SignedInClientAsync("e@yaizu.example.jp", await app.CreateUserAsync("e@yaizu.example.jp", Yaizu, TenantRole.Editor));
            FujiedaClient = await app.SignedInClientAsync("a@fujieda.example.jp", await app.CreateUserAsync("a@fujieda.example.jp", Fujieda, TenantRole.Admin));
            OutsiderClient = await app.SignedInClientAsync("a@chiyoda.example.jp", await app.CreateUserAsync("a@chiyoda.example.jp", Outsider, TenantRole.Admin));
            await using (var platform = app.Database.Context())
            {
                var g = new WideAreaGroup
                {
                    Name = "志太榛原インフラ群", Kind = WideAreaGroupKind.InfrastructureGroup,
                    Members = [new() { MemberCode = Yaizu, IsAdmin = true }, new() { MemberCode = Fujieda }],
                };
                platform.WideAreaGroups.Add(g);
                await platform.SaveChangesAsync();
                Group = g.Id.ToString(CultureInfo.InvariantCulture);
            }

            foreach (var (tenant, prefix) in new[] { (Yaizu, "Y"), (Fujieda, "F") })
            {
                await using var db = app.Database.Context(tenant, actor: "test-setup");
                for (var i = 0; i < Later.Length; i++)
                {
                    await BridgeAsync(db, $"{prefix}{i}", ("2014-06-01", "I"), ("2019-06-01", Later[i]));
                }

                await BridgeAsync(db, $"{prefix}-P1", ("2025-05-01", "III"));
            }

            await using var fitter = app.Database.Context(Yaizu, actor: "test-setup");
            (await DeteriorationModels.FitAsync(fitter, AssetKind.Bridge, [], long.Parse(Group, CultureInfo.InvariantCulture), DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
        }
    }

    private static async Task BridgeAsync(Core.Database.AppDbContext db, string code, params (string Date, string Grade)[] inspections)
    {
        var bridge = Register.RegisterSeed.Facility(db.Scope.TenantId!, code, code + "橋");
        (bridge.Kind, bridge.YearBuilt, bridge.Quantity, bridge.QuantityKind) = (AssetKind.Bridge, 1975, 100m, QuantityKind.Area);
        await Register.RegisterSeed.SaveAsync(db, bridge);
        foreach (var (date, grade) in inspections)
        {
            (await Core.Inspections.InspectionRecords.RecordAsync(db, new(code, null, date, null, grade, null, null, null), new DateOnly(2025, 6, 1), default)).IsSuccess.ShouldBeTrue();
        }
    }

    private static Dictionary<string, string> Form(string budget) => new()
    {
        ["Input.FirstYear"] = "2026", ["Input.Years"] = "3", ["Input.Mode"] = "shared", ["Input.Budget"] = budget, ["Input.Solver"] = "exact",
    };

    [Fact]
    public async Task the_admin_runs_the_group_plan_and_a_member_sees_and_exports_only_its_share()
    {
        (await yaizu.GetStringAsync("/222127/plans/groups")).ShouldContain($"href=\"/222127/plans/groups/{group}\"");
        var bad = await AppFactory.PostFormAsync(yaizu, $"/222127/plans/groups/{group}", Form("たくさん"));
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("id=\"Input_Budget_error\"");

        var run = await AppFactory.PostFormAsync(yaizu, $"/222127/plans/groups/{group}", Form("100000000,100000000,100000000"));
        run.StatusCode.ShouldBe(HttpStatusCode.Redirect, await run.Content.ReadAsStringAsync());

        var whole = await yaizu.GetStringAsync($"/222127/plans/groups/{group}");
        whole.ShouldContain("グループ全体の計画です（幹事団体）。");
        var all = (await yaizu.GetStringAsync($"/222127/plans/groups/{group}/export?table=group-plan-works&format=csv")).TrimStart('\uFEFF');
        var members = all.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(',')[0]).Distinct().Order().ToList();
        members.ShouldBe([Yaizu, Fujieda], whole[whole.IndexOf("<main", StringComparison.Ordinal)..]);

        var share = await fujieda.GetStringAsync($"/222143/plans/groups/{group}");
        share.ShouldContain("藤枝市の分だけを表示しています。");
        share.ShouldNotContain("Y-P1");
        // The page's text, not its attributes: a file version hash (asp-append-version) may hold any two characters.
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(share).QuerySelector("main")!.TextContent.ShouldNotContain("Y0");
        share.ShouldNotContain("計算して保存する");
        var csv = (await fujieda.GetStringAsync($"/222143/plans/groups/{group}/export?table=group-plan-works&format=csv")).TrimStart('\uFEFF');
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.StartsWith(Fujieda + ",", StringComparison.Ordinal));
        (await AppFactory.PostFormAsync(fujieda, $"/222143/plans/groups/{group}", Form("1,1,1"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_body_outside_the_group_gets_404_for_the_page_and_the_download()
    {
        (await AppFactory.PostFormAsync(yaizu, $"/222127/plans/groups/{group}", Form("100000000,100000000,100000000"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await outsider.GetAsync($"/131016/plans/groups/{group}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/131016/plans/groups/{group}/export?format=csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/222127/plans/groups/{group}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetStringAsync("/131016/plans/groups")).ShouldNotContain("志太榛原インフラ群");
    }
}
