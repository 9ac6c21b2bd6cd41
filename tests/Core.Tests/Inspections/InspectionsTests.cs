using System.Text;
using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Inspections;

public sealed class InspectionsTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    internal static async Task AddFacilityAsync(AppDbContext db, string code, AssetKind kind, int? yearBuilt = 1970)
    {
        var saved = await FacilityRegister.SaveAsync(db, new Facility { TenantId = db.Scope.TenantId!, Code = code, Name = code + "橋", Kind = kind, YearBuilt = yearBuilt },
            isNew: true, new DateOnly(2020, 4, 1), null, DateTime.UtcNow, default);
        saved.IsSuccess.ShouldBeTrue();
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task a_file_of_inspections_is_imported_with_grades_on_each_kinds_scale()
    {
        await using var db = database.Context("222127");
        await AddFacilityAsync(db, "B1", AssetKind.Bridge);
        await AddFacilityAsync(db, "R1", AssetKind.Road);
        await AddFacilityAsync(db, "S1", AssetKind.SewerPipe);

        var result = await Core.Inspections.InspectionRecords.ImportAsync(db, Csv(
            "施設コード,部材,点検日,点検者,判定区分,対策区分,所見\nB1,,2019-07-01,山田,Ⅱ,C1,うき\nB1,床版,R6.7.1,山田,III,C2,ひびわれ\nR1,,2024-05-01,,III,,\nS1,,2024-05-01,,緊急度I,,\n"),
            "点検.csv", Today, default);

        result.Value.Problems.ShouldBeEmpty();
        result.Value.Rows.ShouldBe(4);
        var rows = await Core.Inspections.InspectionRecords.ListAsync(db, null, default);
        rows.Select(r => (r.Inspection.FacilityCode, r.Inspection.Member, r.Inspection.Grade)).ShouldBe([("B1", "", 2), ("B1", "床版", 3), ("R1", "", 3), ("S1", "", 4)]);
        rows[1].Inspection.InspectedOn.ShouldBe(new DateOnly(2024, 7, 1));
        rows[3].Scheme.Label(4).ShouldBe("緊急度I");
    }

    [Fact]
    public async Task bad_rows_are_located_by_file_row_and_column_and_nothing_is_written()
    {
        await using var db = database.Context("222127");
        await AddFacilityAsync(db, "B1", AssetKind.Bridge);
        await AddFacilityAsync(db, "R1", AssetKind.Road);

        var result = await Core.Inspections.InspectionRecords.ImportAsync(db, Csv(
            "施設コード,点検日,判定区分,対策区分\nB1,2019-07-01,II,C1\nX9,2019-07-01,II,\nR1,2019-07-01,IV,\nB1,2030-01-01,I,\nB1,2019-07-01,I,Z\n"),
            "点検.csv", Today, default);

        result.Value.Problems.Select(p => p.ToString()).ShouldBe(
        [
            "点検.csv 3行目「施設コード」列: 施設コード「X9」の施設は台帳にありません。（値: X9）",
            "点検.csv 4行目「判定区分」列: 判定区分「IV」は判定区分（舗装）の区分（I、II、III 修繕段階）ではありません。（値: IV）",
            "点検.csv 5行目「点検日」列: 日付 2030-01-01 は未来の日付です。（値: 2030-01-01）",
            "点検.csv 6行目「対策区分」列: 対策区分「Z」は A、B、C1、C2、E1、E2、M、S1、S2 のいずれかで入力してください。（値: Z）",
        ]);
        (await db.Inspections.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_countermeasure_that_disagrees_with_the_grade_is_flagged_and_the_grade_is_kept()
    {
        await using var db = database.Context("222127");
        await AddFacilityAsync(db, "B1", AssetKind.Bridge);

        var recorded = await Core.Inspections.InspectionRecords.RecordAsync(db, new("B1", null, "2024-05-01", "山田", "II", "E1", null, null), Today, default);

        recorded.Value.Grade.ShouldBe(2);
        (await Core.Inspections.InspectionRecords.ListAsync(db, "B1", default)).Single().CountermeasureDisagrees.ShouldBeTrue();
    }

    [Fact]
    public async Task the_distribution_counts_each_facilitys_latest_grade_and_the_worst_member_when_only_members_were_graded()
    {
        await using var db = database.Context("222127");
        await AddFacilityAsync(db, "B1", AssetKind.Bridge);
        await AddFacilityAsync(db, "B2", AssetKind.Bridge);
        await AddFacilityAsync(db, "B3", AssetKind.Bridge);
        foreach (var (code, member, date, grade) in new[] { ("B1", "", "2015-05-01", "IV"), ("B1", "", "2020-05-01", "I"), ("B2", "床版", "2021-05-01", "II"), ("B2", "主桁", "2021-05-01", "III"), ("B3", "", "2022-05-01", "II") })
        {
            (await Core.Inspections.InspectionRecords.RecordAsync(db, new(code, member, date, null, grade, null, null, null), Today, default)).IsSuccess.ShouldBeTrue();
        }

        var distribution = await Core.Inspections.InspectionRecords.DistributionAsync(db, default);

        distribution.Single().Kind.ShouldBe(AssetKind.Bridge);
        distribution.Single().Counts.ShouldBe([1, 1, 1, 0]);
    }

    [Fact]
    public async Task another_bodys_inspections_are_invisible_and_its_facilities_cannot_be_inspected()
    {
        await using (var a = database.Context("222127"))
        {
            await AddFacilityAsync(a, "B1", AssetKind.Bridge);
            (await Core.Inspections.InspectionRecords.RecordAsync(a, new("B1", null, "2024-05-01", null, "II", null, null, null), Today, default)).IsSuccess.ShouldBeTrue();
        }

        await using var b = database.Context("222143");
        (await Core.Inspections.InspectionRecords.ListAsync(b, null, default)).ShouldBeEmpty();
        (await Core.Inspections.InspectionRecords.DistributionAsync(b, default)).ShouldBeEmpty();
        var refused = await Core.Inspections.InspectionRecords.RecordAsync(b, new("B1", null, "2024-05-01", null, "II", null, null, null), Today, default);
        refused.Error!.Code.ShouldBe("inspections.facility_not_found");
        var work = await Core.Inspections.InspectionRecords.RecordWorkAsync(b, new("B1", null, "2024-06-01", "断面修復", "I", "100000"), Today, default);
        work.Error!.Code.ShouldBe("inspections.facility_not_found");
    }
}
