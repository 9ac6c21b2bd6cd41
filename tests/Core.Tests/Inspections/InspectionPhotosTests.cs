using InfraLedger.Core.Inspections;
using InfraLedger.Core.Register;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Tests.Reports;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Inspections;

/// <summary>Inspection photos: stored without the phone's EXIF, all or nothing, at most ten, deleted with their record, per tenant.</summary>
public sealed class InspectionPhotosTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private static readonly InspectionRecords.Input Record = new("B1", null, "2024-05-01", "山田", "II", null, null, "DSC_0001.JPG");
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static InspectionPhotos.Upload Upload(byte[] data, string name = "IMG_0001.jpg") => new(name, data.Length, new MemoryStream(data));

    [Fact]
    public async Task a_photo_recorded_with_an_inspection_is_stored_without_its_gps_position_and_camera()
    {
        var phone = PhotoFixtures.PhoneJpeg();
        Photos.ReadGps(phone).ShouldNotBeNull();
        Photos.ReadExifTags(phone).ShouldContain("GPSInfo");
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);

        var recorded = await InspectionRecords.RecordAsync(db, Record, [Upload(phone, @"C:\写真\IMG_0001.jpg")], "床版下面", Today, default);

        recorded.IsSuccess.ShouldBeTrue(recorded.Error?.Message);
        await using var read = database.Context("222127");
        var stored = await read.InspectionPhotos.SingleAsync();
        (stored.InspectionId, stored.Number, stored.ContentType, stored.FileName, stored.Caption).ShouldBe((recorded.Value.Id, 1, "image/jpeg", "IMG_0001.jpg", "床版下面"));
        Photos.ReadGps(stored.Content).ShouldBeNull();
        Photos.ReadExifTags(stored.Content).ShouldNotContain("GPSInfo");
        Photos.ReadExifTags(stored.Content).ShouldNotContain("Make");
        PhotoFixtures.Contains(stored.Content, PhotoFixtures.Ascii("InfraCam")).ShouldBeFalse();
        (stored.Width, stored.Height).ShouldBe((48, 32));
        (await read.Inspections.SingleAsync()).Photos.ShouldBe("DSC_0001.JPG");
        // The audit trail names the stored bytes by digest, not as megabytes of base64.
        var audit = await read.AuditEvents.SingleAsync(e => e.EntityType == nameof(InspectionPhoto));
        audit.After!.ShouldContain("\"Content\":\"sha256:");
    }

    [Fact]
    public async Task a_refused_photo_writes_neither_the_inspection_nor_any_of_its_photos()
    {
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);

        var refused = await InspectionRecords.RecordAsync(db, Record,
            [Upload(PhotoFixtures.PhoneJpeg()), Upload(PhotoFixtures.Ascii("%PDF-1.7 not a photo"), "点検調書.pdf")], null, Today, default);

        refused.Error!.Code.ShouldBe("reports.photo_type");
        refused.Error.Field.ShouldBe(InspectionPhotos.Field);
        refused.Error.Message.ShouldContain("「点検調書.pdf」は JPEG・PNG・WebP の画像ではありません");
        await using var read = database.Context("222127");
        (await read.Inspections.CountAsync()).ShouldBe(0);
        (await read.InspectionPhotos.CountAsync()).ShouldBe(0);
        (await read.AuditEvents.CountAsync(e => e.EntityType == nameof(Inspection) || e.EntityType == nameof(InspectionPhoto))).ShouldBe(0);
    }

    [Fact]
    public async Task photos_are_added_up_to_ten_per_inspection_and_an_eleventh_is_refused_without_writing()
    {
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);
        var id = (await InspectionRecords.RecordAsync(db, Record, [Upload(PhotoFixtures.Canvas)], null, Today, default)).Value.Id;

        var nine = await InspectionPhotos.AddAsync(db, id, [.. Enumerable.Range(0, 9).Select(i => Upload(PhotoFixtures.CanvasWebP, $"{i}.webp"))], null, default);
        var eleventh = await InspectionPhotos.AddAsync(db, id, [Upload(PhotoFixtures.Canvas)], null, default);
        var tooBig = await InspectionPhotos.AddAsync(db, id, [new("huge.jpg", Photos.MaxBytes + 1, new MemoryStream())], null, default);

        nine.Value.Select(p => p.Number).ShouldBe([2, 3, 4, 5, 6, 7, 8, 9, 10]);
        eleventh.Error!.ShouldBe(new Common.Error("inspections.photo_count", "写真は1件の点検につき10枚までです（登録済み10枚）。", InspectionPhotos.Field));
        tooBig.Error!.Code.ShouldBe("inspections.photo_count");
        (await InspectionPhotos.DeleteAsync(db, id, 4, default)).IsSuccess.ShouldBeTrue();
        (await InspectionPhotos.AddAsync(db, id, [new("huge.jpg", Photos.MaxBytes + 1, new MemoryStream())], null, default)).Error!.Code.ShouldBe("reports.photo_size");
        var again = await InspectionPhotos.AddAsync(db, id, [Upload(PhotoFixtures.Canvas)], null, default);
        again.Value.Single().Number.ShouldBe(11);
        (await InspectionPhotos.ListAsync(db, id, default)).Count.ShouldBe(10);
        (await InspectionPhotos.DeleteAsync(db, id, 4, default)).Error!.Code.ShouldBe("inspections.photo_not_found");
    }

    [Fact]
    public async Task deleting_an_inspection_deletes_its_photos()
    {
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);
        var id = (await InspectionRecords.RecordAsync(db, Record, [Upload(PhotoFixtures.Canvas), Upload(PhotoFixtures.CanvasWebP, "b.webp")], null, Today, default)).Value.Id;

        (await InspectionRecords.DeleteAsync(db, id, default)).IsSuccess.ShouldBeTrue();

        await using var read = database.Context("222127");
        (await read.InspectionPhotos.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task another_bodys_photos_are_neither_read_listed_added_to_nor_deleted()
    {
        long id;
        await using (var a = database.Context("222127"))
        {
            await InspectionsTests.AddFacilityAsync(a, "B1", AssetKind.Bridge);
            id = (await InspectionRecords.RecordAsync(a, Record, [Upload(PhotoFixtures.Canvas)], null, Today, default)).Value.Id;
        }

        await using (var b = database.Context("222143"))
        {
            await InspectionsTests.AddFacilityAsync(b, "B1", AssetKind.Bridge);
            (await InspectionPhotos.FindAsync(b, id, 1, default)).ShouldBeNull();
            (await InspectionPhotos.ListAsync(b, id, default)).ShouldBeEmpty();
            (await InspectionPhotos.OfFacilityAsync(b, "B1", default)).ShouldBeEmpty();
            (await InspectionPhotos.AddAsync(b, id, [Upload(PhotoFixtures.Canvas)], null, default)).Error!.Code.ShouldBe("inspections.not_found");
            (await InspectionPhotos.DeleteAsync(b, id, 1, default)).Error!.Code.ShouldBe("inspections.photo_not_found");
        }

        await using var read = database.Context("222127");
        (await read.InspectionPhotos.SingleAsync()).Number.ShouldBe(1);
    }
}
