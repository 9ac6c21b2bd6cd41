namespace InfraLedger.Core.Register.Import;

/// <summary>What a file is imported into.</summary>
public enum ImportTarget
{
    Facilities = 1,
    Assets = 2,
}

/// <summary>How a field's cell text is read.</summary>
public enum FieldType
{
    Text,
    Number,
    WholeNumber,
    Year,
    Date,
    Money,
    Kind,
    Status,
    Flag,
}

/// <summary>A field of the register a column can be mapped to, with the header names municipalities use for it.</summary>
public sealed record ImportField(string Name, string Label, FieldType Type, bool Required, params string[] Synonyms);

/// <summary>The importable fields per target. Synonyms are matched on normalised header names (units and brackets removed).</summary>
public static class ImportFields
{
    public static readonly IReadOnlyList<ImportField> Facility =
    [
        new("Code", "施設コード", FieldType.Text, true, "施設コード", "施設番号", "施設ID", "NO", "No", "ID", "番号", "整理番号"),
        new("Name", "施設名", FieldType.Text, true, "施設名", "施設名称", "名称", "公園名", "名前"),
        new("Kana", "よみ", FieldType.Text, false, "名称_カナ", "名称カナ", "よみ", "読み", "ふりがな", "フリガナ", "カナ"),
        new("UsageMajor", "用途分類（大分類）", FieldType.Text, false, "大分類", "用途分類", "施設分類", "用途大分類"),
        new("UsageMinor", "用途分類（中分類）", FieldType.Text, false, "中分類", "用途中分類", "施設種別", "種別"),
        new("Kind", "資産種別", FieldType.Kind, false, "資産種別", "資産区分", "施設区分"),
        new("Address", "所在地", FieldType.Text, false, "所在地", "住所", "所在地_連結表記", "住所番地まで", "設置場所"),
        new("Latitude", "緯度", FieldType.Number, false, "緯度", "lat", "latitude"),
        new("Longitude", "経度", FieldType.Number, false, "経度", "lng", "lon", "longitude"),
        new("FloorArea", "延床面積（㎡）", FieldType.Number, false, "延床面積", "延べ床面積", "延面積", "床面積"),
        new("Length", "延長（m）", FieldType.Number, false, "延長", "総延長", "管路延長", "道路延長"),
        new("Area", "面積（㎡）", FieldType.Number, false, "面積", "敷地面積", "公園面積", "供用面積"),
        new("YearBuilt", "建築年", FieldType.Year, false, "建築年", "建築年度", "建設年度", "竣工年", "竣工年度", "供用開始年", "設置年度", "建築年月日"),
        new("Structure", "構造", FieldType.Text, false, "構造", "主体構造", "構造種別"),
        new("Width", "幅員（m）", FieldType.Number, false, "幅員", "平均幅員", "有効幅員", "全幅員", "幅員（m）"),
        // HeaderUnit knows no mm (lengths go to m, which would make 150 mm 0.15): 口径（mm） is matched as a name of its own.
        new("Diameter", "口径（mm）", FieldType.WholeNumber, false, "口径", "管径", "呼び径", "口径（mm）", "管径（mm）"),
        new("Status", "状態", FieldType.Status, false, "状態", "供用状況", "ステータス"),
        new("Section", "所管課", FieldType.Text, false, "所管課", "所管", "担当課", "主管課", "団体名", "管理者"),
        new("Note", "備考", FieldType.Text, false, "備考", "摘要"),
        new("IsSample", "サンプルデータ", FieldType.Flag, false, "サンプルデータ"),
    ];

    public static readonly IReadOnlyList<ImportField> Asset =
    [
        new("Number", "資産番号", FieldType.Text, true, "資産番号", "財産番号", "台帳番号", "番号"),
        new("FacilityCode", "施設コード", FieldType.Text, false, "施設コード", "施設番号", "施設ID"),
        new("Name", "件名", FieldType.Text, true, "件名", "資産名", "資産名称", "名称"),
        new("AssetClass", "区分", FieldType.Text, false, "区分", "資産区分", "大科目"),
        new("Account", "勘定科目", FieldType.Text, true, "勘定科目", "科目", "勘定科目名"),
        new("AcquisitionDate", "取得年月日", FieldType.Date, false, "取得年月日", "取得日", "取得年度"),
        new("ServiceStartDate", "供用開始年月日", FieldType.Date, false, "供用開始年月日", "供用開始日"),
        new("AcquisitionCost", "取得価額等（円）", FieldType.Money, true, "取得価額等", "取得価額", "取得額", "取得額相当額", "取得価格"),
        new("UsefulLife", "耐用年数", FieldType.WholeNumber, false, "耐用年数"),
        new("Quantity", "数量", FieldType.Number, false, "数量", "面積", "延床面積", "延長", "地積"),
        new("QuantityUnit", "数量の単位", FieldType.Text, false, "単位", "数量単位"),
        new("Location", "所在地", FieldType.Text, false, "所在地", "住所", "所在"),
        new("Usage", "用途", FieldType.Text, false, "用途"),
        new("BusinessCategory", "事業分類", FieldType.Text, false, "事業分類", "事業"),
        new("Section", "所管課", FieldType.Text, false, "所管課", "主管箇所", "所管部局", "所管"),
        new("OpeningEstimated", "開始時見積資産", FieldType.Flag, false, "開始時見積資産", "見積資産"),
        new("DisposalDate", "除却年月日", FieldType.Date, false, "除却年月日", "除却日", "完全除却日"),
        new("Note", "備考", FieldType.Text, false, "備考", "摘要"),
        new("IsSample", "サンプルデータ", FieldType.Flag, false, "サンプルデータ"),
    ];

    public static IReadOnlyList<ImportField> For(ImportTarget target) => target == ImportTarget.Facilities ? Facility : Asset;
}
