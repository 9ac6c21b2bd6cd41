using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace InfraLedger.Core.Audit;

/// <summary>Turns the pending changes of tenant-owned entities into chained audit events.</summary>
internal static class AuditRecorder
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// The changed tenant-owned entries. Audit events and register versions are themselves append-only history
    /// written with the change they record, so they are not audited again.
    /// </summary>
    public static List<EntityEntry> PendingChanges(DbContext db) =>
        db.ChangeTracker.Entries()
            .Where(e => e.Entity is ITenantOwned and not AuditEvent and not Register.RegisterVersion
                && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

    /// <summary>Builds one event per change, continuing the chain after <paramref name="last"/>.</summary>
    public static List<AuditEvent> EventsFor(IEnumerable<EntityEntry> changes, string tenantId, string actor, AuditEvent? last, DateTime nowUtc)
    {
        // Millisecond precision: what both SQLite text and PostgreSQL timestamptz give back unchanged.
        var at = new DateTime(nowUtc.Ticks - (nowUtc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        var previousHash = last?.Hash ?? AuditChain.Genesis;
        var sequence = last?.Sequence ?? 0;
        var events = new List<AuditEvent>();
        foreach (var entry in changes)
        {
            var e = new AuditEvent
            {
                TenantId = tenantId,
                Sequence = ++sequence,
                OccurredAtUtc = at,
                Actor = actor,
                Action = entry.State.ToString(),
                EntityType = entry.Metadata.ClrType.Name,
                EntityKey = KeyOf(entry),
                Before = entry.State == EntityState.Added ? null : Values(entry, original: true),
                After = entry.State == EntityState.Deleted ? null : Values(entry, original: false),
                PreviousHash = previousHash,
            };
            e.Hash = AuditChain.HashOf(e);
            events.Add(e);
            previousHash = e.Hash;
        }

        return events;
    }

    /// <summary>
    /// The event of a bulk import, which adds its rows without the change tracker: one event for the whole
    /// import, its summary in <paramref name="after"/> (ADR 0010), chained after <paramref name="last"/>.
    /// </summary>
    public static AuditEvent Imported(string tenantId, string actor, string entityType, string entityKey, string after, AuditEvent? last, DateTime nowUtc) =>
        Summary("Imported", tenantId, actor, entityType, entityKey, after, last, nowUtc);

    /// <summary>An event that stands for a whole act written without the change tracker (an import, a publication), chained after <paramref name="last"/>.</summary>
    public static AuditEvent Summary(string action, string tenantId, string actor, string entityType, string entityKey, string after, AuditEvent? last, DateTime nowUtc)
    {
        var e = new AuditEvent
        {
            TenantId = tenantId,
            Sequence = (last?.Sequence ?? 0) + 1,
            OccurredAtUtc = new DateTime(nowUtc.Ticks - (nowUtc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityKey = entityKey,
            After = after,
            PreviousHash = last?.Hash ?? AuditChain.Genesis,
        };
        e.Hash = AuditChain.HashOf(e);
        return e;
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties
            .Where(p => p.Name != nameof(ITenantOwned.TenantId))
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    private static string Values(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            var value = original ? p.OriginalValue : p.CurrentValue;
            // A file (a photo) is recorded by its digest and length: the trail proves which bytes were stored or removed
            // without carrying megabytes of base64 in every event.
            values[p.Metadata.Name] = value is byte[] bytes ? $"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))} ({bytes.Length} bytes)" : value;
        }

        return JsonSerializer.Serialize(values, Json);
    }
}
