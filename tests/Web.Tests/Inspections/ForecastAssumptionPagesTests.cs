using System.Net;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Register;
using InfraLedger.Web.Tests.Register;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Inspections;

/// <summary>The stock forecast's assumption about works on the deterioration page and its download (issue 19 item 4).</summary>
public sealed class ForecastAssumptionPagesTests(ForecastAssumptionPagesTests.Seed seed) : IClassFixture<ForecastAssumptionPagesTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient yaizu = seed.YaizuClient;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient YaizuClient { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            YaizuClient = await app.SignedInClientAsync("viewer@yaizu.example.jp", await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer));
            await BridgesAsync(app, Yaizu, "BR-", repairs: 2);
            await BridgesAsync(app, Fujieda, "FB-", repairs: 3);
        }
    }

    [Fact]
    public async Task the_page_says_which_assumption_its_forecast_uses_and_offers_practice_and_the_librarys_policies()
    {
        var plain = await yaizu.GetStringAsync("/222127/deterioration?kind=bridge");
        plain.ShouldContain("健全性の予測（施設数の期待値、前提: 補修なし）");
        plain.ShouldContain("<option value=\"practice\">現状の補修実績（点検の改善と工事記録から推定）</option>");
        plain.ShouldContain("<option value=\"policy:予防保全\">維持管理方針「予防保全」</option>");
        plain.ShouldNotContain("policy:60年で架替");

        var practice = await yaizu.GetStringAsync("/222127/deterioration?kind=bridge&assume=practice");
        practice.ShouldContain("健全性の予測（施設数の期待値、前提: 現状の補修実績）");
        practice.ShouldContain("自団体の点検 22 組（うち工事で改善した 2 件の工事記録を含む）");
        practice.ShouldContain("assume=practice");

        var policy = await yaizu.GetStringAsync("/222127/deterioration?kind=bridge&assume=" + Uri.EscapeDataString("policy:予防保全"));
        policy.ShouldContain("健全性の予測（施設数の期待値、前提: 方針「予防保全」）");

        var csv = await yaizu.GetStringAsync("/222127/deterioration/export?table=forecast&kind=bridge&format=csv&assume=practice");
        csv.ShouldContain("年,I 健全,II 予防保全段階,III 早期措置段階,IV 緊急措置段階");
    }

    [Fact]
    public async Task an_unknown_assumption_is_a_located_japanese_error_on_the_page_and_a_400_for_the_download()
    {
        var response = await yaizu.GetAsync("/222127/deterioration?kind=bridge&assume=" + Uri.EscapeDataString("policy:毎年架替"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("維持管理方針「毎年架替」はこの設定にありません。（補修なしの予測を表示しています）");
        page.ShouldContain("健全性の予測（施設数の期待値、前提: 補修なし）");

        (await yaizu.GetStringAsync("/222127/deterioration?kind=bridge&assume=sometimes")).ShouldContain("予測の前提「sometimes」はありません");
        var download = await yaizu.GetAsync("/222127/deterioration/export?table=forecast&kind=bridge&format=csv&assume=sometimes");
        download.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await download.Content.ReadAsStringAsync()).ShouldContain("予測の前提「sometimes」はありません");
    }

    [Theory]
    [InlineData("/222143/deterioration?kind=bridge&assume=practice")]
    [InlineData("/222143/deterioration/export?table=forecast&kind=bridge&format=csv&assume=practice")]
    public async Task another_tenants_forecast_with_works_is_404(string path) =>
        (await yaizu.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    /// <summary>Ten bridges all I in 2014, graded again in 2019 and 2024, the first <paramref name="repairs"/> found in III or IV repaired to I in 2020; the kind's model fitted.</summary>
    private static async Task BridgesAsync(AppFactory app, string tenant, string prefix, int repairs)
    {
        await using var db = app.Database.Context(tenant, actor: "test-setup");
        string[] y2019 = ["I", "I", "I", "I", "II", "II", "II", "III", "III", "IV"];
        string[] y2024 = ["I", "I", "I", "II", "II", "II", "III", "IV", "IV", "IV"];
        string[] afterRepair = ["", "", "", "", "", "", "", "II", "I", "II"];
        var today = new DateOnly(2025, 1, 1);
        for (var i = 0; i < y2019.Length; i++)
        {
            var bridge = RegisterSeed.Facility(tenant, $"{prefix}{i}", $"{i}号橋");
            bridge.Kind = AssetKind.Bridge;
            await RegisterSeed.SaveAsync(db, bridge);
            var repaired = y2019[i] is "III" or "IV" && repairs-- > 0;
            foreach (var (on, grade) in new[] { ("2014-06-01", "I"), ("2019-06-01", y2019[i]), ("2024-06-01", repaired ? afterRepair[i] : y2024[i]) })
            {
                (await Core.Inspections.InspectionRecords.RecordAsync(db, new(bridge.Code, null, on, null, grade, null, null, null), today, default)).IsSuccess.ShouldBeTrue();
            }

            if (repaired)
            {
                (await Core.Inspections.InspectionRecords.RecordWorkAsync(db, new(bridge.Code, null, "2020-06-01", "床版取替", "I", "1000000"), today, default)).IsSuccess.ShouldBeTrue();
            }
        }

        (await DeteriorationModels.FitAsync(db, AssetKind.Bridge, [], null, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
        (await db.MaintenanceWorks.CountAsync()).ShouldBe(tenant == Yaizu ? 2 : 3);
    }
}
