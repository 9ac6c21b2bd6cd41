using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Audit;

/// <summary>
/// Digests of register row versions, so that an audit event can vouch for the rows it wrote (ADR 0005). A version's leaf
/// covers what identifies and what makes the version — type, key, version, 異動日, recording time, reason, deletion and the
/// record's content (<see cref="RegisterHistory.Content{T}"/>, the same JSON a past version keeps in
/// <see cref="RegisterVersion.Data"/>) — so the leaf of a version is the same whether it is read from its row in the
/// register or, once superseded, from <c>register_versions</c>. An event's digest is the Merkle tree hash of RFC 6962
/// §2.1 over its leaves sorted by value: order-free (a bulk import writes in file order, verification reads in key order)
/// and a proof of one row needs only log₂(n) hashes. Pure.
/// </summary>
public static class RowDigest
{
    /// <summary>The leaf hash of a current row (its content as the register holds it).</summary>
    public static byte[] Leaf(IRegisterEntry entry) => entry switch
    {
        Facility f => Leaf(RegisterEntryType.Facility, f.Code, f.Version, f.ValidFrom, f.RecordedAtUtc, f.ChangeReason, deleted: false, RegisterHistory.Content(f)),
        FixedAsset a => Leaf(RegisterEntryType.Asset, a.Number, a.Version, a.ValidFrom, a.RecordedAtUtc, a.ChangeReason, deleted: false, RegisterHistory.Content(a)),
        _ => throw new ArgumentException($"台帳の行ではありません: {entry.GetType().Name}", nameof(entry)),
    };

    /// <summary>The leaf hash of a past version or a deletion.</summary>
    public static byte[] Leaf(RegisterVersion v) => Leaf(v.EntryType, v.Key, v.Version, v.ValidFrom, v.RecordedAtUtc, v.Reason, v.Deleted, v.Data);

    /// <summary>RFC 6962 §2.1: SHA-256(0x00 ‖ data), data being the version's fields as one JSON array (unambiguous).</summary>
    public static byte[] Leaf(RegisterEntryType type, string key, int version, DateOnly validFrom, DateTime recordedAtUtc, string? reason, bool deleted, string? data)
    {
        var fields = new object?[]
        {
            (int)type, key, version, validFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            recordedAtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture), reason, deleted, data,
        };
        byte[] bytes = [0x00, .. Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields))];
        return SHA256.HashData(bytes);
    }

    /// <summary>The Merkle tree hash (hex) of the leaves, sorted by value first; of no leaves, SHA-256 of nothing.</summary>
    public static string Root(IEnumerable<byte[]> leaves)
    {
        var set = new LeafSet();
        foreach (var leaf in leaves)
        {
            set.Add(leaf);
        }

        return set.Root();
    }

    /// <summary>
    /// Leaves collected one by one (e.g. the rows of a bulk import, as they stream to the database): 32 bytes each in
    /// chunks of 64 KB, without an object per row and without copying a growing array (a million rows take 32 MB).
    /// </summary>
    public sealed class LeafSet
    {
        private const int Size = 32;
        private const int PerChunk = 2048;
        private readonly List<byte[]> chunks = [];

        public long Count { get; private set; }

        public void Add(ReadOnlySpan<byte> leaf)
        {
            if (Count % PerChunk == 0)
            {
                chunks.Add(new byte[Size * PerChunk]);
            }

            leaf.CopyTo(At((int)Count));
            Count++;
        }

        /// <summary>The Merkle tree hash (hex) of the leaves sorted by value; of no leaves, SHA-256 of nothing.</summary>
        public string Root()
        {
            var order = Enumerable.Range(0, (int)Count).ToArray();
            Array.Sort(order, (a, b) => At(a).SequenceCompareTo(At(b)));
            return TreeHash(i => At(order[i]), order.Length);
        }

        private Span<byte> At(int index) => chunks[index / PerChunk].AsSpan(index % PerChunk * Size, Size);
    }

    /// <summary>The leaf hash at a position of the tree's order.</summary>
    internal delegate ReadOnlySpan<byte> LeafAt(int index);

    /// <summary>RFC 6962 §2.1 Merkle tree hash (hex) of leaf hashes in the order given; of none, SHA-256 of nothing.</summary>
    internal static string TreeHash(LeafAt leaf, int count) =>
        Convert.ToHexStringLower(count == 0 ? SHA256.HashData([]) : Tree(leaf, 0, count));

    // MTH(D[n]) = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])), k the largest power of two smaller than n; MTH of one leaf is its hash.
    private static byte[] Tree(LeafAt leaf, int start, int count)
    {
        if (count == 1)
        {
            return leaf(start).ToArray();
        }

        var k = 1;
        while (k * 2 < count)
        {
            k *= 2;
        }

        Span<byte> node = stackalloc byte[65];
        node[0] = 0x01;
        Tree(leaf, start, k).CopyTo(node[1..]);
        Tree(leaf, start + k, count - k).CopyTo(node[33..]);
        return SHA256.HashData(node);
    }
}
