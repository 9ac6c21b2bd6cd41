using InfraLedger.Core.Audit;
using InfraLedger.Core.Register;
using InfraLedger.Core.Register.DemoData;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Register;

public sealed class DemoRegisterTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task the_demo_tenant_gets_yaizus_open_data_and_a_labelled_sample_once()
    {
        await using var db = database.Context("222127", "system:demo-seed");
        var now = new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

        var outcome = await DemoRegister.SeedAsync(db, now, default);
        var again = await DemoRegister.SeedAsync(db, now, default);

        outcome.ShouldNotBeNull();
        again.ShouldBeNull();
        // 222127_park_info.csv row 1: 石津浜公園, "32,500 " ㎡, opened 1961.
        var park = await db.Facilities.SingleAsync(f => f.Code == "P-1");
        (park.Name, park.Quantity, park.YearBuilt, park.Kind, park.IsSample).ShouldBe(("石津浜公園", 32500m, 1961, AssetKind.Park, false));
        // 222127_library.csv: 大井川図書館, NO 10930.
        (await db.Facilities.SingleAsync(f => f.Code == "10930")).Name.ShouldBe("大井川図書館");
        var samples = await db.Facilities.Where(f => f.IsSample).ToListAsync();
        samples.Count.ShouldBe(outcome.SampleFacilities);
        samples.ShouldAllBe(f => f.Name.EndsWith("（サンプル）") && f.Code.StartsWith("SMP-"));
        samples.Select(f => f.Kind).Distinct().Order().ShouldBe([AssetKind.Building, AssetKind.Road, AssetKind.Bridge, AssetKind.WaterPipe, AssetKind.SewerPipe]);
        (await db.FixedAssets.CountAsync(a => a.IsSample)).ShouldBe(outcome.SampleAssets);
        (await AuditTrail.VerifyAsync(db, default)).FirstBreak.ShouldBeNull();
    }
}
