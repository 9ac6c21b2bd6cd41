using System.Buffers.Binary;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tests.Reports;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Inspections;

/// <summary>Issue 17 F11 for inspectors' photos: the same header limits as residents' photos, and nothing of the record is written.</summary>
public sealed class InspectionPhotoDimensionsTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task F11_an_inspection_photo_declaring_2147483647_pixels_a_side_is_refused_and_nothing_is_written()
    {
        var ihdr = PhotoFixtures.Ihdr(4, 3);
        BinaryPrimitives.WriteInt32BigEndian(ihdr, int.MaxValue);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), int.MaxValue);
        var png = PhotoFixtures.Png(("IHDR", ihdr), ("IDAT", PhotoFixtures.Idat(4, 3)), ("IEND", []));
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);

        var refused = await InspectionRecords.RecordAsync(db, new("B1", null, "2024-05-01", "山田", "II", null, null, null),
            [new InspectionPhotos.Upload("huge.png", png.Length, new MemoryStream(png))], null, new DateOnly(2025, 6, 1), default);

        refused.Error!.Code.ShouldBe("reports.photo_dimensions");
        refused.Error.Field.ShouldBe(InspectionPhotos.Field);
        refused.Error.Message.ShouldContain("2,147,483,647 × 2,147,483,647 画素");
        await using var read = database.Context("222127");
        (await read.Inspections.CountAsync()).ShouldBe(0);
        (await read.InspectionPhotos.CountAsync()).ShouldBe(0);
    }
}
