namespace InfraLedger.Core.Register;

/// <summary>Asset kind of a facility: decides its quantity measure and, later, its projection rule.</summary>
public enum AssetKind
{
    Building = 1,   // 建物
    Road = 2,       // 道路
    Bridge = 3,     // 橋梁
    Tunnel = 4,     // トンネル
    WaterPipe = 5,  // 上水道管
    SewerPipe = 6,  // 下水道管
    Park = 7,       // 公園
    Other = 9,      // その他
}

/// <summary>What <see cref="Facility.Quantity"/> measures.</summary>
public enum QuantityKind
{
    FloorArea = 1,  // 延床面積 ㎡
    Length = 2,     // 延長 m
    Area = 3,       // 面積 ㎡
}

public enum FacilityStatus
{
    InService = 1,  // 供用中
    Closed = 2,     // 廃止
    Planned = 3,    // 計画
}

/// <summary>A facility of the 施設台帳 (current state; every change is kept in <see cref="RegisterVersion"/>).</summary>
public sealed class Facility : Tenancy.ITenantOwned, IRegisterEntry
{
    public required string TenantId { get; init; }

    /// <summary>施設コード: the tenant's own identifier, unique within the tenant; assets link to it.</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    public string? Kana { get; set; }

    /// <summary>用途分類 大分類 (総務省 classification, e.g. 学校教育系施設).</summary>
    public string? UsageMajor { get; set; }

    /// <summary>用途分類 中分類 (e.g. 学校).</summary>
    public string? UsageMinor { get; set; }

    public AssetKind Kind { get; set; } = AssetKind.Building;

    public string? Address { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>延床面積 ㎡, 延長 m or 面積 ㎡ according to <see cref="QuantityKind"/>.</summary>
    public decimal? Quantity { get; set; }

    public QuantityKind? QuantityKind { get; set; }

    /// <summary>幅員 m of a road or bridge: with a length as quantity, gives the area a projection needs.</summary>
    public decimal? Width { get; set; }

    /// <summary>口径・管径 mm of a pipe.</summary>
    public int? Diameter { get; set; }

    public int? YearBuilt { get; set; }

    /// <summary>構造 (e.g. RC, S, W).</summary>
    public string? Structure { get; set; }

    public FacilityStatus Status { get; set; } = FacilityStatus.InService;

    /// <summary>所管課.</summary>
    public string? Section { get; set; }

    public string? Note { get; set; }

    /// <summary>Generated sample data for the demo, labelled so wherever it is shown.</summary>
    public bool IsSample { get; set; }

    public int Version { get; set; }

    public DateOnly ValidFrom { get; set; }

    public string? ChangeReason { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public long? AuditSequence { get; set; }
    public string? ImportSource { get; set; }

    string IRegisterEntry.Key => Code;

    /// <summary>Derived, for the search index (<see cref="Search.SearchText"/>): not register content, not in its history or audit.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? SearchText { get => Search.SearchText.Of(Code, Name, Kana, Address, UsageMajor, UsageMinor, Section); private set => _ = value; }

    /// <summary>Derived: the natural sort key of <see cref="Code"/> (<see cref="NaturalOrder"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? CodeOrder { get => NaturalOrder.Key(Code); private set => _ = value; }
}
