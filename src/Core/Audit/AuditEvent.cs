namespace InfraLedger.Core.Audit;

/// <summary>
/// One append-only record of a change to tenant data, written in the same transaction as the change.
/// Events of a tenant form a hash chain: <see cref="Hash"/> covers this event's fields and
/// <see cref="PreviousHash"/>, so editing or deleting any event breaks every later link.
/// </summary>
public sealed class AuditEvent : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    /// <summary>1, 2, 3 … per tenant, without gaps.</summary>
    public required long Sequence { get; init; }

    /// <summary>UTC, truncated to whole milliseconds so that every database returns the hashed value exactly.</summary>
    public required DateTime OccurredAtUtc { get; init; }

    public required string Actor { get; init; }

    /// <summary>"Added", "Modified" or "Deleted"; "Imported" for a bulk import (one event for all the rows it added).</summary>
    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public required string EntityKey { get; init; }

    /// <summary>JSON of the values before the change (null when added).</summary>
    public string? Before { get; init; }

    /// <summary>JSON of the values after the change (null when deleted).</summary>
    public string? After { get; init; }

    /// <summary>
    /// How many register row versions this event wrote, and their Merkle root (<see cref="RowDigest.Root"/>, hex): the rows
    /// carry this event's <see cref="Sequence"/>, so <c>audit verify</c> can recompute the root from the tables and find rows
    /// edited, deleted or added outside the application. Null for an event that wrote no register rows (and for events
    /// written before migration 0013); both are covered by <see cref="Hash"/> when present.
    /// </summary>
    public long? RowCount { get; init; }

    [System.ComponentModel.DataAnnotations.MaxLength(64)]
    public string? RowsDigest { get; init; }

    public required string PreviousHash { get; init; }

    /// <summary>Set once, by the recorder, from the other fields (<see cref="AuditChain.HashOf"/>).</summary>
    public string Hash { get; internal set; } = "";
}
