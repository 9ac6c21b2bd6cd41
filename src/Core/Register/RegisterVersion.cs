namespace InfraLedger.Core.Register;

/// <summary>
/// A facility or an asset: both are versioned the same way. The row in the register is the newest version;
/// <see cref="RegisterVersion"/> keeps the versions before it.
/// </summary>
public interface IRegisterEntry
{
    string Key { get; }

    int Version { get; set; }

    /// <summary>The 異動日 from which this version is effective.</summary>
    DateOnly ValidFrom { get; set; }

    /// <summary>増減異動事由 of this version, or "取込: file name".</summary>
    string? ChangeReason { get; set; }

    DateTime RecordedAtUtc { get; set; }

    /// <summary>
    /// The sequence of the audit event whose row digest covers this version (the event that wrote it; ADR 0005); null for a
    /// version written before migration 0013 and not yet sealed (<c>infraledger audit seal</c>).
    /// </summary>
    long? AuditSequence { get; set; }

    /// <summary>
    /// The file (and sheet) whose import last wrote this entry, or null when it was entered or edited by hand: an import
    /// asks before it overwrites entries it did not write (ADR 0021).
    /// </summary>
    string? ImportSource { get; set; }
}

public enum RegisterEntryType
{
    Facility = 1,
    Asset = 2,
}

/// <summary>
/// A past version of a facility or an asset: the full record as JSON, effective from <see cref="ValidFrom"/>
/// (the 異動日), recorded at <see cref="RecordedAtUtc"/>; or the deletion of an entry. The newest version of an
/// entry in the register is its row there (see ADR 0010). The register as of a date is, per key, the latest
/// version effective on that date, unless that version is a deletion.
/// </summary>
public sealed class RegisterVersion : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    public required RegisterEntryType EntryType { get; init; }

    /// <summary>施設コード or 資産番号.</summary>
    public required string Key { get; init; }

    public required int Version { get; init; }

    public required DateOnly ValidFrom { get; init; }

    public required DateTime RecordedAtUtc { get; init; }

    /// <summary>増減異動事由 or "import: file name".</summary>
    public string? Reason { get; init; }

    public bool Deleted { get; init; }

    /// <summary>The record as JSON (null for a deletion).</summary>
    public string? Data { get; init; }

    /// <summary>The audit event that wrote this version (for a past version: the event that wrote it while it was current).</summary>
    public long? AuditSequence { get; set; }
}
