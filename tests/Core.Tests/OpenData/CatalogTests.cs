using InfraLedger.Core.OpenData;
using InfraLedger.Core.Register;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.OpenData;

public class CatalogTests
{
    private const string Yaizu = "222127";
    private static readonly DateTime Published = new(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void name_based_ids_follow_rfc_4122_version_5()
    {
        // Python's documentation example: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
        Catalog.NameBasedUuid(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org").ShouldBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
        Catalog.StableId("222127-public-facilities").ShouldBe(Catalog.StableId("222127-public-facilities"));
        Catalog.StableId("222127-public-facilities").ShouldNotBe(Catalog.StableId("222127-fixed-assets"));
    }

    [Fact]
    public void timestamps_are_utc_without_offset_with_microseconds_as_ckan_writes_them()
    {
        Catalog.Timestamp(new DateTime(2026, 11, 22, 1, 2, 3, 456, 789, DateTimeKind.Utc)).ShouldBe("2026-11-22T01:02:03.456789");
    }

    [Fact]
    public async Task publishing_is_one_audit_event_and_refuses_an_unknown_licence_or_dataset()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Context(Yaizu);
        (await Publication.PublishAsync(db, "facilities", "MIT", OpenDataLicences.Default, Published, default)).Error!.Field.ShouldBe("licence");
        (await Publication.PublishAsync(db, "roads", "cc-by-4.0", OpenDataLicences.Default, Published, default)).Error!.Message.ShouldContain("データセット「roads」はありません");
        (await Publication.WithdrawAsync(db, "facilities", default)).Error!.Message.ShouldBe("データセット「公共施設一覧」は公開されていません。");
        (await db.AuditEvents.CountAsync()).ShouldBe(0);

        (await Publication.PublishAsync(db, "facilities", "CC BY 4.0", OpenDataLicences.Default, Published, default)).Value.Licence.ShouldBe("cc-by-4.0");
        (await Publication.PublishAsync(db, "facilities", "PDL1.0", OpenDataLicences.Default, Published.AddDays(1), default)).Value.Licence.ShouldBe("pdl-1.0");
        var events = await db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync();
        events.Select(e => (e.Action, e.EntityType, e.EntityKey)).ShouldBe([("Added", "OpenDataset", "facilities"), ("Modified", "OpenDataset", "facilities")]);

        var row = (await Publication.OfTenantAsync(db, default))["facilities"];
        row.PublishedAtUtc.ShouldBe(Published);
        row.UpdatedAtUtc.ShouldBe(Published.AddDays(1));
    }

    [Fact]
    public async Task metadata_modified_is_the_later_of_the_publication_and_the_newest_register_change()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Context(Yaizu))
        {
            await Publication.PublishAsync(db, "facilities", "cc-by-4.0", OpenDataLicences.Default, Published, default);
        }

        await using (var anyone = database.Context())
        {
            var before = (await Catalog.LoadAsync(anyone, "https://example.jp", OpenDataLicences.Default, default)).Packages.Single();
            before.MetadataModified.ShouldBe("2026-04-01T00:00:00.000000");
            before.MetadataCreated.ShouldBe("2026-04-01T00:00:00.000000");
        }

        var changed = new DateTime(2026, 5, 2, 3, 4, 5, 678, DateTimeKind.Utc);
        await using (var db = database.Context(Yaizu))
        {
            var facility = new Facility { TenantId = Yaizu, Code = "S-001", Name = "焼津小学校", IsSample = true };
            (await FacilityRegister.SaveAsync(db, facility, isNew: true, new DateOnly(2026, 4, 1), "登録", changed, default)).IsSuccess.ShouldBeTrue();
        }

        await using var reader = database.Context();
        var after = (await Catalog.LoadAsync(reader, "https://example.jp", OpenDataLicences.Default, default)).Packages.Single();
        after.MetadataModified.ShouldBe("2026-05-02T03:04:05.678000");
        after.MetadataCreated.ShouldBe("2026-04-01T00:00:00.000000");
        after.Notes.ShouldContain("うち 1 施設はデモ用に生成したサンプルデータ");
        after.Resources[0].Url.ShouldBe("https://example.jp/opendata/222127/facilities/public-facilities.csv");
    }

    [Fact]
    public async Task each_publisher_gets_its_own_newest_change_and_sample_count()
    {
        // Each publisher's figures come from its own rows (one subquery per publisher, CrossTenant): 焼津市 has two sample
        // facilities changed in May, 静岡市 one real facility changed in June, and 浜松市, which publishes nothing, a sample
        // facility changed in July that must count nowhere.
        const string Shizuoka = "221007", Hamamatsu = "221309";
        await using var database = await TestDatabase.CreateAsync();
        foreach (var tenant in new[] { Yaizu, Shizuoka })
        {
            await using var db = database.Context(tenant);
            await Publication.PublishAsync(db, "facilities", "cc-by-4.0", OpenDataLicences.Default, Published, default);
        }

        async Task SaveAsync(string tenant, string code, bool sample, DateTime at)
        {
            await using var db = database.Context(tenant);
            var facility = new Facility { TenantId = tenant, Code = code, Name = "施設" + code, IsSample = sample };
            (await FacilityRegister.SaveAsync(db, facility, isNew: true, new DateOnly(2026, 4, 1), "登録", at, default)).IsSuccess.ShouldBeTrue();
        }

        await SaveAsync(Yaizu, "S-001", sample: true, new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        await SaveAsync(Yaizu, "S-002", sample: true, new DateTime(2026, 5, 2, 0, 0, 0, DateTimeKind.Utc));
        await SaveAsync(Shizuoka, "K-001", sample: false, new DateTime(2026, 6, 3, 0, 0, 0, DateTimeKind.Utc));
        await SaveAsync(Hamamatsu, "H-001", sample: true, new DateTime(2026, 7, 4, 0, 0, 0, DateTimeKind.Utc));

        await using var reader = database.Context();
        var packages = (await Catalog.LoadAsync(reader, "https://example.jp", OpenDataLicences.Default, default)).Packages;
        packages.Select(p => p.Organization.Name).ShouldBe([Shizuoka, Yaizu], ignoreOrder: true); // only publishers are listed
        var yaizu = packages.Single(p => p.Organization.Name == Yaizu);
        var shizuoka = packages.Single(p => p.Organization.Name == Shizuoka);
        (yaizu.MetadataModified, shizuoka.MetadataModified).ShouldBe(("2026-05-02T00:00:00.000000", "2026-06-03T00:00:00.000000"));
        yaizu.Notes.ShouldContain("うち 2 施設はデモ用に生成したサンプルデータ");
        shizuoka.Notes.ShouldNotContain("サンプルデータ");
    }
}
