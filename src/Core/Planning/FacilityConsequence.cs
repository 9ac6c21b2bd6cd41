namespace InfraLedger.Core.Planning;

/// <summary>
/// One consequence attribute of one facility (maintenance-planning.md §6): a flag (1 = it is on a 緊急輸送道路, over a
/// railway…) or a figure (交通量 台/日, 利用者数 人/日) that the tenant's settings turn into a weight.
/// </summary>
public sealed class FacilityConsequence : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    public required string FacilityCode { get; init; }

    /// <summary>The attribute's key in the tenant's <see cref="ConsequenceSettings"/> (emergency-route, traffic …).</summary>
    public required string Attribute { get; init; }

    public decimal Value { get; set; }
}
