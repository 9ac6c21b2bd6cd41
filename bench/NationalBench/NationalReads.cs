using System.Diagnostics;
using InfraLedger.Core.Dashboards;
using InfraLedger.Core.Database;
using InfraLedger.Core.OpenData;
using InfraLedger.Core.Projection;
using InfraLedger.Core.Register;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Search;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Bench;

/// <summary>
/// The reads compared, each through the product's own Core code as the page or endpoint calls it: timed on the national
/// database and on the tenant's own database, alternately: the median of seven runs on each after a warm-up.
/// </summary>
internal static class NationalReads
{
    internal sealed record Figure(string Name, TimeSpan National, TimeSpan Alone, bool PerTenant);

    private sealed record Read(string Name, bool PerTenant, bool Scoped, Func<AppDbContext, Task<object>> Run);

    public static async Task<List<Figure>> CompareAsync(DatabaseSettings national, DatabaseSettings alone, string tenant)
    {
        var prefecture = tenant[..2];
        var parameters = Presets.Find(Presets.Baseline)!.Parameters;
        var reads = new Read[]
        {
            new("施設一覧 1ページ目", true, true, async db => await FacilityRegister.ListAsync(db, new FacilityRegister.Query(), default)),
            new("施設一覧 橋梁のみ", true, true, async db => await FacilityRegister.ListAsync(db, new FacilityRegister.Query(Kind: AssetKind.Bridge), default)),
            new("施設一覧 名称順 20ページ目", true, true, async db => await FacilityRegister.ListAsync(db, new FacilityRegister.Query(Sort: "name", Page: 20), default)),
            new("施設一覧 文字で絞り込み「大川橋」", true, true, async db => await FacilityRegister.ListAsync(db, new FacilityRegister.Query(Text: "大川橋"), default)),
            new("横断検索「大川橋0000012」", true, true, async db => await TenantSearch.SearchAsync(db, "大川橋0000012", null, 1, 20, default)),
            new("更新費用推計（総務省の前提）", true, true, db => Task.Run(() => (object)Projections.Run(db, parameters, 2026, null, default))),
            new("Open311 GET services + requests", true, true, async db =>
            {
                var services = await CrossTenant.ActiveReportServicesOfAsync(db, tenant, default);
                var query = Open311Query.Parse(_ => null, false, DateTime.UtcNow);
                return (services, await ReportSearch.RunAsync(db, query.Value.Filter, default));
            }),
            new("ダッシュボード 団体のページ", true, false, async db =>
            {
                var body = await db.LocalGovernments.AsNoTracking().SingleAsync(b => b.Code == tenant);
                return await PublicDashboard.BodyAsync(db, body, null, default);
            }),
            new("ダッシュボード 全団体", false, false, async db => await RankingAsync(db, null)),
            new("ダッシュボード 都道府県 " + prefecture, false, false, async db => await RankingAsync(db, prefecture)),
            new("CKAN package_search q=公共施設", false, false, async db =>
            {
                var catalog = await Catalog.LoadAsync(db, "http://localhost", OpenDataLicences.Default, default);
                return CkanSearch.Run(catalog.Packages, CkanSearch.Parse("公共施設", [], "20", null, null).Value);
            }),
            new("全国集計 種別ごとの件数・数量", false, false, async db => await db.Facilities.IgnoreQueryFilters().GroupBy(f => f.Kind)
                .Select(g => new { g.Key, Count = g.Count(), Quantity = g.Sum(f => f.Quantity) }).ToListAsync()),
            new("全国集計 2巡目の判定区分", false, false, async db => await db.Inspections.IgnoreQueryFilters().Where(i => i.InspectedOn >= new DateOnly(2019, 4, 1))
                .GroupBy(i => i.Grade).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()),
        };

        var figures = new List<Figure>();
        foreach (var read in reads)
        {
            var (n, a) = await TimeAsync(national, alone, tenant, read);
            figures.Add(new Figure(read.Name, n, a, read.PerTenant));
        }

        return figures;
    }

    private static async Task<object> RankingAsync(AppDbContext db, string? prefecture)
    {
        var choices = await PublicDashboard.ChoicesAsync(db, default);
        var (choice, year) = PublicDashboard.Pick(choices, null, null).Value;
        return await PublicDashboard.RankingAsync(db, choice, year, prefecture, default);
    }

    /// <summary>One warm-up on each database, then seven runs alternating between them (so both see the same machine load); the medians.</summary>
    private static async Task<(TimeSpan National, TimeSpan Alone)> TimeAsync(DatabaseSettings national, DatabaseSettings alone, string tenant, Read read)
    {
        var scope = new TenantScope { Actor = "bench" };
        if (read.Scoped)
        {
            scope.Enter(LocalGovernmentCode.Parse(tenant).Value);
        }

        async Task<TimeSpan> Once(DatabaseSettings settings)
        {
            var watch = Stopwatch.StartNew();
            await using var db = read.Scoped ? settings.CreateContext(scope) : settings.CreateContext();
            await read.Run(db);
            return watch.Elapsed;
        }

        await Once(national);
        await Once(alone);
        var times = (National: new List<TimeSpan>(), Alone: new List<TimeSpan>());
        for (var i = 0; i < 7; i++)
        {
            times.National.Add(await Once(national));
            times.Alone.Add(await Once(alone));
        }

        return (times.National.Order().ElementAt(3), times.Alone.Order().ElementAt(3));
    }
}
