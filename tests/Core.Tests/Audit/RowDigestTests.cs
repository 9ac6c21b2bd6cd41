using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InfraLedger.Core.Audit;

namespace InfraLedger.Core.Tests.Audit;

public sealed class RowDigestTests
{
    /// <summary>
    /// The reference tree heads of RFC 6962 (Certificate Transparency): the leaves "", 00, 10, 2021, 3031, 40414243,
    /// 5051525354555657, 606162636465666768696a6b6c6d6e6f and the root of the first n of them, as published with the
    /// RFC's reference implementation's test data.
    /// </summary>
    private static readonly string[] Leaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private static readonly string[] Roots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    [Fact]
    public void F12_the_tree_hash_is_rfc_6962s_for_every_reference_tree_size()
    {
        var leafHashes = Leaves.Select(l => SHA256.HashData([0x00, .. Convert.FromHexString(l)])).ToList();
        for (var n = 0; n <= leafHashes.Count; n++)
        {
            RowDigest.TreeHash(i => leafHashes[i], n).ShouldBe(Roots[n], $"tree size {n}");
        }
    }

    [Fact]
    public void F12_an_events_digest_does_not_depend_on_the_order_rows_were_written_in()
    {
        var leaves = Enumerable.Range(0, 37).Select(i => SHA256.HashData([0x00, (byte)i, (byte)(i * 7)])).ToList();

        var written = RowDigest.Root(leaves);
        var read = RowDigest.Root(Enumerable.Reverse(leaves));
        var oneChanged = RowDigest.Root(leaves.Select((l, i) => i == 20 ? SHA256.HashData([0x00, 99]) : l));

        read.ShouldBe(written);
        oneChanged.ShouldNotBe(written);
        RowDigest.Root(leaves.Take(36)).ShouldNotBe(written);
    }

    [Fact]
    public void F12_a_large_imports_leaves_collected_in_chunks_give_the_tree_hash_of_the_sorted_leaves()
    {
        var leaves = Enumerable.Range(0, 5000).Select(i => SHA256.HashData(BitConverter.GetBytes(i))).ToList();
        var set = new RowDigest.LeafSet();
        leaves.ForEach(l => set.Add(l));
        var sorted = leaves.OrderBy(l => Convert.ToHexString(l), StringComparer.Ordinal).ToList();

        set.Count.ShouldBe(5000);
        set.Root().ShouldBe(RowDigest.TreeHash(i => sorted[i], sorted.Count));
    }

    [Fact]
    public void F12_events_without_row_digests_keep_the_hash_they_were_written_with()
    {
        var at = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        var e = new AuditEvent
        {
            TenantId = "222127", Sequence = 7, OccurredAtUtc = at, Actor = "user:a", Action = "Modified", EntityType = "TenantSetting",
            EntityKey = "plan.horizon", Before = "{\"Value\":\"40\"}", After = "{\"Value\":\"30\"}", PreviousHash = AuditChain.Genesis,
        };
        // The hash of ADR 0005 as written before row digests: SHA-256 of the ten fields as one JSON array.
        object?[] fields = ["222127", 7, "2025-04-01T00:00:00.000Z", "user:a", "Modified", "TenantSetting", "plan.horizon", e.Before, e.After, AuditChain.Genesis];
        var before = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields))));

        AuditChain.HashOf(e).ShouldBe(before);
        var withRows = new AuditEvent
        {
            TenantId = e.TenantId, Sequence = e.Sequence, OccurredAtUtc = at, Actor = e.Actor, Action = e.Action, EntityType = e.EntityType,
            EntityKey = e.EntityKey, Before = e.Before, After = e.After, PreviousHash = e.PreviousHash, RowCount = 1, RowsDigest = Roots[1],
        };
        AuditChain.HashOf(withRows).ShouldNotBe(before, "the row count and digest are covered by the hash");
    }
}
