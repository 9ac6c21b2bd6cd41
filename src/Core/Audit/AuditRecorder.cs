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
            sequence++;
            var leaf = entry.Entity is Register.IRegisterEntry ? Cover(entry, sequence) : null;
            var e = new AuditEvent
            {
                TenantId = tenantId,
                Sequence = sequence,
                OccurredAtUtc = at,
                Actor = actor,
                Action = entry.State.ToString(),
                EntityType = entry.Metadata.ClrType.Name,
                EntityKey = KeyOf(entry),
                Before = entry.State == EntityState.Added ? null : Values(entry, original: true),
                After = entry.State == EntityState.Deleted ? null : Values(entry, original: false),
                RowCount = leaf is null ? null : 1,
                RowsDigest = leaf is null ? null : RowDigest.Root([leaf]),
                PreviousHash = previousHash,
            };
            e.Hash = AuditChain.HashOf(e);
            events.Add(e);
            previousHash = e.Hash;
        }

        return events;
    }

    /// <summary>
    /// Links a register row's new version (or, for a deletion, its deletion version) to the event with
    /// <paramref name="sequence"/> and returns its leaf (<see cref="RowDigest"/>). Set through the change tracker: changes are
    /// no longer detected automatically at this point of the save.
    /// </summary>
    private static byte[] Cover(EntityEntry entry, long sequence)
    {
        if (entry.State != EntityState.Deleted)
        {
            entry.Property(nameof(Register.IRegisterEntry.AuditSequence)).CurrentValue = sequence;
            return RowDigest.Leaf((Register.IRegisterEntry)entry.Entity);
        }

        var row = (Register.IRegisterEntry)entry.Entity;
        var type = row is Register.Facility ? Register.RegisterEntryType.Facility : Register.RegisterEntryType.Asset;
        var deletion = entry.Context.ChangeTracker.Entries<Register.RegisterVersion>()
            .FirstOrDefault(v => v.State == EntityState.Added && v.Entity.Deleted && v.Entity.EntryType == type && v.Entity.Key == row.Key)
            ?? throw new InvalidOperationException($"台帳の {row.Key} を削除の版なしに削除しようとしました（RegisterHistory.Delete を使います）。");
        deletion.Property(nameof(Register.RegisterVersion.AuditSequence)).CurrentValue = sequence;
        return RowDigest.Leaf(deletion.Entity);
    }

    /// <summary>
    /// Links the register rows of a bulk write (an import's updated rows, saved through the change tracker while
    /// <paramref name="batch"/> is open) to the batch's one event instead of an event each (ADR 0010).
    /// </summary>
    public static void CoverInBatch(IEnumerable<EntityEntry> changes, RowBatch batch)
    {
        foreach (var entry in changes)
        {
            if (entry.Entity is not Register.IRegisterEntry row || entry.State == EntityState.Deleted)
            {
                throw new InvalidOperationException($"一括の書込み中に台帳の行の追加・変更以外（{entry.Metadata.ClrType.Name} {entry.State}）を保存しようとしました。");
            }

            entry.Property(nameof(Register.IRegisterEntry.AuditSequence)).CurrentValue = batch.Sequence;
            batch.Leaves.Add(RowDigest.Leaf(row));
        }
    }

    /// <summary>
    /// The event of a bulk import, which adds its rows without the change tracker: one event for the whole import, its
    /// summary in <paramref name="after"/> (ADR 0010), the digest of every row version it wrote (<paramref name="batch"/>),
    /// chained after <paramref name="last"/>.
    /// </summary>
    public static AuditEvent Imported(string tenantId, string actor, string entityType, string entityKey, string after, RowBatch batch, AuditEvent? last, DateTime nowUtc) =>
        (last?.Sequence ?? 0) + 1 == batch.Sequence
            ? Summary("Imported", tenantId, actor, entityType, entityKey, after, last, nowUtc, batch.Leaves.Count, batch.Leaves.Root())
            : throw new InvalidOperationException($"取込の行は監査イベント {batch.Sequence} に結び付けましたが、次の連番は {(last?.Sequence ?? 0) + 1} です。");

    /// <summary>
    /// An event that stands for a whole act written without the change tracker (an import, a publication, a seal), chained
    /// after <paramref name="last"/>; with the count and digest of the register rows it wrote, if it wrote any.
    /// </summary>
    public static AuditEvent Summary(string action, string tenantId, string actor, string entityType, string entityKey, string after, AuditEvent? last, DateTime nowUtc,
        long? rowCount = null, string? rowsDigest = null)
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
            RowCount = rowCount,
            RowsDigest = rowsDigest,
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
            // Derived columns (the search text, sort keys: [JsonIgnore] on the entity) are recomputed from the others.
            if (p.Metadata.PropertyInfo?.IsDefined(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), inherit: false) == true)
            {
                continue;
            }

            var value = original ? p.OriginalValue : p.CurrentValue;
            // A file (a photo) is recorded by its digest and length: the trail proves which bytes were stored or removed
            // without carrying megabytes of base64 in every event.
            values[p.Metadata.Name] = value is byte[] bytes ? $"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))} ({bytes.Length} bytes)" : value;
        }

        return JsonSerializer.Serialize(values, Json);
    }
}

/// <summary>
/// The register rows of one bulk act (an import) while it is written: they carry the sequence its one event will take and
/// their leaves are collected for that event's digest (ADR 0010). The act holds the tenant's audit lock throughout, so no
/// other event can take the sequence meanwhile.
/// </summary>
internal sealed class RowBatch(long sequence)
{
    public long Sequence { get; } = sequence;

    public RowDigest.LeafSet Leaves { get; } = new();

    /// <summary>A row written outside the change tracker (a bulk insert): linked and digested before it is written.</summary>
    public void Add(Register.IRegisterEntry row)
    {
        row.AuditSequence = Sequence;
        Leaves.Add(RowDigest.Leaf(row));
    }
}
