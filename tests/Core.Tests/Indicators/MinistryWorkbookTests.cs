using System.Globalization;
using System.Text;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Tests.Tables;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Indicators;

/// <summary>
/// Issue 16, items 5 and 6: 総務省's 主要財政指標一覧 workbooks import as published (../shared/data/fiscal/original/, byte
/// for byte, 出典：総務省『主要財政指標一覧』, CC BY 4.0), and an import of one year leaves every other year in place.
/// </summary>
public sealed class MinistryWorkbookTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static string Original(string file) => Path.Combine(Fixtures.Repository(), "..", "shared", "data", "fiscal", "original", file);

    private static string Tidy() => Path.Combine(Fixtures.Repository(), "..", "shared", "data", "fiscal", "soumu_municipal_fiscal_indicators_H23-R3.csv");

    private async Task<Core.Tables.MergeOutcome> ImportAsync(string path, FiscalIndicatorImport.Options options)
    {
        await using var db = database.Context();
        await using var file = File.OpenRead(path);
        var result = await FiscalIndicatorImport.ImportAsync(db, file, Path.GetFileName(path), options, Now, default);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value;
    }

    /// <summary>The tidy CSV's values of one year (the file has no quoted fields), read here with a plain split.</summary>
    private static Dictionary<(string Code, string Indicator), string?> TidyValues(int year)
    {
        string[] indicators = [IndicatorDefinition.FinancialCapability, IndicatorDefinition.CurrentBalance, IndicatorDefinition.RealDebtService, IndicatorDefinition.FutureBurden, IndicatorDefinition.Laspeyres];
        return File.ReadLines(Tidy(), Encoding.UTF8).Skip(1).Select(l => l.Split(',')).Where(r => r[0] == year.ToString(CultureInfo.InvariantCulture))
            .SelectMany(r => indicators.Select((id, i) => (Key: (r[2], id), Value: r[5 + i].Length == 0 ? null : r[5 + i])))
            .ToDictionary(x => x.Key, x => x.Value);
    }

    // R2's title states 「（令和２年度）」; H27's title is only 「全市町村の主要財政指標」, so its year is given (--year).
    [Theory]
    [InlineData("soumu_shuyou_zaisei_shihyou_city_R2.xlsx", 2020, null)]
    [InlineData("soumu_shuyou_zaisei_shihyou_city_H27.xls", 2015, 2015)]
    public async Task the_ministry_s_city_workbook_imports_as_published_with_the_year_from_its_title_or_given(string file, int year, int? given)
    {
        var dryRun = await ImportAsync(Original(file), new FiscalIndicatorImport.Options(Commit: false, Year: given));
        var report = await ImportAsync(Original(file), new FiscalIndicatorImport.Options(Year: given));

        dryRun.Years.ShouldBe([new Core.Tables.YearChange(year, 1741, 0, 0)], string.Join("\n", dryRun.Problems.Take(5).Select(p => p.ToString()).Concat(dryRun.Notes.Select(n => n.Header + ": " + n.Reason))));
        dryRun.Committed.ShouldBeFalse();
        (report.Rows, report.Skipped, report.Committed).ShouldBe((1742L, 1L, true));
        report.SkippedReason.ShouldBe("平均・合計の行（全国市町村平均など）");
        await using var db = database.Context();
        var stored = await db.PublicIndicatorValues.AsNoTracking().Where(v => v.FiscalYear == year).ToListAsync();
        var expected = TidyValues(year);
        stored.Count.ShouldBe(8_705);
        expected.Count.ShouldBe(8_705);
        // Equal as numbers: the tidy CSV kept one value with binary noise (082023 実質公債費比率 -0.6000000000000001 in
        // FY2020), which the workbook stores and Excel shows as -0.6; every other value is equal as text too.
        var byKey = stored.ToDictionary(v => (v.Code, v.Indicator), v => v.Text);
        expected.Where(e => !byKey.TryGetValue(e.Key, out var text) || Number(text) != Number(e.Value))
            .Select(e => $"{e.Key}: {e.Value} ≠ {byKey.GetValueOrDefault(e.Key)}").Take(10).ShouldBeEmpty();
        expected.Count(e => byKey[e.Key] != e.Value).ShouldBe(year == 2020 ? 1 : 0);
        stored.ShouldAllBe(v => v.SourceId == FiscalIndicatorImport.SourceId);
    }

    private static decimal? Number(string? text) =>
        text is null ? null : Math.Round(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), 10);

    [Fact]
    public async Task the_prefectures_workbook_imports_with_codes_from_the_prefecture_names_into_a_source_of_its_own()
    {
        var report = await ImportAsync(Original("soumu_shuyou_zaisei_shihyou_prefecture_R2.xlsx"), new FiscalIndicatorImport.Options());

        report.Years.ShouldBe([new Core.Tables.YearChange(2020, 47, 0, 0)]);
        report.SkippedReason.ShouldBe("平均・合計の行（都道府県平均など）");
        await using var db = database.Context();
        var hokkaido = await db.PublicIndicatorValues.AsNoTracking().Where(v => v.Code == "010006").ToDictionaryAsync(v => v.Indicator, v => v);
        // Row 3 of the sheet: 北海道 0.46217, 98.2, 19.6, 325.6, 99.2 (as Excel shows them).
        hokkaido[IndicatorDefinition.FinancialCapability].Text.ShouldBe("0.46217");
        hokkaido[IndicatorDefinition.FutureBurden].Text.ShouldBe("325.6");
        (hokkaido[IndicatorDefinition.Laspeyres].BodyName, hokkaido[IndicatorDefinition.Laspeyres].SourceId).ShouldBe(("北海道", FiscalIndicatorImport.PrefectureSourceId));
        (await db.PublicIndicatorValues.CountAsync(v => v.SourceId == FiscalIndicatorImport.SourceId)).ShouldBe(0, "municipal averages never include prefectures");
    }

    [Fact]
    public async Task a_second_import_of_one_year_leaves_every_other_year_in_place()
    {
        // What was seen: loading one fiscal year's file replaced all 11 years (95,787 rows became 8,722) without a word.
        await ImportAsync(Tidy(), new FiscalIndicatorImport.Options());
        var again = await ImportAsync(Original("soumu_shuyou_zaisei_shihyou_city_R2.xlsx"), new FiscalIndicatorImport.Options());

        // The one FY2020 value the tidy file wrote with binary noise (-0.6000000000000001) is replaced by the workbook's -0.6.
        again.Years.ShouldBe([new Core.Tables.YearChange(2020, 0, 1, 1740)]);
        await using (var db = database.Context())
        {
            (await db.PublicIndicatorValues.CountAsync()).ShouldBe(19_154 * 5);
            (await db.PublicIndicatorValues.Select(v => v.FiscalYear).Distinct().CountAsync()).ShouldBe(11);
        }

        var path = Path.Combine(Path.GetTempPath(), $"shihyo-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "年度,団体コード,都道府県名,団体名,財政力指数,経常収支比率,実質公債費比率,将来負担比率,ラスパイレス指数\n" +
            "2021,222127,静岡県,焼津市,0.87,88.5,6.5,8.4,100.4\n2021,222143,静岡県,藤枝市,0.86,88.9,4.6,－,99.7\n");
        try
        {
            var dryRun = await ImportAsync(path, new FiscalIndicatorImport.Options(Commit: false));
            var one = await ImportAsync(path, new FiscalIndicatorImport.Options());

            // 焼津市 FY2021 as published: 0.86, 88.5, 6.5, 8.4, 100.4; the file says 0.87 → replaced. 藤枝市 changes too.
            dryRun.Years.ShouldBe([new Core.Tables.YearChange(2021, 0, 2, 0)]);
            (one.Replaced, one.Committed).ShouldBe((2L, true));
        }
        finally
        {
            File.Delete(path);
        }

        await using var read = database.Context();
        (await read.PublicIndicatorValues.CountAsync()).ShouldBe(19_154 * 5);
        (await read.PublicIndicatorValues.SingleAsync(v => v.Code == "222127" && v.FiscalYear == 2021 && v.Indicator == IndicatorDefinition.FinancialCapability)).Text.ShouldBe("0.87");
        (await read.PublicIndicatorValues.SingleAsync(v => v.Code == "222127" && v.FiscalYear == 2020 && v.Indicator == IndicatorDefinition.FinancialCapability)).Text
            .ShouldBe(TidyValues(2020)[("222127", IndicatorDefinition.FinancialCapability)]);
        (await read.PublicIndicatorValues.SingleAsync(v => v.Code == "222143" && v.FiscalYear == 2021 && v.Indicator == IndicatorDefinition.FutureBurden)).Text.ShouldBeNull();
    }

    [Fact]
    public async Task a_year_is_removed_only_when_asked()
    {
        await ImportAsync(Tidy(), new FiscalIndicatorImport.Options());
        await using var db = database.Context();

        var removed = await FiscalIndicatorImport.RemoveYearAsync(db, 2015, Now, default);

        removed.ShouldBe(1741 * 5);
        (await db.PublicIndicatorValues.CountAsync()).ShouldBe((19_154 - 1741) * 5);
        (await db.StatisticsSources.SingleAsync()).RowCount.ShouldBe(19_154 - 1741);
    }

    [Fact]
    public async Task a_workbook_without_a_year_in_its_title_takes_the_given_year_and_otherwise_says_what_is_missing()
    {
        var csv = "団体コード,都道府県名,団体名,財政力指数,経常収支比率,実質公債費比率,将来負担比率,ラスパイレス指数\n222127,静岡県,焼津市,0.86,88.5,6.5,8.4,100.4\n";
        await using var db = database.Context();

        var unknown = await FiscalIndicatorImport.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "no-year.csv", new(), Now, default);
        var given = await FiscalIndicatorImport.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "no-year.csv", new(Year: 2021), Now, default);
        var conflict = await FiscalIndicatorImport.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes("主要財政指標（令和3年度）\n" + csv)), "r3.csv", new(Year: 2020), Now, default);

        unknown.Value.Problems.Single().ToString().ShouldBe("no-year.csv 1行目: 年度が分かりません。タイトル行に「令和2年度」のように書かれているか、年度の列があるファイルにするか、年度を指定してください（--year）。");
        given.Value.Years.ShouldBe([new Core.Tables.YearChange(2021, 1, 0, 0)]);
        conflict.Value.Problems.Single().Reason.ShouldBe("タイトル行の年度（2021年度）と指定された年度（2020年度）が異なります。");
    }
}
