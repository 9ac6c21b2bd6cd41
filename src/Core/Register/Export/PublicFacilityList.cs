using System.Text;
using InfraLedger.Core.Tenancy;

namespace InfraLedger.Core.Register.Export;

/// <summary>
/// 自治体標準オープンデータセット「公共施設一覧」, the confirmed legacy 24-column schema (open-data.md §1.3), in
/// its column order. Columns the register does not hold are left empty.
/// </summary>
public static class PublicFacilityList
{
    public static IReadOnlyList<ExportColumn<Facility>> Columns(LocalGovernment tenant, string prefectureName)
    {
        var isPrefecture = tenant.Kind == LocalGovernmentKind.Prefecture;
        return
        [
            new("都道府県コード又は市区町村コード", _ => tenant.Code),
            new("NO", f => f.Code),
            new("都道府県名", _ => prefectureName),
            new("市区町村名", _ => isPrefecture ? "" : tenant.Name),
            new("名称", f => f.Name),
            new("名称_カナ", f => Katakana(f.Kana)),
            new("名称_通称", _ => ""),
            new("POIコード", _ => ""),
            new("住所", f => f.Address),
            new("方書", _ => ""),
            new("緯度", Number: f => ExportColumns.Coordinate(f.Latitude)),
            new("経度", Number: f => ExportColumns.Coordinate(f.Longitude)),
            new("電話番号", _ => ""),
            new("内線番号", _ => ""),
            new("法人番号", _ => ""),
            new("団体名", f => f.Section),
            new("利用可能曜日", _ => ""),
            new("開始時間", _ => ""),
            new("終了時間", _ => ""),
            new("利用可能日時特記事項", _ => ""),
            new("説明", f => f.UsageMinor ?? f.UsageMajor),
            new("バリアフリー情報", _ => ""),
            new("URL", _ => ""),
            new("備考", f => f.Note),
        ];
    }

    /// <summary>名称_カナ is katakana: readings kept in hiragana are converted (ぁ–ゖ → ァ–ヶ).</summary>
    public static string? Katakana(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c is >= 'ぁ' and <= 'ゖ' ? (char)(c + 0x60) : c);
        }

        return sb.ToString();
    }
}
