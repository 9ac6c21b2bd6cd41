using System.Net;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Register;
using InfraLedger.Web.Tests.Register;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Indicators;

/// <summary>The indicators pages and downloads of a tenant, and another tenant's being absent (404) and refused on write.</summary>
public sealed class IndicatorPagesTests(IndicatorPagesTests.Seed seed) : IClassFixture<IndicatorPagesTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient yaizuAdmin = seed.YaizuAdmin;
    private readonly HttpClient yaizuViewer = seed.YaizuViewer;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient YaizuAdmin { get; private set; } = null!;

        public HttpClient YaizuViewer { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            YaizuAdmin = await app.SignedInClientAsync("admin@yaizu.example.jp", await app.CreateUserAsync("admin@yaizu.example.jp", Yaizu, TenantRole.Admin));
            YaizuViewer = await app.SignedInClientAsync("viewer@yaizu.example.jp", await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer));
            // One building: 1,000,000 円 over 10 years from 2015-04-01 (FY2015), entered into the register from 2024-04-01
            // (RegisterSeed.ValidFrom); at the end of FY2024 nine years charged (FY2016–FY2024, 翌年度から): 900,000
            // accumulated, ratio 90.00%.
            await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
            {
                var school = RegisterSeed.Facility(Yaizu, "S-001", "焼津小学校");
                school.UsageMajor = "学校教育系施設";
                school.UsageMinor = "学校";
                school.Quantity = 5000m;
                school.QuantityKind = QuantityKind.FloorArea;
                await RegisterSeed.SaveAsync(db, school);
                var asset = RegisterSeed.Asset(Yaizu, "A-001", "焼津小学校 校舎", "S-001", 1_000_000m);
                asset.AcquisitionDate = new DateOnly(2015, 4, 1);
                asset.UsefulLife = 10;
                await RegisterSeed.SaveAsync(db, asset);
            }

            await using var other = app.Database.Context(Fujieda, actor: "test-setup");
            await RegisterSeed.SaveAsync(other, RegisterSeed.Facility(Fujieda, "F-001", "藤枝市役所"));
            await RegisterSeed.SaveAsync(other, RegisterSeed.Asset(Fujieda, "B-001", "藤枝市役所 建物", "F-001"));
            other.Populations.Add(new Core.Indicators.TenantPopulation { TenantId = Fujieda, FiscalYear = 2020, Population = 141_000, Basis = "住民基本台帳人口", Source = "藤枝市" });
            await other.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task the_indicators_page_shows_the_ratio_its_table_and_drills_down_to_the_assets()
    {
        var page = await yaizuViewer.GetStringAsync("/222127/indicators?year=2024");
        page.ShouldContain("<strong>90.00%</strong>");
        page.ShouldContain("/222127/indicators/assets?year=2024&amp;account=%E5%BB%BA%E7%89%A9");   // 建物
        page.ShouldContain("id=\"table-series\"");
        page.ShouldContain(">減価償却率（%）</text>"); // the chart's axis titles and legend (issue 21 item 7)
        page.ShouldContain(">年度</text>");
        page.ShouldContain("有形固定資産減価償却率（年度末）</li>");
        page.ShouldNotContain("藤枝市役所");

        var drill = await yaizuViewer.GetStringAsync("/222127/indicators/assets?year=2024&account=建物");
        drill.ShouldContain("A-001");
        drill.ShouldContain("900,000");
        drill.ShouldContain("<strong>90.00%</strong>");
        (await yaizuViewer.GetStringAsync("/222127/indicators/stock?year=2024")).ShouldContain("学校施設");
    }

    [Fact]
    public async Task the_download_has_the_rows_of_the_table()
    {
        var csv = await yaizuViewer.GetStringAsync("/222127/indicators/export?table=ratio&year=2024&format=csv");
        var lines = csv.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines[0].ShouldBe("勘定科目,取得価額（円）,減価償却累計額（円）,帳簿価額（円）,資産数,有形固定資産減価償却率（%）");
        lines[1].ShouldBe("全体,1000000,900000,100000,1,90");
        lines[2].ShouldBe("建物,1000000,900000,100000,1,90");

        var xlsx = await yaizuViewer.GetAsync("/222127/indicators/export?table=assets&year=2024&format=xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bad = await yaizuViewer.GetAsync("/222127/indicators/export?table=nothing&year=2024");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("表「nothing」はありません");
    }

    [Fact]
    public async Task an_impossible_year_gets_a_japanese_message()
    {
        (await yaizuViewer.GetStringAsync("/222127/indicators?year=99999")).ShouldContain("年度「99999」を西暦の年（例: 2021）として読めません。");
    }

    [Fact]
    public async Task an_editor_records_a_population_and_a_viewer_may_not()
    {
        var saved = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/indicators/population",
            new() { ["fiscalYear"] = "2021", ["population"] = "136,500", ["basis"] = "住民基本台帳人口", ["source"] = "焼津市統計書" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await yaizuViewer.GetStringAsync("/222127/indicators/population")).ShouldContain("136,500");
        (await yaizuViewer.GetStringAsync("/222127/indicators?year=2024")).ShouldContain("人口: 136,500人（2021年度");

        // A viewer gets no form (so no antiforgery token), and a POST without one is refused before the handler.
        (await yaizuViewer.GetStringAsync("/222127/indicators/population")).ShouldNotContain("年度の人口を登録する");
        var refused = await yaizuViewer.PostAsync("/222127/indicators/population",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["fiscalYear"] = "2022", ["population"] = "1", ["source"] = "x" }));
        refused.IsSuccessStatusCode.ShouldBeFalse();

        var invalid = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/indicators/population",
            new() { ["fiscalYear"] = "2022", ["population"] = "たくさん", ["source"] = "x" });
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("人口「たくさん」は1以上の整数で入力してください。");
        await using var db = app.Database.Context(Yaizu);
        (await db.Populations.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task an_admin_publishes_the_year_s_figures_and_another_tenant_sees_only_those_figures()
    {
        var published = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/indicators?handler=Publish", new() { ["year"] = "2024" }, formPage: "/222127/indicators?year=2024");
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        published.Headers.Location!.OriginalString.ShouldBe("/222127/indicators?year=2024");
        var page = await yaizuAdmin.GetStringAsync("/222127/indicators?year=2024");
        page.ShouldContain("2024年度末の台帳指標 2 件を公表しました（CC BY 4.0）。");
        page.ShouldContain("公表済みの値と同じ");
        page.ShouldContain("公表を取り下げる");

        await using (var db = app.Database.Context(Fujieda))
        {
            var report = (await IndicatorReport.BuildAsync(db, new Core.Common.FiscalYear(2024), default)).Value;
            // 藤枝市 sees 焼津市's published ratio (90%) beside its own current one, and only through the figures.
            report.Compared!.Publishers.ShouldBe(1);
            var ratio = report.Compared.Figures.Single(f => f.Definition.Id == IndicatorDefinition.AgingRatio);
            ratio.Nation.Count.ShouldBe(2);
            ratio.Nation.Average.ShouldBe((90m + ratio.Value!.Value) / 2);
        }

        var fujiedaAdmin = await app.SignedInClientAsync("admin@fujieda.example.jp", await app.CreateUserAsync("admin@fujieda.example.jp", Fujieda, TenantRole.Admin));
        var fujiedaPage = await fujiedaAdmin.GetStringAsync("/222143/indicators?year=2024");
        fujiedaPage.ShouldContain("公表した 1 団体");
        fujiedaPage.ShouldNotContain("焼津小学校");

        var withdrawn = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/indicators?handler=Withdraw", new() { ["year"] = "2024" }, formPage: "/222127/indicators?year=2024");
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await yaizuAdmin.GetStringAsync("/222127/indicators?year=2024")).ShouldContain("この年度の台帳指標を公表する");
    }

    [Fact]
    public async Task a_viewer_may_not_publish_nor_an_admin_for_another_tenant_and_an_empty_year_is_refused_on_the_page()
    {
        (await yaizuViewer.GetStringAsync("/222127/indicators?year=2024")).ShouldNotContain("台帳指標を公表する");
        // A viewer gets no form (so no antiforgery token), and a POST without one is refused before the handler.
        var viewer = await yaizuViewer.PostAsync("/222127/indicators?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string> { ["year"] = "2024" }));
        viewer.IsSuccessStatusCode.ShouldBeFalse();
        var other = await AppFactory.PostFormAsync(yaizuAdmin, "/222143/indicators?handler=Publish", new() { ["year"] = "2024" }, formPage: "/222127/indicators?year=2024");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var empty = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/indicators?handler=Publish", new() { ["year"] = "2010" }, formPage: "/222127/indicators?year=2010");
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("2010年度末の有形固定資産減価償却率を計算できる台帳データがありません。");

        await using var db = app.Database.Context();
        (await db.PublicIndicatorValues.CountAsync(v => v.SourceId == RegisterPublication.SourceId)).ShouldBe(0);
    }

    [Theory]
    [InlineData("/222143/indicators")]
    [InlineData("/222143/indicators/stock")]
    [InlineData("/222143/indicators/assets?account=建物")]
    [InlineData("/222143/indicators/population")]
    [InlineData("/222143/indicators/export?table=assets&format=csv")]
    public async Task another_tenants_indicators_are_404(string path) =>
        (await yaizuAdmin.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task posting_another_tenants_population_is_404_and_writes_nothing()
    {
        var response = await AppFactory.PostFormAsync(yaizuAdmin, "/222143/indicators/population",
            new() { ["fiscalYear"] = "2020", ["population"] = "1", ["source"] = "乗っ取り" }, formPage: "/222127/indicators/population");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = app.Database.Context(Fujieda);
        (await db.Populations.SingleAsync()).Population.ShouldBe(141_000);
    }
}
