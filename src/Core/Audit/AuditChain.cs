using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace InfraLedger.Core.Audit;

/// <summary>The hash chain over a tenant's audit events. Pure.</summary>
public static class AuditChain
{
    /// <summary>The <see cref="AuditEvent.PreviousHash"/> of a tenant's first event.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// SHA-256 (hex) of the event's fields and the previous hash, as one JSON array (unambiguous). The row count and digest
    /// are appended only when the event has them, so that the hashes of events written before they existed still verify.
    /// </summary>
    public static string HashOf(AuditEvent e)
    {
        var fields = new List<object?>
        {
            e.TenantId, e.Sequence, e.OccurredAtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            e.Actor, e.Action, e.EntityType, e.EntityKey, e.Before, e.After, e.PreviousHash,
        };
        if (e.RowsDigest is not null)
        {
            fields.Add(e.RowCount);
            fields.Add(e.RowsDigest);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields))));
    }

    /// <summary>The first event that breaks the chain, and why; null when the chain is whole.</summary>
    public sealed record Break(long Sequence, string Reason);

    /// <summary>Walks one tenant's events in sequence order and reports the first one that was altered, inserted or removed.</summary>
    public static Break? Verify(IEnumerable<AuditEvent> eventsInOrder)
    {
        var previousHash = Genesis;
        var expectedSequence = 1L;
        foreach (var e in eventsInOrder)
        {
            if (e.Sequence != expectedSequence)
            {
                return new Break(expectedSequence, $"連番 {expectedSequence} のイベントがありません（次は {e.Sequence}）。削除された可能性があります。");
            }

            if (e.PreviousHash != previousHash)
            {
                return new Break(e.Sequence, "直前のイベントのハッシュと一致しません。直前のイベントが改ざんまたは削除された可能性があります。");
            }

            if (HashOf(e) != e.Hash)
            {
                return new Break(e.Sequence, "内容がハッシュと一致しません。このイベントが改ざんされています。");
            }

            previousHash = e.Hash;
            expectedSequence++;
        }

        return null;
    }
}
