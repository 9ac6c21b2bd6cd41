namespace InfraLedger.Core.Inspections;

/// <summary>
/// An inspection of a facility (or of one member of it): the 判定区分 on the facility's scale, and the record the
/// 道路法施行規則 asks to keep for the life of the structure (never purged).
/// </summary>
public sealed class Inspection : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    public long Id { get; init; }

    /// <summary>施設コード of the register.</summary>
    public required string FacilityCode { get; init; }

    /// <summary>部材 (e.g. 床版, 主桁); empty for the whole facility.</summary>
    public string Member { get; init; } = "";

    public DateOnly InspectedOn { get; init; }

    public string? Inspector { get; init; }

    /// <summary><see cref="GradeScheme.Code"/> of the scale <see cref="Grade"/> is on.</summary>
    public required string Scheme { get; init; }

    /// <summary>判定区分 as a level of the scheme, 1 = best (I).</summary>
    public int Grade { get; init; }

    /// <summary>対策区分 (A, B, C1, C2, E1, E2, M, S1, S2) when recorded; kept independently of the grade.</summary>
    public string? Countermeasure { get; init; }

    /// <summary>所見.</summary>
    public string? Findings { get; init; }

    /// <summary>
    /// 写真の参照: names or references of photos kept elsewhere, one a line (as imported from files); the photos uploaded
    /// with the record are <see cref="InspectionPhoto"/> rows.
    /// </summary>
    public string? Photos { get; init; }

    /// <summary>Generated sample data for the demo, labelled so wherever it is shown.</summary>
    public bool IsSample { get; init; }

    /// <summary>Derived, for the search index (<see cref="Search.SearchText"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? SearchText { get => Search.SearchText.Of(FacilityCode, Member, Inspector, Countermeasure, Findings); private set => _ = value; }
}

/// <summary>A repair or other work done on a facility (or member): it can reset or improve the state (補修・更新).</summary>
public sealed class MaintenanceWork : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    public long Id { get; init; }

    public required string FacilityCode { get; init; }

    public string Member { get; init; } = "";

    public DateOnly CompletedOn { get; init; }

    public required string Description { get; init; }

    /// <summary>The level right after the work (1 = as new); null when unknown, which drops the pairs spanning it.</summary>
    public int? GradeAfter { get; init; }

    /// <summary>Cost in yen.</summary>
    public decimal? Cost { get; init; }

    public bool IsSample { get; init; }
}
