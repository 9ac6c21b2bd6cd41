using System.Text;
using InfraLedger.Core.Planning;
using InfraLedger.Core.Register.Export;
using InfraLedger.Core.Tables;
using InfraLedger.Tests;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>The 個別施設計画 workbook (domain doc §2): its sheets, the six contents ①–⑥, the works list and the yearly table, read back with the project's table reader; CSV in the download encodings.</summary>
public sealed class PlanExportTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private TestDatabase database = null!;
    private WorksPlanView plan = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.Context(Yaizu);
        await PlanFixture.BridgesAsync(db, "B", ["I", "II", "III", "III", "IV", "II"]);
        var inputs = new PlanInputs(2026, 5, [.. Enumerable.Range(2026, 5).Select(y => new Budget(y, "", 30_000_000))], PlanSolver.Heuristic, OutlookYears: 30);
        plan = (await WorksPlans.RunAsync(db, inputs, DateTime.UtcNow, default)).Value;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task the_workbook_has_the_published_sheets_and_the_six_contents()
    {
        using var xlsx = new MemoryStream();
        await PlanExport.WriteXlsxAsync(plan, xlsx, default);
        xlsx.Position = 0;

        var sheets = TableFile.ReadAll(xlsx, "plan.xlsx").Value;

        sheets.Select(s => s.Sheet).ShouldBe(["計画概要", "対策工事リスト", "年度別計画表", "施設一覧", "ライフサイクルコスト", "費用の見通し"]);
        var summary = sheets[0].Rows.Select(r => r.Cells[0]).ToList();
        summary.ShouldContain("① 対象施設");
        summary.ShouldContain("② 計画期間");
        summary.ShouldContain("③ 対策の優先順位の考え方");
        summary.ShouldContain("④ 個別施設の状態等");
        summary.ShouldContain("⑤ 対策内容と実施時期");
        summary.ShouldContain("⑥ 対策費用");
        sheets[0].Rows.Single(r => r.Cells[0] == "⑥ 対策費用").Cells[1]!.ShouldContain("事後保全");
        sheets[1].Headers.ShouldBe(["優先順位", "施設コード", "施設名", "資産種別", "健全度", "対策内容", "対策区分", "実施予定年度", "財源", "概算費用（円）", "便益（円）", "確約", "理由"]);
        var works = sheets[1].Rows.ToList();
        works.Count.ShouldBe(plan.Result.Works.Count);
        works.ShouldAllBe(w => !string.IsNullOrEmpty(w.Cells[12]));
        var years = sheets[2].Rows.ToList();
        years.Select(r => r.Cells[0]).ShouldBe(["2026", "2027", "2028", "2029", "2030"]);
        sheets[2].Headers.ShouldContain("予算 一般財源（円）");
        sheets[2].Headers.ShouldContain("IV 緊急措置段階（施設数の期待値）");
    }

    [Fact]
    public async Task the_works_list_as_csv_is_utf8_with_a_bom_or_shift_jis_and_an_unknown_table_is_refused()
    {
        using var bom = new MemoryStream();
        (await PlanExport.WriteCsvAsync(plan, "works", bom, CsvEncoding.Utf8Bom, default)).IsSuccess.ShouldBeTrue();
        bom.ToArray().Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bom.ToArray()).ShouldContain("優先順位,施設コード,施設名");

        using var sjis = new MemoryStream();
        (await PlanExport.WriteCsvAsync(plan, "years", sjis, CsvEncoding.ShiftJis, default)).IsSuccess.ShouldBeTrue();
        Encoding.GetEncoding(932).GetString(sjis.ToArray()).ShouldStartWith("年度,予算 一般財源（円）");

        (await PlanExport.WriteCsvAsync(plan, "nothing", new MemoryStream(), CsvEncoding.Utf8, default)).Error!.Code.ShouldBe("planning.export_table");
    }
}
