namespace InfraLedger.Core.Indicators;

/// <summary>
/// A published statistics file loaded into the indicator store (e.g. 総務省「主要財政指標一覧」): who publishes
/// it, under which licence, and how it must be credited wherever its figures appear. Platform reference data.
/// </summary>
public sealed class StatisticsSource
{
    public required string Id { get; init; }

    public required string Title { get; set; }

    public required string Publisher { get; set; }

    public required string Licence { get; set; }

    /// <summary>The credit line to show with the figures (「出典：…」).</summary>
    public required string Attribution { get; set; }

    public string? Url { get; set; }

    /// <summary>How the loaded file was derived from the original, when it was.</summary>
    public string? Note { get; set; }

    public required string Sha256 { get; set; }

    public int RowCount { get; set; }

    public DateTime LoadedAtUtc { get; set; }
}

/// <summary>
/// One published figure of one body for one fiscal year, exactly as published: <see cref="Text"/> keeps the
/// digits as written and is null where the publication left the cell blank (not applicable), which is not zero.
/// Keyed by the 団体コード, not by tenant: the figures are public and include bodies that no longer exist.
/// </summary>
public sealed class PublicIndicatorValue
{
    public required string Code { get; init; }

    public required int FiscalYear { get; init; }

    /// <summary>An <see cref="IndicatorDefinition.Id"/>.</summary>
    public required string Indicator { get; init; }

    public string? Text { get; set; }

    /// <summary>The prefecture and body names as the publication gives them for that year.</summary>
    public required string PrefectureName { get; set; }

    public required string BodyName { get; set; }

    public required string SourceId { get; set; }
}

/// <summary>
/// The 類似団体区分 of a body for a fiscal year (local-government-codes.md §4), as loaded from 総務省 data,
/// e.g. "都市Ⅳ-3", "町村Ⅱ-1", "政令指定都市", "中核市". Platform reference data.
/// </summary>
public sealed class SimilarGroupAssignment
{
    public required string Code { get; init; }

    public required int FiscalYear { get; init; }

    public required string Group { get; set; }

    public required string SourceId { get; set; }
}

/// <summary>
/// The tenant's population for a fiscal year (the denominator of per-resident figures), with its basis and
/// source; optionally the industry structure of the 国勢調査, from which a 類似団体区分 can be estimated.
/// </summary>
public sealed class TenantPopulation : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    public required int FiscalYear { get; init; }

    public int Population { get; set; }

    /// <summary>住民基本台帳人口, 国勢調査人口 …</summary>
    public required string Basis { get; set; }

    public DateOnly? AsOf { get; set; }

    public required string Source { get; set; }

    /// <summary>第2次産業就業者比率 (%), from the 国勢調査.</summary>
    public decimal? SecondaryIndustryShare { get; set; }

    /// <summary>第3次産業就業者比率 (%), from the 国勢調査.</summary>
    public decimal? TertiaryIndustryShare { get; set; }

    public bool IsSample { get; set; }
}
