namespace InfraLedger.Core.Tenancy;

/// <summary>The kind of a local government body (団体区分).</summary>
public enum LocalGovernmentKind
{
    Prefecture = 1,      // 都道府県
    DesignatedCity = 2,  // 政令指定都市
    CoreCity = 3,        // 中核市
    City = 4,            // 市
    SpecialWard = 5,     // 特別区
    Town = 6,            // 町
    Village = 7,         // 村
    Ward = 8,            // 政令市の行政区 (a sub-unit, not a tenant)
}

/// <summary>
/// A body from the master list: every 都道府県 and 市区町村 is a tenant; 行政区 are kept as sub-units of
/// their city. Reference data, shared by all tenants (not tenant-owned).
/// </summary>
public sealed class LocalGovernment
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    public required string Kana { get; set; }

    public string? NameEn { get; set; }

    public required LocalGovernmentKind Kind { get; set; }

    /// <summary>True when <see cref="Kind"/> came from data marked unverified (the 中核市 list).</summary>
    public bool KindUnverified { get; set; }

    /// <summary>6-digit code of the prefecture (itself for a prefecture).</summary>
    public required string PrefectureCode { get; init; }

    /// <summary>For a 行政区, the code of its city; otherwise null.</summary>
    public string? ParentCode { get; set; }

    public bool IsTenant { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? Url { get; set; }

    public static string KindLabel(LocalGovernmentKind kind) => kind switch
    {
        LocalGovernmentKind.Prefecture => "都道府県",
        LocalGovernmentKind.DesignatedCity => "政令指定都市",
        LocalGovernmentKind.CoreCity => "中核市",
        LocalGovernmentKind.City => "市",
        LocalGovernmentKind.SpecialWard => "特別区",
        LocalGovernmentKind.Town => "町",
        LocalGovernmentKind.Village => "村",
        LocalGovernmentKind.Ward => "行政区",
        _ => kind.ToString(),
    };
}

/// <summary>One load of a reference dataset: what was loaded, from where, with which hash.</summary>
public sealed class ReferenceDataLoad
{
    public long Id { get; init; }

    public required string Dataset { get; init; }

    public required string Source { get; init; }

    public required string Sha256 { get; init; }

    public required int RowCount { get; init; }

    public required DateTime LoadedAtUtc { get; init; }
}
