using System.Text.Json;
using System.Text.Json.Nodes;
using InfraLedger.Core.Register;

namespace InfraLedger.Web.Pages.Register;

/// <summary>Japanese names of the register's fields and their values as stored in a version's JSON.</summary>
public static class RegisterLabels
{
    public static readonly IReadOnlyDictionary<string, string> FacilityFields = new Dictionary<string, string>
    {
        [nameof(Facility.Code)] = "施設コード", [nameof(Facility.Name)] = "施設名", [nameof(Facility.Kana)] = "よみ",
        [nameof(Facility.UsageMajor)] = "用途分類（大分類）", [nameof(Facility.UsageMinor)] = "用途分類（中分類）",
        [nameof(Facility.Kind)] = "資産種別", [nameof(Facility.Address)] = "所在地", [nameof(Facility.Latitude)] = "緯度",
        [nameof(Facility.Longitude)] = "経度", [nameof(Facility.Quantity)] = "数量", [nameof(Facility.QuantityKind)] = "数量の種類",
        [nameof(Facility.YearBuilt)] = "建築年", [nameof(Facility.Structure)] = "構造", [nameof(Facility.Width)] = "幅員（m）",
        [nameof(Facility.Diameter)] = "口径（mm）", [nameof(Facility.Status)] = "状態",
        [nameof(Facility.Section)] = "所管課", [nameof(Facility.Note)] = "備考", [nameof(Facility.IsSample)] = "サンプルデータ",
    };

    public static readonly IReadOnlyDictionary<string, string> AssetFields = new Dictionary<string, string>
    {
        [nameof(FixedAsset.Number)] = "資産番号", [nameof(FixedAsset.FacilityCode)] = "施設コード", [nameof(FixedAsset.Name)] = "件名",
        [nameof(FixedAsset.AssetClass)] = "区分", [nameof(FixedAsset.Account)] = "勘定科目", [nameof(FixedAsset.AcquisitionDate)] = "取得年月日",
        [nameof(FixedAsset.ServiceStartDate)] = "供用開始年月日", [nameof(FixedAsset.AcquisitionCost)] = "取得価額等（円）",
        [nameof(FixedAsset.UsefulLife)] = "耐用年数", [nameof(FixedAsset.Quantity)] = "数量", [nameof(FixedAsset.QuantityUnit)] = "数量の単位",
        [nameof(FixedAsset.Location)] = "所在地", [nameof(FixedAsset.Usage)] = "用途", [nameof(FixedAsset.BusinessCategory)] = "事業分類",
        [nameof(FixedAsset.Section)] = "所管課", [nameof(FixedAsset.OpeningEstimated)] = "開始時見積資産",
        [nameof(FixedAsset.DisposalDate)] = "除却年月日", [nameof(FixedAsset.Note)] = "備考", [nameof(FixedAsset.IsSample)] = "サンプルデータ",
    };

    /// <summary>A stored value as people read it: enum names as their Japanese labels, true/false as はい/いいえ.</summary>
    public static string Value(string field, JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "（空欄）",
        JsonValueKind.True => "はい",
        JsonValueKind.False => "いいえ",
        JsonValueKind.String => Enumerated(field, value.GetValue<string>()),
        _ => value.ToJsonString(),
    };

    private static string Enumerated(string field, string text) => field switch
    {
        nameof(Facility.Kind) when Enum.TryParse<AssetKind>(text, out var kind) => FacilityRegister.KindLabel(kind),
        nameof(Facility.Status) when Enum.TryParse<FacilityStatus>(text, out var status) => FacilityRegister.StatusLabel(status),
        nameof(Facility.QuantityKind) when Enum.TryParse<QuantityKind>(text, out var quantity) => FacilityRegister.QuantityLabel(quantity),
        _ => text,
    };
}
