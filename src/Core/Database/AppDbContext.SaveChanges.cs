using InfraLedger.Core.Audit;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace InfraLedger.Core.Database;

public sealed partial class AppDbContext
{
    /// <summary>While set, register rows saved are linked to the bulk act's one audit event rather than getting one each (ADR 0010).</summary>
    internal RowBatch? RowBatch { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveWithAuditAsync(acceptAllChangesOnSuccess, sync: true, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveWithAuditAsync(acceptAllChangesOnSuccess, sync: false, cancellationToken);

    private async Task<int> SaveWithAuditAsync(bool acceptAll, bool sync, CancellationToken ct)
    {
        // Detect changes once: the guard, the audit and the save each walk the tracked entries (imports track thousands).
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedAsync(acceptAll, sync, ct);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveDetectedAsync(bool acceptAll, bool sync, CancellationToken ct)
    {
        GuardTenantScope();
        var changes = AuditRecorder.PendingChanges(this);
        if (RowBatch is { } batch)
        {
            // Inside a bulk act (an import) that holds the audit lock in its own transaction: its rows are covered by its one event.
            AuditRecorder.CoverInBatch(changes, batch);
            changes.Clear();
        }

        if (changes.Count == 0)
        {
            return sync ? base.SaveChanges(acceptAll) : await base.SaveChangesAsync(acceptAll, ct);
        }

        var tenantId = Scope.TenantId!;
        var ownTransaction = Database.CurrentTransaction is null
            ? (sync ? Database.BeginTransaction() : await Database.BeginTransactionAsync(ct))
            : null;
        try
        {
            var last = await LastAuditEventAsync(sync, ct);
            var events = AuditRecorder.EventsFor(changes, tenantId, Scope.Actor, last, DateTime.UtcNow);
            AuditEvents.AddRange(events);
            var count = sync ? base.SaveChanges(acceptAll) : await base.SaveChangesAsync(acceptAll, ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }

            return count;
        }
        catch
        {
            // Leave the context as it was, so that nothing of a failed save is half-remembered.
            foreach (var added in ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).ToList())
            {
                added.State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The tenant's newest audit event, to chain the next ones to. Call inside the writing transaction: on
    /// PostgreSQL it first takes the tenant's advisory lock, so two transactions never take the same sequence.
    /// </summary>
    internal async Task<AuditEvent?> LastAuditEventAsync(bool sync, CancellationToken ct)
    {
        if (Database.IsNpgsql())
        {
            await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"audit:" + Scope.TenantId}))", ct);
        }

        return sync
            ? AuditEvents.OrderByDescending(e => e.Sequence).FirstOrDefault()
            : await AuditEvents.OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
    }

    /// <summary>Fail closed: tenant-owned rows are written only inside a tenant scope and only for that tenant.</summary>
    private void GuardTenantScope()
    {
        foreach (EntityEntry entry in ChangeTracker.Entries())
        {
            if (entry.Entity is not ITenantOwned owned || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (Scope.TenantId is null)
            {
                throw new InvalidOperationException($"テナントが設定されていない状態で {entry.Metadata.ClrType.Name} を書き込もうとしました。");
            }

            if (owned.TenantId != Scope.TenantId)
            {
                throw new InvalidOperationException(
                    $"テナント {Scope.TenantId} の作業単位で別テナント {owned.TenantId} の {entry.Metadata.ClrType.Name} を書き込もうとしました。");
            }

            if (entry.Entity is AuditEvent && entry.State != EntityState.Added)
            {
                throw new InvalidOperationException("監査イベントは追記のみです（変更・削除はできません）。");
            }
        }
    }
}
