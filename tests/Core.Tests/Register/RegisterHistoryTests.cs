using InfraLedger.Core.Register;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Register;

public sealed class RegisterHistoryTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static Facility School(string name = "焼津小学校", decimal area = 5200m, string code = "S001") => new()
    {
        TenantId = Yaizu, Code = code, Name = name, Kind = AssetKind.Building, UsageMajor = "学校教育系施設", UsageMinor = "学校",
        Quantity = area, QuantityKind = QuantityKind.FloorArea, YearBuilt = 1975, Structure = "RC", Latitude = 34.86, Longitude = 138.31,
    };

    private static FixedAsset Building(DateOnly acquired, DateOnly? disposed = null) => new()
    {
        TenantId = Yaizu, Number = "10023-1", FacilityCode = "S001", Name = "焼津小学校 校舎", AssetClass = "事業用資産", Account = "建物",
        AcquisitionDate = acquired, AcquisitionCost = 812_000_000m, UsefulLife = 47, Quantity = 5200m, QuantityUnit = "㎡", DisposalDate = disposed,
    };

    [Fact]
    public async Task saving_the_same_state_again_changes_nothing()
    {
        await using var db = database.Context(Yaizu);
        (await FacilityRegister.SaveAsync(db, School(), isNew: true, new DateOnly(1975, 4, 1), "開始", Now, default)).IsSuccess.ShouldBeTrue();

        (await FacilityRegister.SaveAsync(db, School(), isNew: false, new DateOnly(2026, 11, 22), "再取込", Now, default)).IsSuccess.ShouldBeTrue();

        (await FacilityRegister.FindAsync(db, "S001", default))!.Version.ShouldBe(1);
        (await db.RegisterVersions.CountAsync()).ShouldBe(0, "the row in the register is its own first version");
        (await db.AuditEvents.CountAsync(e => e.EntityType == "Facility")).ShouldBe(1);
    }

    [Fact]
    public async Task a_change_is_a_new_version_and_the_register_reads_as_of_a_fiscal_year_end()
    {
        await using (var db = database.Context(Yaizu))
        {
            await FacilityRegister.SaveAsync(db, School(), true, new DateOnly(1975, 4, 1), "開始", Now, default);
            await FacilityRegister.SaveAsync(db, School("焼津市立焼津小学校", 6100m), false, new DateOnly(2021, 9, 1), "増築", Now, default);
        }

        await using var read = database.Context(Yaizu);
        var current = await FacilityRegister.FindAsync(read, "S001", default);
        current!.Version.ShouldBe(2);
        current.Quantity.ShouldBe(6100m);
        var history = await RegisterHistory.OfAsync(read, RegisterEntryType.Facility, "S001", default);
        history.Select(v => (v.Version, v.Reason)).ShouldBe([(2, "増築"), (1, "開始")]);

        // FY2020 ends 2021-03-31, before the 増築 of 2021-09-01; FY2021 ends after it.
        (await RegisterHistory.AsOfAsync(read, new DateOnly(2021, 3, 31), default)).Facilities.Single().Quantity.ShouldBe(5200m);
        (await RegisterHistory.AsOfAsync(read, new DateOnly(2022, 3, 31), default)).Facilities.Single().Name.ShouldBe("焼津市立焼津小学校");
        (await RegisterHistory.AsOfAsync(read, new DateOnly(1974, 3, 31), default)).Facilities.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2016-03-31", false)] // acquired 2016-04-01: not yet in the register at the end of FY2015
    [InlineData("2017-03-31", true)]
    [InlineData("2024-03-31", true)]
    [InlineData("2025-03-31", false)] // disposed 2024-10-31
    public async Task assets_count_from_acquisition_until_disposal(string asOf, bool present)
    {
        await using (var db = database.Context(Yaizu))
        {
            await FacilityRegister.SaveAsync(db, School(), true, new DateOnly(1975, 4, 1), null, Now, default);
            (await FixedAssets.SaveAsync(db, Building(new DateOnly(2016, 4, 1), new DateOnly(2024, 10, 31)), true, new DateOnly(2016, 4, 1), null, Now, default))
                .IsSuccess.ShouldBeTrue();
        }

        await using var read = database.Context(Yaizu);
        (await RegisterHistory.AsOfAsync(read, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), default)).Assets.Count.ShouldBe(present ? 1 : 0);
    }

    [Fact]
    public async Task an_asset_must_link_to_a_known_facility_and_nothing_is_written_otherwise()
    {
        await using var db = database.Context(Yaizu);

        var result = await FixedAssets.SaveAsync(db, Building(new DateOnly(2016, 4, 1)), true, new DateOnly(2016, 4, 1), null, Now, default);

        result.Error!.Message.ShouldContain("施設コード「S001」の施設は登録されていません。");
        (await db.FixedAssets.CountAsync()).ShouldBe(0);
        (await db.RegisterVersions.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_facility_with_assets_cannot_be_deleted_and_a_deleted_one_keeps_its_history()
    {
        await using var db = database.Context(Yaizu);
        await FacilityRegister.SaveAsync(db, School(), true, new DateOnly(1975, 4, 1), null, Now, default);
        await FixedAssets.SaveAsync(db, Building(new DateOnly(2016, 4, 1)), true, new DateOnly(2016, 4, 1), null, Now, default);

        (await FacilityRegister.DeleteAsync(db, "S001", new DateOnly(2026, 3, 31), "廃止", Now, default)).Error!.Code.ShouldBe("register.facility_has_assets");

        // Disposed of (除却) through the register's history, the only way a register row leaves (every version is digested, ADR 0005).
        RegisterHistory.Delete(db, await db.FixedAssets.SingleAsync(), new DateOnly(2026, 3, 31), "除却", Now);
        await db.SaveChangesAsync();
        (await FacilityRegister.DeleteAsync(db, "S001", new DateOnly(2026, 3, 31), "廃止", Now, default)).IsSuccess.ShouldBeTrue();
        (await RegisterHistory.AsOfAsync(db, new DateOnly(2025, 3, 31), default)).Facilities.Count.ShouldBe(1);
        (await RegisterHistory.AsOfAsync(db, new DateOnly(2026, 3, 31), default)).Facilities.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_code_added_again_after_its_deletion_continues_its_history()
    {
        await using (var db = database.Context(Yaizu))
        {
            await FacilityRegister.SaveAsync(db, School(), true, new DateOnly(1975, 4, 1), "開始", Now, default);
            await FacilityRegister.DeleteAsync(db, "S001", new DateOnly(2020, 3, 31), "廃止", Now, default);
            (await FacilityRegister.SaveAsync(db, School("新焼津小学校", 7000m), true, new DateOnly(2024, 4, 1), "新設", Now, default)).IsSuccess.ShouldBeTrue();
        }

        // Imported again too: a deleted code does not restart at version 1, which its history already has.
        const string file = "施設コード,施設名\nS002,大井川中学校\n";
        await using (var db = database.Context(Yaizu))
        {
            await FacilityRegister.SaveAsync(db, School("大井川中学校", code: "S002"), true, new DateOnly(1975, 4, 1), null, Now, default);
            await FacilityRegister.DeleteAsync(db, "S002", new DateOnly(2020, 3, 31), "廃止", Now, default);
            var report = await Core.Register.Import.RegisterImport.RunAsync(db, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(file)), "s002.csv",
                new Core.Register.Import.RegisterImport.Options(Core.Register.Import.ImportTarget.Facilities, Commit: true), null, Now, default);
            report.Value.Committed.ShouldBeTrue(string.Join(" / ", report.Value.Problems));
        }

        await using var read = database.Context(Yaizu);
        (await RegisterHistory.OfAsync(read, RegisterEntryType.Facility, "S001", default)).Select(v => (v.Version, v.Deleted, v.Reason))
            .ShouldBe([(3, false, "新設"), (2, true, "廃止"), (1, false, "開始")]);
        (await FacilityRegister.FindAsync(read, "S002", default))!.Version.ShouldBe(3);
        (await RegisterHistory.AsOfAsync(read, new DateOnly(2019, 3, 31), default)).Facilities.Select(f => f.Name).ShouldBe(["焼津小学校", "大井川中学校"]);
        (await RegisterHistory.AsOfAsync(read, new DateOnly(2021, 3, 31), default)).Facilities.ShouldBeEmpty();
        (await RegisterHistory.AsOfAsync(read, new DateOnly(2025, 3, 31), default)).Facilities.Select(f => f.Name).ShouldBe(["新焼津小学校"]);
    }

    [Fact]
    public async Task another_tenant_sees_none_of_the_register()
    {
        await using (var db = database.Context(Yaizu))
        {
            await FacilityRegister.SaveAsync(db, School(), true, new DateOnly(1975, 4, 1), null, Now, default);
        }

        await using var fujieda = database.Context("222143");
        (await FacilityRegister.ListAsync(fujieda, new FacilityRegister.Query(), default)).Total.ShouldBe(0);
        (await FacilityRegister.FindAsync(fujieda, "S001", default)).ShouldBeNull();
        (await RegisterHistory.AsOfAsync(fujieda, new DateOnly(2030, 3, 31), default)).Facilities.ShouldBeEmpty();
    }
}
