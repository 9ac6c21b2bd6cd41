using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Audit;

/// <summary>Reading and verifying the current tenant's audit trail.</summary>
public static class AuditTrail
{
    public sealed record Verification(long EventCount, AuditChain.Break? FirstBreak);

    /// <summary>Recomputes the chain of the current tenant from its first event; reports the first tampered one.</summary>
    public static async Task<Verification> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        var count = 0L;
        var events = db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        var buffer = new List<AuditEvent>();
        await foreach (var e in events.WithCancellation(ct))
        {
            buffer.Add(e);
            count++;
        }

        return new Verification(count, AuditChain.Verify(buffer));
    }

    /// <summary>The newest events of the current tenant.</summary>
    public static Task<List<AuditEvent>> RecentAsync(AppDbContext db, int take, CancellationToken ct) =>
        db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Take(take).ToListAsync(ct);
}
