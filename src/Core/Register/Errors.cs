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

    public static Error NoTable(string file, string? sheet) =>
        new("register.no_table", sheet is null ? $"ファイル「{file}」に表が見つかりません。" : $"ファイル「{file}」にシート「{sheet}」の表が見つかりません。", "file");

    public static Error RequiredColumnUnmapped(string label) =>
        new("register.unmapped", $"必須項目「{label}」に対応する列がありません。列の対応付けで選んでください。");

    public static Error FacilityHasAssets(string code, int count) =>
        new("register.facility_has_assets", $"施設「{code}」には資産が{count}件紐づいているため削除できません。先に資産の施設コードを変更してください。");

    // --- reading files (Import/) ------------------------------------------------------------------------
    public static Error FileEmpty(string file) => new("register.file_empty", $"ファイル「{file}」は空です。", "file");

    public static Error FileTooLarge(long maxBytes) =>
        new("register.file_too_large", $"ファイルが大きすぎます（上限 {maxBytes / (1024 * 1024):N0} MB）。ファイルを分けて取り込んでください。", "file");

    public static Error NotATextFile(string file) =>
        new("register.not_text", $"ファイル「{file}」はCSV（テキスト）ではありません。Excelなど別の形式のファイルの名前を .csv に変えていないか確認してください。", "file");

    public static Error Utf16NotSupported(string file) =>
        new("register.utf16", $"ファイル「{file}」はUTF-16（Excelの「Unicodeテキスト」）です。CSV UTF-8 か CSV（Shift_JIS）で保存し直してください。", "file");

    public static Error LineTooLong(int line, int maxChars) =>
        new("register.line_too_long", $"{line}行目が長すぎます（{maxChars:N0}文字を超えています）。改行のないファイルか、閉じていない「\"」があります。", "file");

    public static Error UnclosedQuote(int line) =>
        new("register.unclosed_quote", $"{line}行目で始まる「\"」が最後まで閉じられていません。", "file");

    public static Error NulInLine(int line) =>
        new("register.nul_byte", $"{line}行目に文字でないデータ（NULバイト）があります。テキストでないファイルが混ざっていないか確認してください。", "file");

    public static Error MixedEncoding(int line, string fileEncoding, string lineEncoding) =>
        new("register.mixed_encoding", $"{line}行目の文字コードが{lineEncoding}で、それより前の行（{fileEncoding}）と異なります。文字コードを統一して保存し直してください。", "file");

    public static Error UndecodableLine(int line, string encoding) =>
        new("register.undecodable", $"{line}行目を文字コード{encoding}として読めません。UTF-8 か Shift_JIS で保存し直してください。", "file");

    public static Error ExcelCorrupt(string file) =>
        new("register.excel_corrupt", $"ファイル「{file}」はExcelファイルとして読めません。ファイルが壊れているか、Excel以外の形式です。", "file");

    public static Error ExcelPasswordProtected(string file) =>
        new("register.excel_password", $"ファイル「{file}」はパスワードで保護されています。保護を解除してから取り込んでください。", "file");

    public static Error ExcelTooLarge(string file, long maxBytes) =>
        new("register.excel_too_large", $"ファイル「{file}」は展開すると{maxBytes / (1024 * 1024):N0} MBを超えます。ファイルを分けるか、CSVで取り込んでください。", "file");

    public static Error ExcelCompressionRatio(string file, string part, int maxRatio) =>
        new("register.excel_ratio", $"ファイル「{file}」の「{part}」は圧縮率が異常に高く（{maxRatio}倍超）、安全のため読み込みません。", "file");

    public static Error ExcelUnreadable(string? sheet, int row) =>
        new("register.excel_unreadable", $"シート「{sheet}」の{row}行目を読めません。ファイルが壊れている可能性があります。", "file");

    public static Error NotANumber(string value) => new("register.not_a_number", $"「{value}」は数値として読めません。単位や注記は見出しか別の列に書いてください。");

    public static Error NotAWholeNumber(string value) => new("register.not_a_whole_number", $"「{value}」は0以上の整数として読めません（小数や負の数は使えません）。");

    public static Error NumberGrouping(string value) => new("register.number_grouping", $"「{value}」の桁区切り「,」の位置が正しくありません（例: 32,500）。");

    public static Error NotADate(string value) => new("register.not_a_date", $"「{value}」は日付として読めません（例: 2023/4/1、令和5年4月1日、R5.4.1）。");

    public static Error DateDoesNotExist(string value) => new("register.date_not_exist", $"「{value}」は存在しない日付です。");

    public static Error EraDateDoesNotExist(string value, string western, string actualEra) =>
        new("register.era_not_exist", $"「{value}」は存在しない和暦です（{western}は{actualEra}です）。");
}
