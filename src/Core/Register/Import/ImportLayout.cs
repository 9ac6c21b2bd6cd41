namespace InfraLedger.Core.Register.Import;

/// <summary>The column mapping a tenant last used for a file layout (same target and header names).</summary>
public sealed class ImportLayout : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    /// <summary><see cref="ColumnMapping.LayoutKey"/>.</summary>
    public required string LayoutKey { get; init; }

    public required string MappingJson { get; set; }

    public required DateTime UpdatedAtUtc { get; set; }
}
