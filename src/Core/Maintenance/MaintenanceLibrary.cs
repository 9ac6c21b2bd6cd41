using InfraLedger.Core.Register;

namespace InfraLedger.Core.Maintenance;

/// <summary>
/// A tenant's treatment library and policies for one asset kind: a copy of a shipped preset (its id and version kept),
/// edited; <see cref="Version"/> counts the edits and every result names it. No row: the preset applies.
/// </summary>
public sealed class MaintenanceLibrary : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    public AssetKind Kind { get; init; }

    public required string PresetId { get; set; }

    public int PresetVersion { get; set; }

    /// <summary><see cref="TreatmentLibrary"/> as JSON.</summary>
    public required string Document { get; set; }

    public int Version { get; set; } = 1;

    public DateTime UpdatedAtUtc { get; set; }
}
