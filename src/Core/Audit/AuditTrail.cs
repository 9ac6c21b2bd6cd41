using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Audit;

/// <summary>Reading and verifying the current tenant's audit trail (ADR 0005).</summary>
public static class AuditTrail
{
    /// <summary>Something verification found wrong: at an event (its sequence) or about rows of no event.</summary>
    public sealed record Finding(long? Sequence, string Message);

    /// <summary>
    /// The outcome of verification: the chain's length and head, its first break, and what the register's rows
    /// and the head kept elsewhere say.
    /// </summary>
    public sealed record Verification(long EventCount, string? Head, AuditChain.Break? FirstBreak, long RowsChecked, IReadOnlyList<Finding> Findings)
    {
        public bool IsIntact => FirstBreak is null && Findings.Count == 0;
    }

    /// <summary>The chain's latest event: its sequence (the chain's length) and hash; null when the tenant has no event yet.</summary>
    public sealed record Head(long Length, string Hash)
    {
        /// <summary>How the head is written down and given back to <c>--expect</c>: <c>length:hash</c>.</summary>
        public override string ToString() => $"{Length.ToString(CultureInfo.InvariantCulture)}:{Hash}";
    }

    public static async Task<Head?> HeadAsync(AppDbContext db, CancellationToken ct) =>
        await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new Head(e.Sequence, e.Hash)).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Recomputes the chain of the current tenant from its first event and reports its first tampered event; recomputes the
    /// digest of every register row version against the event that wrote it (<see cref="AuditRows"/>), which finds rows
    /// edited, deleted or added in the database and events removed from the end; and, given a head kept elsewhere
    /// (<paramref name="expected"/>: <c>hash</c> or <c>length:hash</c>, from <c>audit head</c>), finds a tail rewritten
    /// consistently, hashes and all.
    /// </summary>
    public static async Task<Result<Verification>> VerifyAsync(AppDbContext db, string? expected, CancellationToken ct)
    {
        var wanted = ParseExpected(expected);
        return wanted.IsSuccess ? await VerifyAsync(db, wanted.Value, ct) : wanted.Error!;
    }

    /// <summary>Verifies the chain and the register's rows (see the overload with a kept head).</summary>
    public static Task<Verification> VerifyAsync(AppDbContext db, CancellationToken ct) => VerifyAsync(db, ((long?, string)?)null, ct);

    private static async Task<Verification> VerifyAsync(AppDbContext db, (long? Length, string Hash)? wanted, CancellationToken ct)
    {

        var events = new Dictionary<long, AuditEvent>();
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            // Before and after are not needed past the hash: keep what the findings name.
            events[e.Sequence] = e;
        }

        var ordered = events.Values.ToList();
        var firstBreak = AuditChain.Verify(ordered);
        var findings = new List<Finding>();
        var rows = await AuditRows.CheckAsync(db, events, findings, ct);
        var head = ordered.Count == 0 ? null : new Head(ordered[^1].Sequence, ordered[^1].Hash);
        if (wanted is { } w)
        {
            CheckExpected(w.Length, w.Hash, ordered, findings);
        }

        return new Verification(ordered.Count, head?.ToString(), firstBreak, rows, findings);
    }

    /// <summary>Why <paramref name="expected"/> is not a head as <c>audit head</c> writes it; null when it is one (or absent).</summary>
    public static Error? CheckHead(string? expected) => ParseExpected(expected).Error;

    /// <summary>The newest events of the current tenant.</summary>
    public static Task<List<AuditEvent>> RecentAsync(AppDbContext db, int take, CancellationToken ct) =>
        db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Take(take).ToListAsync(ct);

    private static Result<(long? Length, string Hash)?> ParseExpected(string? expected)
    {
        if (string.IsNullOrWhiteSpace(expected))
        {
            return Result<(long?, string)?>.Ok(null);
        }

        var text = expected.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var hash = (colon < 0 ? text : text[(colon + 1)..]).ToLowerInvariant();
        long? length = null;
        if (colon >= 0)
        {
            if (!long.TryParse(text[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return Errors.ExpectedHead(text);
            }

            length = n;
        }

        return hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower) ? (length, hash) : Errors.ExpectedHead(text);
    }

    private static void CheckExpected(long? length, string hash, List<AuditEvent> ordered, List<Finding> findings)
    {
        var at = ordered.FindIndex(e => e.Hash == hash);
        if (at < 0)
        {
            findings.Add(new Finding(length, length is { } n && n <= ordered.Count
                ? $"保管されたヘッド（連番 {n}）のハッシュがチェーンにありません。連番 {n} までのどこかが、ハッシュごと書き換えられています。"
                : length is { } m
                    ? $"保管されたヘッド（連番 {m}）までイベントがありません（いまは {ordered.Count} 件）。末尾のイベントが削除されています。"
                    : "保管されたヘッドのハッシュがチェーンにありません。チェーンの末尾がハッシュごと書き換えられたか、削除されています。"));
        }
        else if (length is { } n && ordered[at].Sequence != n)
        {
            findings.Add(new Finding(n, $"保管されたヘッドのハッシュは連番 {ordered[at].Sequence} のもので、連番 {n} ではありません。"));
        }
    }
}
