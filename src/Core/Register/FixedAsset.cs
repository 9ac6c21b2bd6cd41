namespace InfraLedger.Core.Register;

/// <summary>
/// An item of the 固定資産台帳 under the 統一的な基準 (register-and-depreciation.md §2): current state; every
/// change (異動) is kept in <see cref="RegisterVersion"/>. Money is yen (decimal).
/// </summary>
public sealed class FixedAsset : Tenancy.ITenantOwned, IRegisterEntry
{
    public required string TenantId { get; init; }

    /// <summary>資産番号 (財産番号, with 枝番 where used, e.g. "10023-1"); unique within the tenant.</summary>
    public required string Number { get; init; }

    /// <summary>施設コード of the facility this asset belongs to (many assets to one facility).</summary>
    public string? FacilityCode { get; set; }

    /// <summary>件名.</summary>
    public required string Name { get; set; }

    /// <summary>区分: 事業用資産, インフラ資産, 物品, 無形固定資産, リース資産.</summary>
    public string? AssetClass { get; set; }

    /// <summary>勘定科目: 土地, 建物, 工作物, …</summary>
    public required string Account { get; set; }

    public DateOnly? AcquisitionDate { get; set; }

    public DateOnly? ServiceStartDate { get; set; }

    /// <summary>取得価額等 (円).</summary>
    public decimal AcquisitionCost { get; set; }

    /// <summary>耐用年数 (years); null for land and other non-depreciable assets.</summary>
    public int? UsefulLife { get; set; }

    public decimal? Quantity { get; set; }

    /// <summary>Unit of <see cref="Quantity"/>: ㎡, m, 台, 式 …</summary>
    public string? QuantityUnit { get; set; }

    /// <summary>所在地.</summary>
    public string? Location { get; set; }

    /// <summary>用途.</summary>
    public string? Usage { get; set; }

    /// <summary>事業分類.</summary>
    public string? BusinessCategory { get; set; }

    /// <summary>所管課.</summary>
    public string? Section { get; set; }

    /// <summary>開始時見積資産: the opening value was estimated (distorts ageing ratios; indicators.md §1.5).</summary>
    public bool OpeningEstimated { get; set; }

    /// <summary>除却年月日 (fully disposed); the asset no longer counts from that date.</summary>
    public DateOnly? DisposalDate { get; set; }

    public string? Note { get; set; }

    public bool IsSample { get; set; }

    public int Version { get; set; }

    public DateOnly ValidFrom { get; set; }

    public string? ChangeReason { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public long? AuditSequence { get; set; }
    public string? ImportSource { get; set; }

    string IRegisterEntry.Key => Number;

    /// <summary>Derived, for the search index (<see cref="Search.SearchText"/>): not register content, not in its history or audit.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? SearchText { get => Search.SearchText.Of(Number, Name, FacilityCode, Account, Location, Usage, Section); private set => _ = value; }

    /// <summary>Derived: the natural sort key of <see cref="Number"/> (<see cref="NaturalOrder"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? NumberOrder { get => NaturalOrder.Key(Number); private set => _ = value; }
}
