using System.Text;
using InfraLedger.Core.Planning;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>Consequence attributes (maintenance-planning.md §6): versioned weighted settings, values per facility, the import, their effect on the plan's priorities, and tenant isolation.</summary>
public sealed class ConsequencesTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.Context(Yaizu);
        await PlanFixture.BridgesAsync(db, "B", ["III", "III", "II"]);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task settings_are_versioned_a_stale_save_is_refused_and_bad_settings_are_not_saved()
    {
        await using var db = database.Context(Yaizu);
        var defaults = await Consequences.LoadAsync(db, default);
        defaults.Version.ShouldBe(0);
        defaults.Factors.Select(f => f.Label).ShouldContain("緊急輸送道路");

        var saved = await Consequences.SaveAsync(db, 5, [new("emergency-route", "緊急輸送道路", 3m), new("traffic", "交通量", 1m, 5000m, "台/日")], 0, default);

        saved.Value.Version.ShouldBe(1);
        var loaded = await Consequences.LoadAsync(db, default);
        (loaded.Version, loaded.Years).ShouldBe((1, 5));
        loaded.Factors.ShouldBe(saved.Value.Factors);
        (await Consequences.SaveAsync(db, 5, [], 0, default)).Error!.Kind.ShouldBe(Common.ErrorKind.Conflict);
        (await Consequences.SaveAsync(db, 5, [new("Bad Key", "x", 1m)], 1, default)).Error!.Code.ShouldBe("planning.attribute_key");
        (await Consequences.SaveAsync(db, 5, [new("a", "A", -1m)], 1, default)).Error!.Code.ShouldBe("planning.weight");
        (await Consequences.LoadAsync(db, default)).Version.ShouldBe(1);
        (await db.AuditEvents.CountAsync(e => e.EntityType == "TenantSetting")).ShouldBe(1);
    }

    [Fact]
    public async Task an_attribute_raises_a_facilitys_priority_and_the_reason_names_it()
    {
        await using var db = database.Context(Yaizu);
        (await Consequences.SetAsync(db, "B1", new Dictionary<string, decimal?> { ["emergency-route"] = 1, ["traffic"] = 12_000 }, default)).Value.ShouldBe(2);
        (await Consequences.SetAsync(db, "B1", new Dictionary<string, decimal?> { ["nothing"] = 1 }, default)).Error!.Code.ShouldBe("planning.attribute_unknown");
        (await Consequences.SetAsync(db, "X9", new Dictionary<string, decimal?> { ["overpass"] = 1 }, default)).Error!.Kind.ShouldBe(Common.ErrorKind.NotFound);

        var plan = (await WorksPlans.RunAsync(db, new PlanInputs(2026, 3, [new Budget(2026, "", 1e8m), new Budget(2027, "", 1e8m), new Budget(2028, "", 1e8m)], PlanSolver.Heuristic), DateTime.UtcNow, default)).Value;

        // B0 and B1 are both in III; B1 is on an emergency route with 12,000 台/日: consequence 1 + 1 + 0.5 = 2.5 (defaults).
        var first = plan.Result.Facilities[0];
        first.Facility.ShouldBe("B1");
        first.Reason.ShouldContain("影響度 2.5（基本 1 ＋ 緊急輸送道路 1 ＋ 交通量 10,000台/日以上 0.5）");
        plan.Result.Facilities.Single(f => f.Facility == "B0").Priority.ShouldBe(2);
    }

    [Fact]
    public async Task a_file_of_attributes_is_read_through_the_vocabulary_and_a_bad_row_refuses_the_whole_file_with_its_place()
    {
        await using var db = database.Context(Yaizu);
        var good = "施設コード,緊急輸送道路,迂回路の有無,交通量\r\nB0,○,無,8000\r\nB2,,有,\r\n";
        var bad = "施設コード,緊急輸送道路,交通量\r\nB0,○,多い\r\nZZ,○,1\r\n";

        var refused = (await Consequences.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(bad)), "attrs.csv", commit: true, default)).Value;

        refused.Written.ShouldBeFalse();
        refused.Problems.Select(p => p.ToString()).ShouldBe([
            "attrs.csv 2行目「交通量」列: 交通量は0以上の数値で指定してください。（値: 多い）",
            "attrs.csv 3行目「施設コード」列: 施設「ZZ」は施設台帳にありません。（値: ZZ）"]);
        (await db.FacilityConsequences.CountAsync()).ShouldBe(0);

        var imported = (await Consequences.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(good)), "attrs.csv", commit: true, default)).Value;

        imported.Written.ShouldBeTrue();
        var values = await Consequences.ValuesAsync(db, default);
        values["B0"].ShouldBe(new Dictionary<string, decimal> { ["emergency-route"] = 1, ["no-detour"] = 1, ["traffic"] = 8000 }, ignoreOrder: true);
        values.ContainsKey("B2").ShouldBeFalse();
    }

    [Fact]
    public async Task another_tenant_neither_sees_nor_sets_our_facilities_attributes()
    {
        await using (var db = database.Context(Yaizu))
        {
            await Consequences.SetAsync(db, "B0", new Dictionary<string, decimal?> { ["overpass"] = 1 }, default);
        }

        await using var theirs = database.Context(Fujieda);
        (await Consequences.ValuesAsync(theirs, default)).ShouldBeEmpty();
        (await Consequences.SetAsync(theirs, "B0", new Dictionary<string, decimal?> { ["overpass"] = 0 }, default)).Error!.Kind.ShouldBe(Common.ErrorKind.NotFound);
        var file = "施設コード,跨線橋・跨道橋\r\nB0,×\r\n";
        (await Consequences.ImportAsync(theirs, new MemoryStream(Encoding.UTF8.GetBytes(file)), "a.csv", commit: true, default)).Value.Written.ShouldBeFalse();
        (await Consequences.LoadAsync(theirs, default)).Version.ShouldBe(0);
    }
}
