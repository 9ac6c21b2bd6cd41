using InfraLedger.Core.Register;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Inspections;

/// <summary>Correcting and withdrawing inspections and works: the same checks, one save, the audit trail keeps the before-values.</summary>
public sealed class InspectionEditTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task an_inspection_is_corrected_and_the_audit_trail_records_the_grade_before_and_after()
    {
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);
        var recorded = await Core.Inspections.InspectionRecords.RecordAsync(db, new("B1", null, "2024-05-01", "山田", "II", null, null, null), Today, default);

        var updated = await Core.Inspections.InspectionRecords.UpdateAsync(db, recorded.Value.Id, new("B1", "床版", "2024-05-02", "佐藤", "III", "C2", "ひびわれ", null), Today, default);

        updated.IsSuccess.ShouldBeTrue();
        await using var read = database.Context("222127");
        var stored = await read.Inspections.SingleAsync();
        (stored.Member, stored.InspectedOn, stored.Inspector, stored.Grade, stored.Countermeasure).ShouldBe(("床版", new DateOnly(2024, 5, 2), "佐藤", 3, "C2"));
        var audit = await read.AuditEvents.Where(e => e.EntityType == "Inspection").OrderBy(e => e.Sequence).ToListAsync();
        audit.Select(e => e.Action).ShouldBe(["Added", "Modified"]);
        audit[1].Before!.ShouldContain("\"Grade\":2");
        audit[1].After!.ShouldContain("\"Grade\":3");
    }

    [Fact]
    public async Task a_bad_correction_is_refused_with_its_field_and_the_record_is_unchanged()
    {
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "R1", AssetKind.Road);
        var recorded = await Core.Inspections.InspectionRecords.RecordAsync(db, new("R1", null, "2024-05-01", null, "II", null, null, null), Today, default);

        var refused = await Core.Inspections.InspectionRecords.UpdateAsync(db, recorded.Value.Id, new("R1", null, "2024-05-01", null, "IV", null, null, null), Today, default);
        var future = await Core.Inspections.InspectionRecords.UpdateAsync(db, recorded.Value.Id, new("R1", null, "2030-01-01", null, "I", null, null, null), Today, default);
        var tooLong = await Core.Inspections.InspectionRecords.UpdateAsync(db, recorded.Value.Id, new("R1", new string('部', 101), "2024-05-01", null, "I", null, null, null), Today, default);

        refused.Error!.ShouldBe(new Common.Error("inspections.grade", "判定区分「IV」は判定区分（舗装）の区分（I、II、III 修繕段階）ではありません。", "Grade"));
        future.Error!.Field.ShouldBe("InspectedOn");
        tooLong.Error!.Field.ShouldBe("Member");
        await using var read = database.Context("222127");
        (await read.Inspections.SingleAsync()).Grade.ShouldBe(2);
        (await read.AuditEvents.CountAsync(e => e.EntityType == "Inspection")).ShouldBe(1);
    }

    [Fact]
    public async Task a_work_is_corrected_then_deleted_and_the_deletion_keeps_its_values_in_the_audit_trail()
    {
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);
        var work = await Core.Inspections.InspectionRecords.RecordWorkAsync(db, new("B1", null, "2023-01-10", "断面修復", "I", "1,200,000"), Today, default);

        var bad = await Core.Inspections.InspectionRecords.UpdateWorkAsync(db, work.Value.Id, new("B1", null, "2023-01-10", "断面修復", "I", "12万"), Today, default);
        var updated = await Core.Inspections.InspectionRecords.UpdateWorkAsync(db, work.Value.Id, new("B1", "主桁", "2023-01-12", "断面修復・塗装", "II", "1500000"), Today, default);
        var deleted = await Core.Inspections.InspectionRecords.DeleteWorkAsync(db, work.Value.Id, default);

        bad.Error!.Field.ShouldBe("Cost");
        updated.Value.GradeAfter.ShouldBe(2);
        updated.Value.Cost.ShouldBe(1_500_000m);
        deleted.IsSuccess.ShouldBeTrue();
        await using var read = database.Context("222127");
        (await read.MaintenanceWorks.CountAsync()).ShouldBe(0);
        var audit = await read.AuditEvents.Where(e => e.EntityType == "MaintenanceWork").OrderBy(e => e.Sequence).ToListAsync();
        audit.Select(e => e.Action).ShouldBe(["Added", "Modified", "Deleted"]);
        audit[2].Before!.ShouldContain("断面修復・塗装");
        audit[2].After.ShouldBeNull();
    }

    [Fact]
    public async Task an_inspection_is_deleted()
    {
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);
        var recorded = await Core.Inspections.InspectionRecords.RecordAsync(db, new("B1", null, "2024-05-01", null, "II", null, null, null), Today, default);

        (await Core.Inspections.InspectionRecords.DeleteAsync(db, recorded.Value.Id, default)).IsSuccess.ShouldBeTrue();

        (await Core.Inspections.InspectionRecords.DeleteAsync(db, recorded.Value.Id, default)).Error!.Code.ShouldBe("inspections.not_found");
        await using var read = database.Context("222127");
        (await read.Inspections.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task another_bodys_inspections_and_works_cannot_be_corrected_or_deleted()
    {
        long inspection, work;
        await using (var a = database.Context("222127"))
        {
            await InspectionsTests.AddFacilityAsync(a, "B1", AssetKind.Bridge);
            inspection = (await Core.Inspections.InspectionRecords.RecordAsync(a, new("B1", null, "2024-05-01", null, "II", null, null, null), Today, default)).Value.Id;
            work = (await Core.Inspections.InspectionRecords.RecordWorkAsync(a, new("B1", null, "2024-06-01", "断面修復", "I", null), Today, default)).Value.Id;
        }

        await using (var b = database.Context("222143"))
        {
            await InspectionsTests.AddFacilityAsync(b, "B1", AssetKind.Bridge);
            (await Core.Inspections.InspectionRecords.FindAsync(b, inspection, default)).ShouldBeNull();
            (await Core.Inspections.InspectionRecords.UpdateAsync(b, inspection, new("B1", null, "2024-05-01", null, "IV", null, null, null), Today, default)).Error!.Code.ShouldBe("inspections.not_found");
            (await Core.Inspections.InspectionRecords.DeleteAsync(b, inspection, default)).Error!.Code.ShouldBe("inspections.not_found");
            (await Core.Inspections.InspectionRecords.FindWorkAsync(b, work, default)).ShouldBeNull();
            (await Core.Inspections.InspectionRecords.UpdateWorkAsync(b, work, new("B1", null, "2024-06-01", "改ざん", "I", null), Today, default)).Error!.Code.ShouldBe("inspections.work_not_found");
            (await Core.Inspections.InspectionRecords.DeleteWorkAsync(b, work, default)).Error!.Code.ShouldBe("inspections.work_not_found");
        }

        await using var read = database.Context("222127");
        (await read.Inspections.SingleAsync()).Grade.ShouldBe(2);
        (await read.MaintenanceWorks.SingleAsync()).Description.ShouldBe("断面修復");
    }
}
