using System.Text.Json;
using InfraLedger.Core.Audit;
using InfraLedger.Core.Tenancy;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Audit;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await SetAsync(Yaizu, "plan.horizon", "40", "user:alice");
        await SetAsync(Yaizu, "plan.horizon", "30", "user:bob");
        await SetAsync(Yaizu, "plan.base", "2025", "user:alice");
        await SetAsync(Fujieda, "plan.horizon", "40", "user:carol");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task every_change_writes_an_event_with_who_what_and_before_after()
    {
        await using var db = database.Context(Yaizu);
        var events = await db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync();

        events.Select(e => (e.Sequence, e.Action, e.Actor, e.EntityType, e.EntityKey)).ShouldBe(
        [
            (1L, "Added", "user:alice", "TenantSetting", "plan.horizon"),
            (2L, "Modified", "user:bob", "TenantSetting", "plan.horizon"),
            (3L, "Added", "user:alice", "TenantSetting", "plan.base"),
        ]);
        events[0].Before.ShouldBeNull();
        Value(events[1].Before!).ShouldBe("40");
        Value(events[1].After!).ShouldBe("30");
        events[1].PreviousHash.ShouldBe(events[0].Hash);
        events[0].PreviousHash.ShouldBe(AuditChain.Genesis);
    }

    [Fact]
    public async Task chains_are_per_tenant()
    {
        await using var db = database.Context(Fujieda);

        var events = await db.AuditEvents.ToListAsync();

        events.Single().Sequence.ShouldBe(1);
        (await AuditTrail.VerifyAsync(db, CancellationToken.None)).FirstBreak.ShouldBeNull();
    }

    [Fact]
    public async Task an_intact_chain_verifies()
    {
        await using var db = database.Context(Yaizu);

        var result = await AuditTrail.VerifyAsync(db, CancellationToken.None);

        result.EventCount.ShouldBe(3);
        result.FirstBreak.ShouldBeNull();
    }

    [Fact]
    public async Task an_edited_event_is_reported_as_the_first_tampered_one()
    {
        await using (var db = database.Context(Yaizu))
        {
            var forged = "{\"Value\":\"99\"}";
            await db.Database.ExecuteSqlAsync($"UPDATE audit_events SET after = {forged} WHERE tenant_id = '222127' AND sequence = 2");
        }

        await using var check = database.Context(Yaizu);
        var result = await AuditTrail.VerifyAsync(check, CancellationToken.None);

        result.FirstBreak.ShouldNotBeNull();
        result.FirstBreak.Sequence.ShouldBe(2);
        result.FirstBreak.Reason.ShouldContain("改ざん");
    }

    [Fact]
    public async Task a_deleted_event_is_reported()
    {
        await using (var db = database.Context(Yaizu))
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_events WHERE tenant_id = '222127' AND sequence = 2");
        }

        await using var check = database.Context(Yaizu);
        var result = await AuditTrail.VerifyAsync(check, CancellationToken.None);

        result.FirstBreak!.Sequence.ShouldBe(2);
        result.FirstBreak.Reason.ShouldContain("削除");
    }

    [Fact]
    public async Task a_rehashed_edit_is_still_caught_by_the_next_link()
    {
        // An attacker who edits event 2 and recomputes its own hash still breaks event 3's link.
        await using (var db = database.Context(Yaizu))
        {
            var e2 = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == 2);
            var forged = new AuditEvent
            {
                TenantId = e2.TenantId, Sequence = 2, OccurredAtUtc = e2.OccurredAtUtc, Actor = "user:mallory", Action = e2.Action,
                EntityType = e2.EntityType, EntityKey = e2.EntityKey, Before = e2.Before, After = e2.After, PreviousHash = e2.PreviousHash,
            };
            var hash = AuditChain.HashOf(forged);
            await db.Database.ExecuteSqlAsync($"UPDATE audit_events SET actor = 'user:mallory', hash = {hash} WHERE tenant_id = '222127' AND sequence = 2");
        }

        await using var check = database.Context(Yaizu);
        (await AuditTrail.VerifyAsync(check, CancellationToken.None)).FirstBreak!.Sequence.ShouldBe(3);
    }

    [Fact]
    public async Task a_failed_save_writes_no_event()
    {
        await using (var db = database.Context(Yaizu))
        {
            // Same key twice: the primary key refuses the second row, so the whole save fails.
            db.TenantSettings.Add(new TenantSetting { TenantId = Yaizu, Key = "plan.base", Value = "duplicate" });
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = database.Context(Yaizu);
        (await check.AuditEvents.CountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task audit_events_cannot_be_changed_through_the_application()
    {
        await using var db = database.Context(Yaizu);
        var e = await db.AuditEvents.FirstAsync();
        db.AuditEvents.Remove(e);

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    private async Task SetAsync(string tenant, string key, string value, string actor)
    {
        await using var db = database.Context(tenant, actor);
        (await TenantSettings.SetAsync(db, key, value, CancellationToken.None)).IsSuccess.ShouldBeTrue();
    }

    private static string Value(string json) => JsonDocument.Parse(json).RootElement.GetProperty("Value").GetString()!;
}
