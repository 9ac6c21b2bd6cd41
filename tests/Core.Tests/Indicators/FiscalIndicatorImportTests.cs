using System.Globalization;
using System.Text;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Tests.Tables;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Indicators;

public sealed class FiscalIndicatorImportTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Indicators =
        [IndicatorDefinition.FinancialCapability, IndicatorDefinition.CurrentBalance, IndicatorDefinition.RealDebtService, IndicatorDefinition.FutureBurden, IndicatorDefinition.Laspeyres];

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>The published file read with a plain split (it has no quoted fields), independently of the import.</summary>
    private static List<string[]> PublishedRows() =>
        [.. File.ReadAllLines(Path.Combine(Fixtures.Repository(), "src/Core/Indicators/Data", FiscalIndicatorImport.EmbeddedFile), Encoding.UTF8)
            .Skip(1).Select(line => line.Split(','))];

    [Fact]
    public async Task every_municipality_and_year_is_stored_exactly_as_published_and_blank_stays_blank()
    {
        await using (var db = database.Context())
        {
            var report = await FiscalIndicatorImport.ImportEmbeddedAsync(db, Now, default);
            report.Rows.ShouldBe(19_154);
        }

        await using var read = database.Context();
        var stored = (await read.PublicIndicatorValues.AsNoTracking().ToListAsync())
            .ToDictionary(v => (v.Code, v.FiscalYear, v.Indicator), v => v);
        var published = PublishedRows();
        published.Count.ShouldBe(19_154);
        stored.Count.ShouldBe(19_154 * 5);
        var blanks = 0;
        foreach (var row in published)
        {
            var year = int.Parse(row[0], CultureInfo.InvariantCulture);
            for (var i = 0; i < 5; i++)
            {
                var value = stored[(row[2], year, Indicators[i])];
                value.Text.ShouldBe(row[5 + i].Length == 0 ? null : row[5 + i], $"{row[2]} {year} {Indicators[i]}");
                value.BodyName.ShouldBe(row[4]);
                value.PrefectureName.ShouldBe(row[3]);
                blanks += row[5 + i].Length == 0 ? 1 : 0;
            }
        }

        // 将来負担比率 is blank where a body has no future burden (7,002 cells), 実質公債費比率 once, ラスパイレス指数 10 times.
        blanks.ShouldBe(7_013);
        stored.Values.Count(v => v.Text is null).ShouldBe(7_013);
    }

    [Fact]
    public async Task loading_the_same_file_again_changes_nothing()
    {
        // Loaded once as the seed loads it (the first load's figures are the test above's).
        await using var loaded = await TestDatabase.WithStatisticsAsync();
        await using var db = loaded.Context();
        var second = await FiscalIndicatorImport.ImportEmbeddedAsync(db, Now.AddDays(1), default);
        second.SameFileAsLoaded.ShouldBeTrue();
        (await db.StatisticsSources.SingleAsync()).LoadedAtUtc.ShouldBe(TestDatabase.StatisticsLoadedAtUtc);

        // Read again in full (not the seed's shortcut): every pair is compared and left as it is.
        var again = await FiscalIndicatorImport.ImportAsync(db, File.OpenRead(EmbeddedPath()), "again.csv", new FiscalIndicatorImport.Options(), Now.AddDays(2), default);
        (again.Value.Added, again.Value.Replaced, again.Value.Unchanged, again.Value.Committed).ShouldBe((0L, 0L, 19_154L, false));
        (await db.StatisticsSources.SingleAsync()).LoadedAtUtc.ShouldBe(TestDatabase.StatisticsLoadedAtUtc);
    }

    private static string EmbeddedPath() => Path.Combine(Fixtures.Repository(), "src/Core/Indicators/Data", FiscalIndicatorImport.EmbeddedFile);

    [Fact]
    public async Task a_file_with_problems_names_each_row_and_column_and_writes_nothing()
    {
        const string csv = """
            fiscal_year,fy_label,lgcode,prefecture,municipality,財政力指数,経常収支比率,実質公債費比率,将来負担比率,ラスパイレス指数
            2021,R3,222127,静岡県,焼津市,0.88,90.1,5.1,,99.8
            2021,R3,222128,静岡県,焼津市,0.88,90.1,5.1,,99.8
            2021,R3,222143,静岡県,藤枝市,0.8x,90.1,5.1,,99.8
            2021,R3,222127,静岡県,焼津市,0.88,90.1,5.1,,99.8
            """;
        await using var db = database.Context();
        var result = await FiscalIndicatorImport.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "shihyo.csv", new FiscalIndicatorImport.Options(), Now, default);

        var report = result.Value;
        report.ProblemCount.ShouldBe(3);
        report.Problems[0].At.Row.ShouldBe(3);
        report.Problems[0].At.Column.ShouldBe("lgcode");
        report.Problems[0].Reason.ShouldContain("検査数字");
        report.Problems[1].ToString().ShouldBe("shihyo.csv 4行目「財政力指数」列: 財政力指数「0.8x」は数値ではありません（該当なしは空欄または「－」にしてください）。（値: 0.8x）");
        report.Problems[2].Reason.ShouldContain("2行目 と重複");
        (await db.PublicIndicatorValues.CountAsync()).ShouldBe(0);
        (await db.StatisticsSources.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_body_is_compared_with_its_prefecture_and_the_nation_as_computed_from_the_file()
    {
        await using var loaded = await TestDatabase.WithStatisticsAsync();

        await using var read = loaded.Context();
        var view = (await PublicIndicators.ForBodyAsync(read, "222127", 2021, default)).Value.ShouldNotBeNull();

        // Oracle: the FY2021 経常収支比率 column of the file, averaged and ranked here with plain LINQ.
        var column = PublishedRows().Where(r => r[0] == "2021" && r[6].Length > 0)
            .Select(r => (Code: r[2], Value: decimal.Parse(r[6], CultureInfo.InvariantCulture))).ToList();
        var own = column.Single(c => c.Code == "222127").Value;
        var figure = view.Figures.Single(f => f.Definition.Id == IndicatorDefinition.CurrentBalance);
        figure.Text.ShouldBe(PublishedRows().Single(r => r[0] == "2021" && r[2] == "222127")[6]);
        figure.Nation.Count.ShouldBe(column.Count);
        figure.Nation.Average.ShouldBe(column.Average(c => c.Value));
        figure.Nation.Rank.ShouldBe(column.Count(c => c.Value > own) + 1);
        var shizuoka = column.Where(c => c.Code.StartsWith("22", StringComparison.Ordinal)).ToList();
        figure.Prefecture.Count.ShouldBe(shizuoka.Count);
        figure.Prefecture.Rank.ShouldBe(shizuoka.Count(c => c.Value > own) + 1);
        view.SimilarGroup.ShouldBeNull();
        figure.SimilarGroup.ShouldBe(Standing.None);
        view.Series.Select(s => s.FiscalYear).ShouldBe(Enumerable.Range(2011, 11));
        view.Source.Attribution.ShouldBe("出典：総務省『主要財政指標一覧』");
    }

    [Fact]
    public async Task without_a_loaded_group_the_tenant_s_own_group_is_estimated_from_its_population_and_labelled()
    {
        await using var loaded = await TestDatabase.WithStatisticsAsync();
        await using (var db = loaded.Context("222127"))
        {
            // 焼津市 is a 市: 100,000–149,999 → Ⅲ; Ⅱ次 + Ⅲ次 = 95% with Ⅲ次 below 65% → 2 (local-government-codes.md §4.2).
            db.Populations.Add(new TenantPopulation { TenantId = "222127", FiscalYear = 2020, Population = 136_000, Basis = "国勢調査人口", Source = "国勢調査", SecondaryIndustryShare = 33m, TertiaryIndustryShare = 62m });
            await db.SaveChangesAsync();
        }

        await using (var own = loaded.Context("222127"))
        {
            var view = (await PublicIndicators.ForBodyAsync(own, "222127", 2021, default)).Value.ShouldNotBeNull();
            view.SimilarGroup.ShouldNotBeNull().Group.ShouldBe("都市Ⅲ-2");
            view.SimilarGroup.SourceId.ShouldBe(SimilarGroups.EstimatedSourceId);
            view.Figures.ShouldAllBe(f => f.SimilarGroup == Standing.None);
        }

        // Another tenant looking at 焼津市 does not read 焼津市's population.
        await using var other = loaded.Context("222143");
        (await PublicIndicators.ForBodyAsync(other, "222127", 2021, default)).Value.ShouldNotBeNull().SimilarGroup.ShouldBeNull();
    }

    [Fact]
    public async Task a_year_outside_the_data_is_refused_with_the_range()
    {
        await using var loaded = await TestDatabase.WithStatisticsAsync();
        await using var db = loaded.Context();
        var result = await PublicIndicators.ForBodyAsync(db, "222127", 2030, default);
        result.Error!.Message.ShouldBe("2030年度のデータはありません（2011〜2021年度）。");
    }
}
