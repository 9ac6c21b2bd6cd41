using System.Globalization;

namespace InfraLedger.Core.Register.Export;

/// <summary>
/// A column of a machine-readable export: header with its unit, and the cell as text or as a number
/// (one value per cell, ISO dates, invariant numbers; machine-readability rules in open-data.md §2).
/// <paramref name="Format"/> is how a spreadsheet shows the number (an Excel format code such as <c>#,##0</c>);
/// the value itself is never rounded.
/// </summary>
public sealed record ExportColumn<T>(string Header, Func<T, string?>? Text = null, Func<T, decimal?>? Number = null, string? Format = null);

public static class ExportColumns
{
    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Via the round-trip text of the double: a plain cast keeps only 15 digits, and the re-import would differ.</summary>
    public static decimal? Coordinate(double? v) =>
        v is null ? null : decimal.Parse(v.Value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<ExportColumn<Facility>> Facility =
    [
        new("施設コード", f => f.Code),
        new("施設名", f => f.Name),
        new("よみ", f => f.Kana),
        new("用途分類（大分類）", f => f.UsageMajor),
        new("用途分類（中分類）", f => f.UsageMinor),
        new("資産種別", f => FacilityRegister.KindLabel(f.Kind)),
        new("所在地", f => f.Address),
        new("緯度", Number: f => Coordinate(f.Latitude)),
        new("経度", Number: f => Coordinate(f.Longitude)),
        new("延床面積（㎡）", Number: f => f.QuantityKind == QuantityKind.FloorArea ? f.Quantity : null),
        new("延長（m）", Number: f => f.QuantityKind == QuantityKind.Length ? f.Quantity : null),
        new("面積（㎡）", Number: f => f.QuantityKind == QuantityKind.Area ? f.Quantity : null),
        new("建築年", Number: f => f.YearBuilt),
        new("構造", f => f.Structure),
        new("幅員（m）", Number: f => f.Width),
        new("口径（mm）", Number: f => f.Diameter),
        new("状態", f => FacilityRegister.StatusLabel(f.Status)),
        new("所管課", f => f.Section),
        new("備考", f => f.Note),
        new("サンプルデータ", Number: f => f.IsSample ? 1 : 0),
    ];

    public static readonly IReadOnlyList<ExportColumn<FixedAsset>> Asset =
    [
        new("資産番号", a => a.Number),
        new("施設コード", a => a.FacilityCode),
        new("件名", a => a.Name),
        new("区分", a => a.AssetClass),
        new("勘定科目", a => a.Account),
        new("取得年月日", a => Iso(a.AcquisitionDate)),
        new("供用開始年月日", a => Iso(a.ServiceStartDate)),
        new("取得価額等（円）", Number: a => a.AcquisitionCost, Format: "#,##0"),
        new("耐用年数", Number: a => a.UsefulLife),
        new("数量", Number: a => a.Quantity),
        new("数量の単位", a => a.QuantityUnit),
        new("所在地", a => a.Location),
        new("用途", a => a.Usage),
        new("事業分類", a => a.BusinessCategory),
        new("所管課", a => a.Section),
        new("開始時見積資産", Number: a => a.OpeningEstimated ? 1 : 0),
        new("除却年月日", a => Iso(a.DisposalDate)),
        new("備考", a => a.Note),
        new("サンプルデータ", Number: a => a.IsSample ? 1 : 0),
    ];
}
