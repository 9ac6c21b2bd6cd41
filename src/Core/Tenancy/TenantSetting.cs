namespace InfraLedger.Core.Tenancy;

/// <summary>One policy setting of a tenant (each municipality's policy is data, not code).</summary>
public sealed class TenantSetting : ITenantOwned
{
    public required string TenantId { get; init; }

    public required string Key { get; init; }

    public required string Value { get; set; }
}
