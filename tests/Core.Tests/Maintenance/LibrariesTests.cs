using System.Text;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Maintenance;
using InfraLedger.Core.Register;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Maintenance;

/// <summary>Treatment libraries as tenant settings: presets, checks, versions, JSON/XLSX, the stock comparison, and tenant isolation.</summary>
public sealed class LibrariesTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private static readonly DateTime Now = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public void every_preset_passes_the_checks_on_its_kinds_national_scale_and_flags_its_unconfirmed_figures()
    {
        foreach (var preset in LibraryPresets.All)
        {
            LibraryValidation.CheckAll(preset.Library, GradeScheme.For(preset.AssetKind).Levels.Count).ShouldBeEmpty(preset.Id);
            preset.Library.Source.ShouldContain("[U]");
            preset.Library.Treatments.ShouldAllBe(t => !string.IsNullOrWhiteSpace(t.Source));
            preset.Library.Policies.Select(p => p.Type).ShouldContain(PolicyType.Age);
        }
    }

    [Fact]
    public async Task bad_settings_get_a_located_japanese_error_and_nothing_is_saved()
    {
        await using var db = database.Context(Yaizu);
        var preset = LibraryPresets.For(AssetKind.Bridge)!.Library;
        var negative = preset with { Treatments = [preset.Treatments[0] with { Cost = new CostRule(CostUnit.Area, -5) }, .. preset.Treatments.Skip(1)] };
        var worse = preset with { Treatments = [preset.Treatments[0] with { States = [2], Effect = new TreatmentEffect(3) }, .. preset.Treatments.Skip(1)] };
        var threshold = preset with { Policies = [new PolicySpec("予防保全", PolicyType.Threshold, 5)] };

        (await Libraries.SaveAsync(db, AssetKind.Bridge, negative, 0, Now, default)).Error.ShouldSatisfyAllConditions(
            e => e!.Field.ShouldBe("treatments[0].cost.price"), e => e!.Message.ShouldBe("工法の1行目「表面被覆」: 単価 -5 円は0以上（1000億円まで）にしてください。"));
        (await Libraries.SaveAsync(db, AssetKind.Bridge, worse, 0, Now, default)).Error!.Message.ShouldBe("工法の1行目「表面被覆」: 区分 2 に使うと区分 3 に悪くなります（補修後は同じか良い区分にしてください）。");
        (await Libraries.SaveAsync(db, AssetKind.Bridge, threshold, 0, Now, default)).Error.ShouldSatisfyAllConditions(
            e => e!.Field.ShouldBe("policies[0].threshold"), e => e!.Message.ShouldBe("方針「予防保全」: 対策を始める区分「5」は区分 1〜4 の範囲で指定してください。"));
        (await db.MaintenanceLibraries.CountAsync()).ShouldBe(0);
        (await Libraries.LoadAsync(db, AssetKind.Bridge, default))!.IsPreset.ShouldBeTrue();
    }

    [Fact]
    public async Task a_tenants_copy_is_versioned_refuses_a_stale_edit_and_resets_to_the_preset()
    {
        await using var db = database.Context(Yaizu);
        var mine = LibraryPresets.For(AssetKind.Road)!.Library with { Name = "焼津市の舗装" };
        (await Libraries.SaveAsync(db, AssetKind.Road, mine, 0, Now, default)).Value.Version.ShouldBe(1);
        (await Libraries.SaveAsync(db, AssetKind.Road, mine with { Source = "市の積算" }, 1, Now, default)).Value.Version.ShouldBe(2);
        (await Libraries.SaveAsync(db, AssetKind.Road, mine, 1, Now, default)).Error!.Code.ShouldBe("maintenance.library_changed");

        var loaded = (await Libraries.LoadAsync(db, AssetKind.Road, default))!;
        loaded.Label.ShouldBe("焼津市の舗装（団体の設定 第2版、プリセット road 第1版から）");
        (await Libraries.ResetAsync(db, AssetKind.Road, default)).ShouldBeTrue();
        (await Libraries.LoadAsync(db, AssetKind.Road, default))!.IsPreset.ShouldBeTrue();
    }

    [Fact]
    public async Task another_tenant_neither_sees_nor_changes_our_library()
    {
        await using (var db = database.Context(Yaizu))
        {
            (await Libraries.SaveAsync(db, AssetKind.Bridge, LibraryPresets.For(AssetKind.Bridge)!.Library with { Name = "焼津市の橋梁" }, 0, Now, default)).IsSuccess.ShouldBeTrue();
        }

        await using (var other = database.Context(Fujieda))
        {
            (await Libraries.LoadAsync(other, AssetKind.Bridge, default))!.IsPreset.ShouldBeTrue();
            (await other.MaintenanceLibraries.CountAsync()).ShouldBe(0);
            (await Libraries.ResetAsync(other, AssetKind.Bridge, default)).ShouldBeFalse();
            (await Libraries.SaveAsync(other, AssetKind.Bridge, LibraryPresets.For(AssetKind.Bridge)!.Library with { Name = "藤枝" }, 1, Now, default)).Error!.Code.ShouldBe("maintenance.library_changed");
        }

        await using var ours = database.Context(Yaizu);
        (await Libraries.LoadAsync(ours, AssetKind.Bridge, default))!.Library.Name.ShouldBe("焼津市の橋梁");
    }

    [Fact]
    public async Task json_and_xlsx_exports_read_back_to_the_same_library()
    {
        foreach (var preset in LibraryPresets.All)
        {
            var fromJson = await Libraries.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(preset.Library.ToJson())), "x.json", default);
            fromJson.Value.ToJson().ShouldBe(preset.Library.ToJson());
            var fromXlsx = await Libraries.ReadAsync(new MemoryStream(LibraryWorkbook.Write(preset.Library)), "x.xlsx", default);
            fromXlsx.IsSuccess.ShouldBeTrue(fromXlsx.Error?.Message);
            fromXlsx.Value.ToJson().ShouldBe(preset.Library.ToJson());
        }
    }

    [Fact]
    public async Task a_bad_file_is_refused_with_its_place_and_nothing_is_saved()
    {
        await using var db = database.Context(Yaizu);
        var bad = await Libraries.ImportAsync(db, AssetKind.Bridge, new MemoryStream(Encoding.UTF8.GetBytes("{\"name\":\"x\",\"levels\":\"four\"}")), "lib.json", Now, default);
        bad.Error!.Message.ShouldStartWith("lib.json: levels: 補修工法の設定（JSON か XLSX）として読めません");

        var json = LibraryPresets.For(AssetKind.Bridge)!.Library.ToJson().Replace("\"price\": 22400", "\"price\": -1", StringComparison.Ordinal);
        var negative = await Libraries.ImportAsync(db, AssetKind.Bridge, new MemoryStream(Encoding.UTF8.GetBytes(json)), "lib.json", Now, default);
        negative.Error!.Message.ShouldBe("lib.json: treatments[0].cost.price: 工法の1行目「表面被覆」: 単価 -1 円は0以上（1000億円まで）にしてください。");
        (await db.MaintenanceLibraries.CountAsync()).ShouldBe(0);
    }
}
