using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register;

/// <summary>
/// The history of facilities and assets. The row in the register is the newest version of an entry (with its
/// version number, 異動日, reason and time); a change moves the row's state into <see cref="RegisterVersion"/>
/// first, so a new entry costs one row and the register as of a past date is read from both (ADR 0010).
/// Applying a state equal to the current one changes nothing (so re-importing the same file changes nothing).
/// </summary>
public static class RegisterHistory
{
    public enum Outcome
    {
        Unchanged,
        Added,
        Updated,
    }

    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new CanonicalDecimal() },
    };

    private static readonly string[] VersionFields =
        ["TenantId", nameof(IRegisterEntry.Version), nameof(IRegisterEntry.ValidFrom), nameof(IRegisterEntry.ChangeReason), nameof(IRegisterEntry.RecordedAtUtc),
         nameof(IRegisterEntry.AuditSequence), nameof(IRegisterEntry.ImportSource)];

    /// <summary>The serialisation of a record's content: <see cref="Json"/> without the tenant and version fields.</summary>
    private static readonly JsonSerializerOptions ContentJson = new(Json)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutVersionFields } },
    };

    /// <summary>The record's content as JSON, without tenant and version fields (what a change is about).</summary>
    public static string Content<T>(T entry)
        where T : class, IRegisterEntry => JsonSerializer.Serialize(entry, ContentJson);

    // Written straight, without a JSON tree to remove them from: every row of a bulk import is digested (RowDigest).
    private static void WithoutVersionFields(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !typeof(IRegisterEntry).IsAssignableFrom(info.Type))
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (VersionFields.Contains(info.Properties[i].Name))
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    /// <summary>What applying <paramref name="proposed"/> would do, without doing it.</summary>
    public static Outcome Compare<T>(T? current, T proposed)
        where T : class, IRegisterEntry =>
        current is null ? Outcome.Added : Content(current) == Content(proposed) ? Outcome.Unchanged : Outcome.Updated;

    /// <summary>Sets the version fields of a new version of an entry.</summary>
    public static void Stamp(IRegisterEntry entry, int version, DateOnly validFrom, string? reason, DateTime nowUtc)
    {
        entry.Version = version;
        entry.ValidFrom = validFrom;
        entry.ChangeReason = reason;
        entry.RecordedAtUtc = Recorded(nowUtc);
    }

    /// <summary>
    /// A recording time as every database gives it back: whole milliseconds (PostgreSQL keeps microseconds, SQLite ticks),
    /// so that a version's digest computed when it is written is the one recomputed from the table (<c>audit verify</c>).
    /// </summary>
    public static DateTime Recorded(DateTime nowUtc) =>
        new(nowUtc.Ticks - (nowUtc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>
    /// The version number a new entry with this key starts at: 1, or after the deletion of an earlier entry with
    /// the same key, the version after that deletion (its history continues).
    /// </summary>
    public static async Task<int> FirstVersionAsync(AppDbContext db, RegisterEntryType type, string key, CancellationToken ct) =>
        (await db.RegisterVersions.Where(v => v.EntryType == type && v.Key == key).MaxAsync(v => (int?)v.Version, ct) ?? 0) + 1;

    /// <summary>
    /// The version each deleted key of the current tenant would start at when added again (see
    /// <see cref="FirstVersionAsync"/>), for adding many entries at once.
    /// </summary>
    public static Task<Dictionary<string, int>> DeletedKeysAsync(AppDbContext db, RegisterEntryType type, CancellationToken ct) =>
        db.RegisterVersions.Where(v => v.EntryType == type && v.Deleted).GroupBy(v => v.Key)
            .Select(g => new { g.Key, Version = g.Max(v => v.Version) + 1 }).ToDictionaryAsync(x => x.Key, x => x.Version, ct);

    /// <summary>
    /// Adds <paramref name="proposed"/> (at <paramref name="firstVersion"/>, see <see cref="FirstVersionAsync"/>) or
    /// updates <paramref name="current"/> to it, keeping its previous state as a version (tracked in
    /// <paramref name="db"/>, not saved).
    /// </summary>
    public static Outcome Apply<T>(AppDbContext db, T? current, T proposed, DateOnly validFrom, string? reason, DateTime nowUtc, int firstVersion = 1)
        where T : class, IRegisterEntry, Tenancy.ITenantOwned
    {
        if (current is null)
        {
            Stamp(proposed, firstVersion, validFrom, reason, nowUtc);
            db.Add(proposed);
            return Outcome.Added;
        }

        var before = Content(current);
        if (before == Content(proposed))
        {
            return Outcome.Unchanged;
        }

        db.RegisterVersions.Add(Archived(current, before));
        var version = current.Version + 1;
        db.Entry(current).CurrentValues.SetValues(proposed);
        Stamp(current, version, validFrom, reason, nowUtc);
        return Outcome.Updated;
    }

    /// <summary>Removes an entry from the current register, keeping its history (its last state and a deletion version).</summary>
    public static void Delete<T>(AppDbContext db, T current, DateOnly validFrom, string? reason, DateTime nowUtc)
        where T : class, IRegisterEntry, Tenancy.ITenantOwned
    {
        db.RegisterVersions.Add(Archived(current, Content(current)));
        db.RegisterVersions.Add(new RegisterVersion
        {
            TenantId = current.TenantId,
            EntryType = TypeOf(current),
            Key = current.Key,
            Version = current.Version + 1,
            ValidFrom = validFrom,
            RecordedAtUtc = Recorded(nowUtc),
            Reason = reason,
            Deleted = true,
        });
        db.Remove(current);
    }

    /// <summary>The versions of one entry, newest first: its row in the register, then its past versions.</summary>
    public static async Task<List<RegisterVersion>> OfAsync(AppDbContext db, RegisterEntryType type, string key, CancellationToken ct)
    {
        var past = await db.RegisterVersions.AsNoTracking().Where(v => v.EntryType == type && v.Key == key).OrderByDescending(v => v.Version).ToListAsync(ct);
        var current = type == RegisterEntryType.Facility
            ? await db.Facilities.AsNoTracking().SingleOrDefaultAsync(f => f.Code == key, ct) is { } f ? Archived(f, Content(f)) : null
            : await db.FixedAssets.AsNoTracking().SingleOrDefaultAsync(a => a.Number == key, ct) is { } a ? Archived(a, Content(a)) : null;
        return current is null ? past : [current, .. past];
    }

    /// <summary>
    /// The register as of <paramref name="date"/> (e.g. a fiscal-year end, 3月31日): per key the latest version
    /// effective on that date, deletions dropped. Assets also drop when acquired after or disposed on or before it.
    /// </summary>
    public static async Task<(List<Facility> Facilities, List<FixedAsset> Assets)> AsOfAsync(AppDbContext db, DateOnly date, CancellationToken ct)
    {
        var past = await db.RegisterVersions.AsNoTracking().Where(v => v.ValidFrom <= date)
            .Select(v => new { v.EntryType, v.Key, v.Version, v.Deleted, v.Data }).ToListAsync(ct);
        var latestPast = past.GroupBy(v => (v.EntryType, v.Key)).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Version)!);
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.ValidFrom <= date).ToListAsync(ct);
        var assets = await db.FixedAssets.AsNoTracking().Where(a => a.ValidFrom <= date).ToListAsync(ct);
        // A current row effective on the date is the newest version; otherwise an earlier version may be.
        var currentKeys = facilities.Select(f => (RegisterEntryType.Facility, f.Code)).Concat(assets.Select(a => (RegisterEntryType.Asset, a.Number))).ToHashSet();
        foreach (var v in latestPast.Values.Where(v => !v.Deleted && !currentKeys.Contains((v.EntryType, v.Key))))
        {
            if (v.EntryType == RegisterEntryType.Facility)
            {
                facilities.Add(Materialise<Facility>(v.Data!, db.Scope.TenantId!));
            }
            else
            {
                assets.Add(Materialise<FixedAsset>(v.Data!, db.Scope.TenantId!));
            }
        }

        return (facilities.OrderBy(f => f.Code, StringComparer.Ordinal).ToList(),
            assets.Where(a => (a.AcquisitionDate is null || a.AcquisitionDate <= date) && (a.DisposalDate is null || a.DisposalDate > date))
                .OrderBy(a => a.Number, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// One facility and its assets as <see cref="AsOfAsync"/> would give them (same versions, same filters, same order),
    /// without reading the rest of the register: the current rows linked to it that were in force on the date, and the
    /// past versions of the assets whose current row was not (changed after the date, or deleted) that were linked to it
    /// then. Null facility when it did not exist on the date.
    /// </summary>
    public static async Task<(Facility? Facility, List<FixedAsset> Assets)> FacilityAsOfAsync(AppDbContext db, string code, DateOnly date, CancellationToken ct)
    {
        var facility = await db.Facilities.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code && f.ValidFrom <= date, ct);
        if (facility is null)
        {
            var version = await db.RegisterVersions.AsNoTracking()
                .Where(v => v.EntryType == RegisterEntryType.Facility && v.Key == code && v.ValidFrom <= date)
                .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
            facility = version is { Deleted: false } ? Materialise<Facility>(version.Data!, db.Scope.TenantId!) : null;
        }

        var assets = await db.FixedAssets.AsNoTracking().Where(a => a.FacilityCode == code && a.ValidFrom <= date).ToListAsync(ct);
        var inForce = db.FixedAssets.Where(a => a.ValidFrom <= date).Select(a => a.Number);
        var past = await db.RegisterVersions.AsNoTracking()
            .Where(v => v.EntryType == RegisterEntryType.Asset && v.ValidFrom <= date && !inForce.Contains(v.Key))
            .Select(v => new { v.Key, v.Version, v.Deleted, v.Data }).ToListAsync(ct);
        foreach (var v in past.GroupBy(v => v.Key).Select(g => g.MaxBy(v => v.Version)!).Where(v => !v.Deleted))
        {
            var asset = Materialise<FixedAsset>(v.Data!, db.Scope.TenantId!);
            if (asset.FacilityCode == code)
            {
                assets.Add(asset);
            }
        }

        return (facility, assets.Where(a => (a.AcquisitionDate is null || a.AcquisitionDate <= date) && (a.DisposalDate is null || a.DisposalDate > date))
            .OrderBy(a => a.Number, StringComparer.Ordinal).ToList());
    }

    private static RegisterEntryType TypeOf(IRegisterEntry entry) => entry is Facility ? RegisterEntryType.Facility : RegisterEntryType.Asset;

    /// <summary>The state of an entry as a version (its content JSON already computed).</summary>
    private static RegisterVersion Archived<T>(T entry, string content)
        where T : IRegisterEntry, Tenancy.ITenantOwned => new()
    {
        TenantId = entry.TenantId,
        EntryType = TypeOf(entry),
        Key = entry.Key,
        Version = entry.Version,
        ValidFrom = entry.ValidFrom,
        RecordedAtUtc = entry.RecordedAtUtc,
        Reason = entry.ChangeReason,
        Data = content,
        AuditSequence = entry.AuditSequence, // the event that wrote this version still covers it
    };

    /// <summary>
    /// 1200 and 1200.000 are the same quantity, but PostgreSQL's numeric(18,3) returns the latter: write decimals
    /// without trailing zeros so that an unchanged record compares equal.
    /// </summary>
    private sealed class CanonicalDecimal : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.000000000000000000000000000000000m);
    }

    private static T Materialise<T>(string data, string tenantId)
    {
        var node = JsonNode.Parse(data)!.AsObject();
        node["TenantId"] = tenantId;
        return node.Deserialize<T>(Json)!;
    }
}
