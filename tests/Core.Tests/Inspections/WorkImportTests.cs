using System.Text;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tests.Tables;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Inspections;

/// <summary>Files of works (and the idempotent re-run of inspection files) through the register's import pipeline.</summary>
public sealed class WorkImportTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task a_csv_of_works_is_imported_and_running_it_again_changes_nothing()
    {
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);
        await InspectionsTests.AddFacilityAsync(db, "R1", AssetKind.Road);
        const string file = "施設コード,部材,工事完了日,工事内容,補修後の判定区分,費用（円）\nB1,床版,R5.3.10,断面修復,I,\"1,200,000\"\nR1,,2024-11-01,切削オーバーレイ,I,８５０００００\nB1,,2022-02-01,伸縮装置交換,,\n";

        var first = await Core.Inspections.InspectionRecords.ImportWorksAsync(db, Csv(file), "工事.csv", Today, default);
        var again = await Core.Inspections.InspectionRecords.ImportWorksAsync(db, Csv(file), "工事.csv", Today, default);

        first.Value.Problems.ShouldBeEmpty();
        (first.Value.Added, first.Value.Updated, first.Value.Unchanged).ShouldBe((3, 0, 0));
        (again.Value.Added, again.Value.Updated, again.Value.Unchanged).ShouldBe((0, 0, 3));
        again.Value.Summary("工事・補修").ShouldBe("工事・補修のファイル 3 行を取り込みました（追加 0 件、修正 0 件、変更なし 3 件）。");
        await using var read = database.Context("222127");
        var works = await read.MaintenanceWorks.OrderBy(w => w.Id).ToListAsync();
        works.Select(w => (w.FacilityCode, w.Member, w.CompletedOn, w.Description, w.GradeAfter, w.Cost)).ShouldBe(
        [
            ("B1", "床版", new DateOnly(2023, 3, 10), "断面修復", (int?)1, (decimal?)1_200_000m),
            ("R1", "", new DateOnly(2024, 11, 1), "切削オーバーレイ", 1, 8_500_000m),
            ("B1", "", new DateOnly(2022, 2, 1), "伸縮装置交換", null, null),
        ]);
        (await read.AuditEvents.CountAsync(e => e.EntityType == "MaintenanceWork")).ShouldBe(3);
    }

    [Fact]
    public async Task a_corrected_file_corrects_the_records_it_names_and_adds_the_new_ones()
    {
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);
        await Core.Inspections.InspectionRecords.ImportWorksAsync(db, Csv("施設コード,完了日,内容,費用\nB1,2023-03-10,断面修復,1000000\n"), "工事.csv", Today, default);

        var corrected = await Core.Inspections.InspectionRecords.ImportWorksAsync(db,
            Csv("施設コード,完了日,内容,費用\nB1,2023-03-10,断面修復・表面被覆,1100000\nB1,2024-03-10,塗装,300000\n"), "工事.csv", Today, default);

        (corrected.Value.Added, corrected.Value.Updated, corrected.Value.Unchanged).ShouldBe((1, 1, 0));
        await using var read = database.Context("222127");
        (await read.MaintenanceWorks.OrderBy(w => w.CompletedOn).Select(w => w.Description + ":" + w.Cost).ToListAsync()).ShouldBe(["断面修復・表面被覆:1100000", "塗装:300000"]);
        (await read.AuditEvents.Where(e => e.EntityType == "MaintenanceWork").Select(e => e.Action).ToListAsync()).ShouldBe(["Added", "Modified", "Added"], ignoreOrder: true);
    }

    [Fact]
    public async Task bad_rows_are_located_by_file_row_column_and_value_and_nothing_is_written()
    {
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);
        await InspectionsTests.AddFacilityAsync(db, "R1", AssetKind.Road);

        var result = await Core.Inspections.InspectionRecords.ImportWorksAsync(db, Csv(
            "施設コード,完了日,内容,完了後の区分,費用\nB1,2023-03-10,断面修復,I,1000\nX9,2023-03-10,塗装,,\nR1,2023-03-10,切削,IV,\nB1,2023-13-01,塗装,,\nB1,2024-01-01,,,\nB1,2024-02-01,塗装,,12万\nB1,2023-03-10,断面修復,II,\n"),
            "工事.csv", Today, default);

        result.Value.Problems.Select(p => p.ToString()).ShouldBe(
        [
            "工事.csv 3行目「施設コード」列: 施設コード「X9」の施設は台帳にありません。（値: X9）",
            "工事.csv 4行目「完了後の区分」列: 判定区分「IV」は判定区分（舗装）の区分（I、II、III 修繕段階）ではありません。（値: IV）",
            "工事.csv 5行目「完了日」列: 日付「2023-13-01」を読めません（例: 2024-05-31、R6.5.31）。（値: 2023-13-01）",
            "工事.csv 6行目「内容」列: 工事・補修の内容を入力してください。",
            "工事.csv 7行目「費用」列: 費用「12万」は0以上の整数（円）で入力してください。（値: 12万）",
            "工事.csv 8行目: 2行目と同じ記録（施設コード・部材・日付が同じ）です。",
        ]);
        (await db.MaintenanceWorks.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_file_without_a_required_column_is_refused_at_its_header_row()
    {
        await using var db = database.Context("222127");
        var result = await Core.Inspections.InspectionRecords.ImportWorksAsync(db, Csv("施設コード,完了日,費用\nB1,2023-03-10,1000\n"), "工事.csv", Today, default);

        result.Value.Problems.Select(p => p.ToString()).ShouldBe(["工事.csv 1行目: 「内容」の列が見つかりません（見出しに 内容・工事内容・補修内容・工事名 などが必要です）。"]);
    }

    [Fact]
    public async Task an_xlsx_of_works_is_imported_with_excel_dates()
    {
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);
        var workbook = new XlsxBuilder().Sheet("工事履歴")
            .Row(1, "施設コード", "部材", "完了日", "内容", "完了後の区分", "費用")
            .Row(2, "B1", "主桁", "").Date("C2", new DateOnly(2021, 9, 30)).Text("D2", "当て板補強").Text("E2", "Ⅱ").Number("F2", 2500000)
            .Build();

        var result = await Core.Inspections.InspectionRecords.ImportWorksAsync(db, new MemoryStream(workbook), "工事.xlsx", Today, default);

        result.Value.Problems.ShouldBeEmpty();
        var work = await db.MaintenanceWorks.SingleAsync();
        (work.Member, work.CompletedOn, work.Description, work.GradeAfter, work.Cost).ShouldBe(("主桁", new DateOnly(2021, 9, 30), "当て板補強", (int?)2, (decimal?)2_500_000m));
    }

    [Fact]
    public async Task an_inspection_file_run_twice_adds_its_records_once_and_a_corrected_grade_replaces_the_old_one()
    {
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);
        const string file = "施設コード,部材,点検日,判定区分\nB1,,2019-07-01,II\nB1,床版,2019-07-01,III\n";

        (await Core.Inspections.InspectionRecords.ImportAsync(db, Csv(file), "点検.csv", Today, default)).Value.Added.ShouldBe(2);
        var again = await Core.Inspections.InspectionRecords.ImportAsync(db, Csv(file), "点検.csv", Today, default);
        var corrected = await Core.Inspections.InspectionRecords.ImportAsync(db, Csv(file.Replace("床版,2019-07-01,III", "床版,2019-07-01,IV", StringComparison.Ordinal)), "点検.csv", Today, default);

        (again.Value.Added, again.Value.Unchanged).ShouldBe((0, 2));
        (corrected.Value.Updated, corrected.Value.Unchanged).ShouldBe((1, 1));
        (await db.Inspections.OrderBy(i => i.Member).Select(i => i.Grade).ToListAsync()).ShouldBe([2, 4]);
    }

    [Fact]
    public async Task another_bodys_facility_codes_are_unknown_to_a_works_file_and_its_works_are_untouched()
    {
        await using (var a = database.Context("222127"))
        {
            await InspectionsTests.AddFacilityAsync(a, "B1", AssetKind.Bridge);
            await Core.Inspections.InspectionRecords.ImportWorksAsync(a, Csv("施設コード,完了日,内容\nB1,2023-03-10,断面修復\n"), "工事.csv", Today, default);
        }

        await using (var b = database.Context("222143"))
        {
            var refused = await Core.Inspections.InspectionRecords.ImportWorksAsync(b, Csv("施設コード,完了日,内容\nB1,2023-03-10,改ざん\n"), "工事.csv", Today, default);
            refused.Value.Problems.Single().Reason.ShouldBe("施設コード「B1」の施設は台帳にありません。");
            (await b.MaintenanceWorks.CountAsync()).ShouldBe(0);
        }

        await using var read = database.Context("222127");
        (await read.MaintenanceWorks.SingleAsync()).Description.ShouldBe("断面修復");
    }
}
