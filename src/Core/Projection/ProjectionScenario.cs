namespace InfraLedger.Core.Projection;

/// <summary>
/// A tenant's own projection scenario: a copy of a shipped preset with its parameters changed, facilities
/// excluded or consolidated. The parameters are kept as JSON (<see cref="ScenarioParameters"/>) so that
/// a result can always name exactly what it was computed with.
/// </summary>
public sealed class ProjectionScenario : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    /// <summary>The scenario's name, unique within the tenant (the CLI's <c>--scenario</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The preset it was copied from, and that preset's version.</summary>
    public required string PresetId { get; set; }

    public required int PresetVersion { get; set; }

    /// <summary><see cref="ScenarioParameters"/> as JSON.</summary>
    public required string Parameters { get; set; }

    /// <summary>Counts the scenario's edits; a result records the version it used.</summary>
    public int Version { get; set; } = 1;

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>
/// 投資的経費 of a fiscal year (既存更新分, 新規整備分 and 用地取得分 together or apart), the "recent investment"
/// line drawn against a projection.
/// </summary>
public sealed class RecentInvestment : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    public required int FiscalYear { get; init; }

    /// <summary>既存更新分 (円).</summary>
    public decimal Renewal { get; set; }

    /// <summary>新規整備分 (円).</summary>
    public decimal NewBuild { get; set; }

    /// <summary>用地取得分 (円).</summary>
    public decimal Land { get; set; }

    /// <summary>Where the figures come from (決算統計, 財政状況資料集 …).</summary>
    public required string Source { get; set; }

    public bool IsSample { get; set; }

    public decimal Total => Renewal + NewBuild + Land;
}
