using InfraLedger.Core.Common;

namespace InfraLedger.Core.Register;

/// <summary>Expected refusals of the register feature (facilities, fixed assets, import, export).</summary>
public static class Errors
{
    // --- the register ---------------------------------------------------------------------------------
    public static Error Required(string field, string label) => new("register.required", $"{label}を入力してください。", field);

    public static Error TooLong(string field, string label, int max) => new("register.too_long", $"{label}は{max}文字以内にしてください。", field);

    public static Error OutOfRange(string field, string label, string value, string range) =>
        new("register.out_of_range", $"{label}「{value}」が範囲外です（{range}）。", field);

    public static Error KeyCharacters(string field, string label, string value) =>
        new("register.key_characters", $"{label}「{value}」に使えない文字（/ \\ ? # % や制御文字）が含まれています。", field);

    public static Error ReservedKey(string field, string label, string value) =>
        new("register.reserved_key", $"{label}「{value}」は画面の名前と重なるため使えません。別のコードにしてください。", field);

    public static Error Negative(string field, string label) => new("register.negative", $"{label}に負の値は入力できません。", field);

    public static readonly Error LatLngPair = new("register.latlng_pair", "緯度と経度は両方入力するか、両方空欄にしてください。", "Latitude");

    public static readonly Error QuantityKindMissing = new("register.quantity_kind", "数量を入力したときは、数量の種類（延床面積・延長・面積）を選んでください。", "QuantityKind");

    public static Error WidthPrecision(decimal value) =>
        new("register.width_precision", $"幅員「{value}」はcm単位（小数第2位まで）で入力してください。", "Width");

    public static Error QuantityPrecision(string field, decimal value) =>
        new("register.quantity_precision", $"数量「{value}」は小数第3位まで、1兆未満で入力してください。", field);

    public static Error FractionalYen(decimal value) =>
        new("register.fractional_yen", $"取得価額等「{value}」に円未満の端数があります。円単位で入力してください。", "AcquisitionCost");

    public static readonly Error DisposalBeforeAcquisition = new("register.disposal_before_acquisition", "除却年月日が取得年月日より前になっています。", "DisposalDate");

    public static Error DuplicateFacility(string code) => new("register.duplicate_facility", $"施設コード「{code}」はすでに登録されています。", "Code");

    public static Error DuplicateAsset(string number) => new("register.duplicate_asset", $"資産番号「{number}」はすでに登録されています。", "Number");

    public static Error UnknownFacility(string code) => new("register.unknown_facility", $"施設コード「{code}」の施設は登録されていません。", "FacilityCode");

    // --- importing (Import/) -------------------------------------------------------------------------------
    public static Error UnknownValue(string label, string value, string allowed) =>
        new("register.unknown_value", $"{label}「{value}」を判別できません（{allowed} のいずれか）。");

    public static Error OtherTenantsData(string code, string tenant) =>
        new("register.other_tenant", $"団体コード「{code}」のデータです。取込先の団体（{tenant}）のデータではありません。");

    public static Error DuplicateInFile(string label, string key, int firstRow) =>
        new("register.duplicate_in_file", $"{label}「{key}」がファイル内で重複しています（最初は{firstRow}行目）。");

    public static Error RequiredColumnUnmapped(string label) =>
        new("register.unmapped", $"必須項目「{label}」に対応する列がありません。列の対応付けで選んでください（画面の「列の対応付け」、コマンドでは --map 列名={label} または --mapping）。");

    public static Error FacilityHasAssets(string code, int count) =>
        new("register.facility_has_assets", $"施設「{code}」には資産が{count}件紐づいているため削除できません。先に資産の施設コードを変更してください。");

    public static Error UnknownColumn(string column, IEnumerable<string> headers) =>
        new("register.unknown_column", $"列「{column}」はファイルにありません（列: {string.Join("、", headers)}）。", "map");

    public static Error UnknownField(string field, IEnumerable<string> fields) =>
        new("register.unknown_field", $"項目「{field}」はありません（{string.Join("、", fields)}、または「-」で取り込まない）。", "map");

    public static Error MappingDoesNotFit(string file, int? column, int columns) =>
        new("register.mapping_does_not_fit", column is null
            ? $"列の対応付けの取込先がこのファイルの取込先と異なります（ファイル「{file}」）。"
            : $"列の対応付けが{column}列目を指していますが、ファイル「{file}」は{columns}列です。", "mapping");

    public static Error ExportFormat(string? format) =>
        new("register.export_format", $"出力形式「{format}」には対応していません（csv・xlsx・opendata）。", "format");
}
