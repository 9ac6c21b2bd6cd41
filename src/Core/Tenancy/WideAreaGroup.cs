namespace InfraLedger.Core.Tenancy;

/// <summary>The kind of a wide-area (広域) group.</summary>
public enum WideAreaGroupKind
{
    MetropolitanArea = 1,     // 連携中枢都市圏
    SettlementArea = 2,       // 定住自立圏
    PartialAffairsUnion = 3,  // 一部事務組合
    WideAreaUnion = 4,        // 広域連合
    InfrastructureGroup = 5,  // 地域インフラ群（群マネ）
    Other = 9,
}

/// <summary>A named set of tenants managed as one group across municipal borders (platform data).</summary>
public sealed class WideAreaGroup
{
    public long Id { get; init; }

    public required string Name { get; set; }

    public required WideAreaGroupKind Kind { get; set; }

    public string? Description { get; set; }

    public List<WideAreaGroupMember> Members { get; init; } = [];
}

public sealed class WideAreaGroupMember
{
    public long GroupId { get; init; }

    /// <summary>6-digit code of the member tenant.</summary>
    public required string MemberCode { get; init; }

    /// <summary>
    /// The group's admin body (幹事団体): its editors and admins see and run the whole group plan; the other members see
    /// their own share (Planning.GroupPlanViews). At most one per group is meant; platform data, set by the operator.
    /// </summary>
    public bool IsAdmin { get; set; }
}
