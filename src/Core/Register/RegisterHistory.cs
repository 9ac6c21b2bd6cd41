using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register;

/// <summary>
/// Applies a new state of a facility or an asset: nothing when it equals the current one (so re-importing
/// the same file changes nothing), otherwise the current row is updated and a new version appended.
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

    /// <summary>The record's content as JSON, without tenant, version and validity (what a change is about).</summary>
    public static string Content<T>(T entry)
        where T : class, IRegisterEntry
    {
        var node = JsonSerializer.SerializeToNode(entry, Json)!.AsObject();
        node.Remove("TenantId");
        node.Remove("Version");
        node.Remove("ValidFrom");
        return node.ToJsonString(Json);
    }

    /// <summary>What applying <paramref name="proposed"/> would do, without doing it.</summary>
    public static Outcome Compare<T>(T? current, T proposed)
        where T : class, IRegisterEntry =>
        current is null ? Outcome.Added : Content(current) == Content(proposed) ? Outcome.Unchanged : Outcome.Updated;

    /// <summary>The first version of a new entry (which gets version 1 and the validity date).</summary>
    public static RegisterVersion FirstVersion<T>(T added, DateOnly validFrom, string? reason, DateTime nowUtc)
        where T : class, IRegisterEntry, Tenancy.ITenantOwned
    {
        added.Version = 1;
        added.ValidFrom = validFrom;
        return Version(added, validFrom, reason, nowUtc, Content(added));
    }

    /// <summary>Adds <paramref name="proposed"/> or updates <paramref name="current"/> to it (tracked in <paramref name="db"/>, not saved).</summary>
    public static Outcome Apply<T>(AppDbContext db, T? current, T proposed, DateOnly validFrom, string? reason, DateTime nowUtc)
        where T : class, IRegisterEntry, Tenancy.ITenantOwned
    {
        var content = Content(proposed);
        if (current is not null && Content(current) == content)
        {
            return Outcome.Unchanged;
        }

        T target;
        if (current is null)
        {
            proposed.Version = 1;
            proposed.ValidFrom = validFrom;
            db.Add(proposed);
            target = proposed;
        }
        else
        {
            var version = current.Version + 1;
            db.Entry(current).CurrentValues.SetValues(proposed);
            current.Version = version;
            current.ValidFrom = validFrom;
            target = current;
        }

        db.RegisterVersions.Add(Version(target, validFrom, reason, nowUtc, content));
        return current is null ? Outcome.Added : Outcome.Updated;
    }

    private static RegisterVersion Version<T>(T entry, DateOnly validFrom, string? reason, DateTime nowUtc, string content)
        where T : class, IRegisterEntry, Tenancy.ITenantOwned => new()
    {
        TenantId = entry.TenantId,
        EntryType = entry is Facility ? RegisterEntryType.Facility : RegisterEntryType.Asset,
        Key = entry.Key,
        Version = entry.Version,
        ValidFrom = validFrom,
        RecordedAtUtc = nowUtc,
        Reason = reason,
        Data = content,
    };

    /// <summary>Removes an entry from the current register, keeping its history (a deletion version).</summary>
    public static void Delete<T>(AppDbContext db, T current, DateOnly validFrom, string? reason, DateTime nowUtc)
        where T : class, IRegisterEntry, Tenancy.ITenantOwned
    {
        db.RegisterVersions.Add(new RegisterVersion
        {
            TenantId = current.TenantId,
            EntryType = current is Facility ? RegisterEntryType.Facility : RegisterEntryType.Asset,
            Key = current.Key,
            Version = current.Version + 1,
            ValidFrom = validFrom,
            RecordedAtUtc = nowUtc,
            Reason = reason,
            Deleted = true,
        });
        db.Remove(current);
    }

    /// <summary>The versions of one entry, newest first.</summary>
    public static Task<List<RegisterVersion>> OfAsync(AppDbContext db, RegisterEntryType type, string key, CancellationToken ct) =>
        db.RegisterVersions.AsNoTracking().Where(v => v.EntryType == type && v.Key == key).OrderByDescending(v => v.Version).ToListAsync(ct);

    /// <summary>
    /// The register as of <paramref name="date"/> (e.g. a fiscal-year end, 3月31日): per key the latest version
    /// effective on that date, deletions dropped. Assets also drop when acquired after or disposed on or before it.
    /// </summary>
    public static async Task<(List<Facility> Facilities, List<FixedAsset> Assets)> AsOfAsync(AppDbContext db, DateOnly date, CancellationToken ct)
    {
        var versions = await db.RegisterVersions.AsNoTracking().Where(v => v.ValidFrom <= date)
            .Select(v => new { v.EntryType, v.Key, v.Version, v.Deleted, v.Data }).ToListAsync(ct);
        var latest = versions.GroupBy(v => (v.EntryType, v.Key)).Select(g => g.MaxBy(v => v.Version)!).Where(v => !v.Deleted).ToList();
        var facilities = latest.Where(v => v.EntryType == RegisterEntryType.Facility)
            .Select(v => Materialise<Facility>(v.Data!, db.Scope.TenantId!)).OrderBy(f => f.Code, StringComparer.Ordinal).ToList();
        var assets = latest.Where(v => v.EntryType == RegisterEntryType.Asset)
            .Select(v => Materialise<FixedAsset>(v.Data!, db.Scope.TenantId!))
            .Where(a => (a.AcquisitionDate is null || a.AcquisitionDate <= date) && (a.DisposalDate is null || a.DisposalDate > date))
            .OrderBy(a => a.Number, StringComparer.Ordinal).ToList();
        return (facilities, assets);
    }

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
