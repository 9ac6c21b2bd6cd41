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
    /// Events for rows added without the change tracker (bulk import): the same fields and JSON as
    /// <see cref="EventsFor"/> would write for them as Added entries.
    /// </summary>
    public static List<AuditEvent> EventsForAdded<T>(DbContext db, IEnumerable<T> added, string tenantId, string actor, AuditEvent? last, DateTime nowUtc)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var keys = entity.FindPrimaryKey()!.Properties.Where(p => p.Name != nameof(ITenantOwned.TenantId)).ToList();
        var properties = entity.GetProperties().ToList();
        var at = new DateTime(nowUtc.Ticks - (nowUtc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        var previousHash = last?.Hash ?? AuditChain.Genesis;
        var sequence = last?.Sequence ?? 0;
        var events = new List<AuditEvent>();
        foreach (var row in added)
        {
            var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var p in properties)
            {
                values[p.Name] = p.PropertyInfo!.GetValue(row);
            }

            var e = new AuditEvent
            {
                TenantId = tenantId,
                Sequence = ++sequence,
                OccurredAtUtc = at,
                Actor = actor,
                Action = nameof(EntityState.Added),
                EntityType = typeof(T).Name,
                EntityKey = string.Join('/', keys.Select(k => Convert.ToString(k.PropertyInfo!.GetValue(row), CultureInfo.InvariantCulture))),
                After = JsonSerializer.Serialize(values, Json),
                PreviousHash = previousHash,
            };
            e.Hash = AuditChain.HashOf(e);
            events.Add(e);
            previousHash = e.Hash;
        }

        return events;
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
            values[p.Metadata.Name] = original ? p.OriginalValue : p.CurrentValue;
        }

        return JsonSerializer.Serialize(values, Json);
    }
}
