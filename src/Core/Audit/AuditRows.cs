using System.Globalization;
using System.Text.Json;
using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Audit;

/// <summary>
/// The register's rows against the events that wrote them (ADR 0005): every version of a facility or an asset — its row in
/// the register, its past versions and deletions in <c>register_versions</c> — carries the sequence of the event that wrote
/// it, and that event carries the count and Merkle root of those versions (<see cref="RowDigest"/>). Recomputing them from
/// the tables finds a row edited, deleted or inserted in the database, and rows whose event is gone (the last event
/// deleted).
/// </summary>
public static class AuditRows
{
    private const int ExamplesShown = 5;

    /// <summary>Checks every version of the current tenant's register; adds what is wrong to <paramref name="findings"/>; returns how many versions.</summary>
    public static async Task<long> CheckAsync(AppDbContext db, IReadOnlyDictionary<long, AuditEvent> events, List<AuditTrail.Finding> findings, CancellationToken ct)
    {
        var groups = await GroupsAsync(db, ct);
        foreach (var e in events.Values.Where(e => e.RowsDigest is not null))
        {
            var rows = groups.GetValueOrDefault(e.Sequence) ?? new Group();
            if (rows.Leaves.Count != e.RowCount || rows.Leaves.Root() != e.RowsDigest)
            {
                findings.Add(new(e.Sequence, $"監査イベント {e.Sequence}（{e.Action} {e.EntityType} {e.EntityKey}）が書き込んだ台帳の行 {e.RowCount:N0} 件の内容と、"
                    + $"いまその連番を持つ行 {rows.Leaves.Count:N0} 件{rows.Describe()}が一致しません。行がアプリケーションの外で編集・削除・追加されています。"));
            }
        }

        var last = events.Count == 0 ? 0 : events.Keys.Max();
        foreach (var (sequence, rows) in groups.Where(g => g.Key >= 0).OrderBy(g => g.Key))
        {
            if (!events.TryGetValue(sequence, out var e))
            {
                findings.Add(new(sequence, sequence > last
                    ? $"台帳の行 {rows.Leaves.Count:N0} 件{rows.Describe()}を書き込んだ監査イベント {sequence} がありません。チェーンの末尾のイベントが削除されています（いまの末尾は {last}）。"
                    : $"台帳の行 {rows.Leaves.Count:N0} 件{rows.Describe()}を書き込んだ監査イベント {sequence} がありません。イベントが削除されています。"));
            }
            else if (e.RowsDigest is null)
            {
                findings.Add(new(sequence, $"台帳の行 {rows.Leaves.Count:N0} 件{rows.Describe()}が監査イベント {sequence}（{e.Action} {e.EntityType}）に結び付いていますが、そのイベントは台帳の行を書き込んでいません。"));
            }
        }

        if (groups.GetValueOrDefault(-1) is { } loose)
        {
            findings.Add(new(null, $"どの監査イベントにも結び付いていない台帳の行が {loose.Leaves.Count:N0} 件あります{loose.Describe()}。"
                + "アプリケーションの外で追加されたか、移行 0013 より前からある行です（前からの行は infraledger audit seal で一度だけ封印します）。"));
        }

        return groups.Values.Sum(g => g.Leaves.Count);
    }

    /// <summary>
    /// Seals the versions of the current tenant's register that no event covers yet (those written before migration 0013):
    /// one <c>Sealed</c> event takes them, with their count and digest. Returns the event, or null when there was nothing to seal.
    /// Run once after upgrading; on a register that was already tampered with, it vouches for what is there now.
    /// </summary>
    public static async Task<AuditEvent?> SealAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var tenant = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var last = await db.LastAuditEventAsync(sync: false, ct);
        long? sequence = (last?.Sequence ?? 0) + 1;
        var facilities = await db.Facilities.Where(f => f.AuditSequence == null).ExecuteUpdateAsync(s => s.SetProperty(f => f.AuditSequence, sequence), ct);
        var assets = await db.FixedAssets.Where(a => a.AuditSequence == null).ExecuteUpdateAsync(s => s.SetProperty(a => a.AuditSequence, sequence), ct);
        var versions = await db.RegisterVersions.Where(v => v.AuditSequence == null).ExecuteUpdateAsync(s => s.SetProperty(v => v.AuditSequence, sequence), ct);
        if (facilities + assets + versions == 0)
        {
            return null;
        }

        var sealedRows = (await GroupsAsync(db, ct))[sequence.Value];
        var summary = JsonSerializer.Serialize(new { Facilities = facilities, Assets = assets, Versions = versions }, RegisterHistory.Json);
        var e = AuditRecorder.Summary("Sealed", tenant, db.Scope.Actor, "Register", "audit seal", summary, last, nowUtc, sealedRows.Leaves.Count, sealedRows.Leaves.Root());
        db.AuditEvents.Add(e);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return e;
    }

    /// <summary>Every version of the register by the event that wrote it; -1 for versions of no event.</summary>
    private static async Task<Dictionary<long, Group>> GroupsAsync(AppDbContext db, CancellationToken ct)
    {
        var groups = new Dictionary<long, Group>();
        Group Of(long? sequence) => groups.TryGetValue(sequence ?? -1, out var g) ? g : groups[sequence ?? -1] = new Group();
        await foreach (var f in db.Facilities.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            Of(f.AuditSequence).Add(RowDigest.Leaf(f), $"施設 {f.Code} 第{f.Version}版");
        }

        await foreach (var a in db.FixedAssets.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            Of(a.AuditSequence).Add(RowDigest.Leaf(a), $"資産 {a.Number} 第{a.Version}版");
        }

        await foreach (var v in db.RegisterVersions.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var what = v.EntryType == RegisterEntryType.Facility ? "施設" : "資産";
            Of(v.AuditSequence).Add(RowDigest.Leaf(v), $"{what} {v.Key} 第{v.Version}版（{(v.Deleted ? "削除" : "過去の版")}）");
        }

        return groups;
    }

    /// <summary>The versions of one event: their leaves and the first few, to name in a finding.</summary>
    private sealed class Group
    {
        private readonly List<string> examples = [];

        public RowDigest.LeafSet Leaves { get; } = new();

        public void Add(byte[] leaf, string what)
        {
            Leaves.Add(leaf);
            if (examples.Count < ExamplesShown)
            {
                examples.Add(what);
            }
        }

        public string Describe() => examples.Count == 0 ? ""
            : $"（{string.Join("、", examples)}{(Leaves.Count > examples.Count ? $" ほか {(Leaves.Count - examples.Count).ToString("N0", CultureInfo.InvariantCulture)} 件" : "")}）";
    }
}
