using System.Text;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Projection;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Indicators;

/// <summary>Issue 16: populations and recent investments merge like statistics: the file's years only, with a dry run.</summary>
public sealed class YearlyImportMergeTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task a_population_file_of_one_year_adds_or_replaces_that_year_and_keeps_the_others()
    {
        await using var db = database.Context(Yaizu);
        await Populations.ImportAsync(db, Csv("年度,人口,出典\n2019,138000,統計書\n2020,137000,統計書\n"), "pop.csv", commit: true, default);

        var dryRun = await Populations.ImportAsync(db, Csv("年度,人口,出典\n2020,137500,統計書\n2021,136500,統計書\n"), "pop2.csv", commit: false, default);
        (await db.Populations.OrderBy(p => p.FiscalYear).Select(p => p.Population).ToListAsync()).ShouldBe([138_000, 137_000], "a dry run writes nothing");
        var commit = await Populations.ImportAsync(db, Csv("年度,人口,出典\n2020,137500,統計書\n2021,136500,統計書\n"), "pop2.csv", commit: true, default);

        dryRun.Value.Years.ShouldBe([new Core.Tables.YearChange(2020, 0, 1, 0), new Core.Tables.YearChange(2021, 1, 0, 0)]);
        dryRun.Value.YearLines(null).ShouldBe(["2020年度: 置換", "2021年度: 追加"]);
        commit.Value.Committed.ShouldBeTrue();
        (await db.Populations.OrderBy(p => p.FiscalYear).Select(p => p.Population).ToListAsync()).ShouldBe([138_000, 137_500, 136_500]);
        (await Populations.RemoveAsync(db, 2019, default)).ShouldBeTrue();
        (await db.Populations.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task an_investment_file_of_one_year_keeps_the_others_and_reports_per_year()
    {
        await using var db = database.Context(Yaizu);
        await RecentInvestments.ImportAsync(db, Csv("年度,既存更新分,出典\n2021,100,決算統計\n2022,200,決算統計\n"), "inv.csv", commit: true, default);

        // The header's unit applies: 0.2 千円 is the 200 円 already stored, 300 千円 is 300,000 円.
        var again = await RecentInvestments.ImportAsync(db, Csv("年度,既存更新分（千円）,出典\n2022,0.2,決算統計\n2023,300,決算統計\n"), "inv2.csv", commit: true, default);

        again.Value.Years.ShouldBe([new Core.Tables.YearChange(2022, 0, 0, 1), new Core.Tables.YearChange(2023, 1, 0, 0)]);
        (await db.RecentInvestments.OrderBy(r => r.FiscalYear).Select(r => r.Renewal).ToListAsync()).ShouldBe([100m, 200m, 300_000m]);
    }
}
