using System.Net;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Tests.Register;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Projection;

/// <summary>
/// The projection page, its downloads, the group projection and the background job, and another tenant's data
/// being absent. 焼津市 has one 市民文化系施設 of 1,000㎡ built in FY2014: with base FY2024 it is renovated in
/// 2044–2045 at 25万円/㎡ (125,000 千円 a year, 250,000 千円 in all); 藤枝市 has one of 3,000㎡.
/// </summary>
public sealed class ProjectionPagesTests(ProjectionPagesTests.Seed seed) : IClassFixture<ProjectionPagesTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient yaizuViewer = seed.YaizuViewer;
    private readonly HttpClient fujiedaViewer = seed.FujiedaViewer;
    private readonly long groupId = seed.GroupId;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient YaizuViewer { get; private set; } = null!;

        public HttpClient FujiedaViewer { get; private set; } = null!;

        public long GroupId { get; private set; }

        protected override async Task SeedAsync(AppFactory app)
        {
            YaizuViewer = await app.SignedInClientAsync("viewer@yaizu.example.jp", await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer));
            FujiedaViewer = await app.SignedInClientAsync("viewer@fujieda.example.jp", await app.CreateUserAsync("viewer@fujieda.example.jp", Fujieda, TenantRole.Viewer));
            await AddBuildingAsync(app, Yaizu, "Y-001", "焼津公民館", 1000m);
            await AddBuildingAsync(app, Fujieda, "F-001", "藤枝公民館", 3000m);
            await using var platform = app.Database.Context();
            var group = new WideAreaGroup { Name = "志太地域", Kind = WideAreaGroupKind.InfrastructureGroup, Members = [new() { MemberCode = Yaizu }, new() { MemberCode = Fujieda }] };
            var other = new WideAreaGroup { Name = "静岡・藤枝", Kind = WideAreaGroupKind.Other, Members = [new() { MemberCode = "221007" }, new() { MemberCode = Fujieda }] };
            platform.WideAreaGroups.AddRange(group, other);
            await platform.SaveChangesAsync();
            GroupId = group.Id;
        }
    }

    /// <summary>The page without the white space between tags.</summary>
    private static string Compact(string html) => System.Text.RegularExpressions.Regex.Replace(html, @">\s+<", "><");

    private static async Task AddBuildingAsync(AppFactory app, string tenant, string code, string name, decimal area)
    {
        await using var db = app.Database.Context(tenant, actor: "test-setup");
        var f = RegisterSeed.Facility(tenant, code, name);
        f.UsageMajor = "市民文化系施設";
        f.Quantity = area;
        f.QuantityKind = QuantityKind.FloorArea;
        f.YearBuilt = 2014;
        await RegisterSeed.SaveAsync(db, f);
    }

    [Fact]
    public async Task the_page_shows_the_chart_its_table_and_the_unverified_parameters()
    {
        var page = Compact(await yaizuViewer.GetStringAsync("/222127/projection?scenario=soumu&baseYear=2024"));

        page.ShouldContain("<svg");
        page.ShouldContain(">年度</text>"); // axis titles (issue 21 item 7)
        page.ShouldContain(">更新費用（億円）</text>");
        page.ShouldContain("<ul class=\"legend\">");
        page.ShouldContain("id=\"table-annual\"");
        page.ShouldContain("<th scope=\"row\">2044</th><td class=\"numeric\">125,000</td>");
        page.ShouldContain("総額 <strong>2.5 億円</strong>");
        page.ShouldContain("未検証");
        page.ShouldContain("複数年に分ける費用を計上する年"); // the parameter's Japanese label (issue 21 item 7)
        page.ShouldNotContain("spreadAlignment");
        page.ShouldNotContain("renewal-projection.md");
        page.ShouldNotContain("（§");
        page.ShouldNotContain("藤枝公民館");
        page.ShouldNotContain("3,000");
    }

    [Fact]
    public async Task the_download_holds_the_table_of_the_chart()
    {
        var csv = await yaizuViewer.GetStringAsync("/222127/projection/export?scenario=soumu&baseYear=2024&table=annual&format=csv");
        var lines = csv.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        lines[0].ShouldBe("年度,市民文化系施設（千円）,合計（千円）");
        lines.Count.ShouldBe(41);
        lines.ShouldContain("2044,125000,125000");
        lines.ShouldContain("2045,125000,125000");
        lines.ShouldContain("2046,0,0");

        var xlsx = await yaizuViewer.GetAsync("/222127/projection/export?scenario=soumu&baseYear=2024&table=summary&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task two_scenarios_are_compared_side_by_side()
    {
        var csv = await yaizuViewer.GetStringAsync("/222127/projection/export?scenario=soumu&compare=life-extension&baseYear=2024&table=compare-summary&format=csv");

        // Life extension on this building: 398,000 千円 over 40 years against 250,000 (see the engine's tests): +59.2%.
        csv.ShouldContain("40年間の総額,250000,398000,148000,59.2");
        (await yaizuViewer.GetStringAsync("/222127/projection?scenario=soumu&compare=life-extension&baseYear=2024")).ShouldContain("id=\"table-compare\"");
    }

    [Theory]
    [InlineData("/222127/projection?scenario=nope&baseYear=2024", "シナリオ「nope」はありません")]
    [InlineData("/222127/projection?baseYear=1800", "基準年度「1800」は1950〜2100の西暦年で指定してください。")]
    [InlineData("/222127/projection?baseYear=2024&years=0", "試算期間「0」は1〜100年で指定してください。")]
    public async Task bad_requests_get_a_japanese_message(string url, string message)
    {
        var page = await yaizuViewer.GetStringAsync(url);

        page.ShouldContain(message);
        page.ShouldNotContain("id=\"table-annual\"");
    }

    [Fact]
    public async Task a_bad_download_request_is_a_problem_with_the_field()
    {
        var response = await yaizuViewer.GetAsync("/222127/projection/export?baseYear=2024&table=nope");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("表「nope」はありません");
    }

    [Theory]
    [InlineData("/222127/projection?baseYear=2024")]
    [InlineData("/222127/projection/export?baseYear=2024&format=csv")]
    [InlineData("/222127/projection/groups")]
    public async Task another_tenant_s_projection_is_not_found(string url)
    {
        (await fujiedaViewer.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_group_member_sees_its_groups_and_their_sum_and_per_member_figures()
    {
        var list = await yaizuViewer.GetStringAsync("/222127/projection/groups");
        list.ShouldContain("志太地域");
        list.ShouldNotContain("静岡・藤枝");

        var page = await yaizuViewer.GetStringAsync($"/222127/projection/groups/{groupId}?baseYear=2024");
        page.ShouldContain("焼津市");
        page.ShouldContain("藤枝市");
        page.ShouldContain("総額 <strong>10 億円</strong>");

        var csv = await yaizuViewer.GetStringAsync($"/222127/projection/groups/{groupId}/export?baseYear=2024&table=members&format=csv");
        csv.ShouldContain("222127,焼津市,250000,6250");
        csv.ShouldContain("222143,藤枝市,750000,18750");
        csv.ShouldContain("合計,志太地域,1000000,25000");
    }

    [Fact]
    public async Task a_group_the_tenant_is_not_in_is_not_found()
    {
        long other;
        await using (var db = app.Database.Context())
        {
            other = db.WideAreaGroups.Single(g => g.Name == "静岡・藤枝").Id;
        }

        (await yaizuViewer.GetAsync($"/222127/projection/groups/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await yaizuViewer.GetAsync($"/222127/projection/groups/{other}/export?format=csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fujiedaViewer.GetAsync($"/222143/projection/groups/{other}?baseYear=2024")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_large_register_is_projected_as_a_job_with_a_progress_bar()
    {
        await using var jobApp = await AppFactory.CreateAsync();
        jobApp.Settings["Projection:JobThreshold"] = "0";
        var viewer = await jobApp.SignedInClientAsync("v@yaizu.example.jp", await jobApp.CreateUserAsync("v@yaizu.example.jp", Yaizu, TenantRole.Viewer));
        await using (var db = jobApp.Database.Context(Yaizu, actor: "test-setup"))
        {
            var f = RegisterSeed.Facility(Yaizu, "Y-001", "焼津公民館");
            (f.UsageMajor, f.Quantity, f.QuantityKind, f.YearBuilt) = ("市民文化系施設", 1000m, QuantityKind.FloorArea, 2014);
            await RegisterSeed.SaveAsync(db, f);
        }

        var start = await viewer.GetAsync("/222127/projection?scenario=soumu&baseYear=2024");
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = start.Headers.Location!.ToString();
        location.ShouldContain("&job=");

        string page;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            page = Compact(await viewer.GetStringAsync(location));
            if (page.Contains("<progress", StringComparison.Ordinal))
            {
                await Task.Delay(100);
            }
        }
        while (page.Contains("<progress", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        page.ShouldContain("<th scope=\"row\">2044</th><td class=\"numeric\">125,000</td>");

        // The job is the tenant's own: another tenant's user cannot see it, even with its id.
        var jobId = location[(location.IndexOf("job=", StringComparison.Ordinal) + 4)..];
        var fujieda = await jobApp.SignedInClientAsync("v@fujieda.example.jp", await jobApp.CreateUserAsync("v@fujieda.example.jp", Fujieda, TenantRole.Viewer));
        (await fujieda.GetAsync($"/222143/projection?job={jobId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fujieda.GetAsync($"/api/v1/222143/jobs/{jobId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
