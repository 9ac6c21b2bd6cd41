using InfraLedger.Core.Common;

namespace InfraLedger.Core.Tables;

/// <summary>Expected refusals of reading a table file (CSV, XLSX, XLS) and of reading its cell texts as values.</summary>
public static class Errors
{
    public static Error NoTable(string file, string? sheet) =>
        new("tables.no_table", sheet is null ? $"ファイル「{file}」に表が見つかりません。" : $"ファイル「{file}」にシート「{sheet}」の表が見つかりません。", "file");

    public static Error FileEmpty(string file) => new("tables.file_empty", $"ファイル「{file}」は空です。", "file");

    public static Error FileTooLarge(long maxBytes) =>
        new("tables.file_too_large", $"ファイルが大きすぎます（上限 {maxBytes / (1024 * 1024):N0} MB）。ファイルを分けて取り込んでください。", "file");

    public static Error NotATextFile(string file) =>
        new("tables.not_text", $"ファイル「{file}」はCSV（テキスト）ではありません。Excelなど別の形式のファイルの名前を .csv に変えていないか確認してください。", "file");

    public static Error Utf16NotSupported(string file) =>
        new("tables.utf16", $"ファイル「{file}」はUTF-16（Excelの「Unicodeテキスト」）です。CSV UTF-8 か CSV（Shift_JIS）で保存し直してください。", "file");

    public static Error LineTooLong(int line, int maxChars) =>
        new("tables.line_too_long", $"{line}行目が長すぎます（{maxChars:N0}文字を超えています）。改行のないファイルか、閉じていない「\"」があります。", "file");

    public static Error UnclosedQuote(int line) =>
        new("tables.unclosed_quote", $"{line}行目で始まる「\"」が最後まで閉じられていません。", "file");

    public static Error NulInLine(int line) =>
        new("tables.nul_byte", $"{line}行目に文字でないデータ（NULバイト）があります。テキストでないファイルが混ざっていないか確認してください。", "file");

    public static Error MixedEncoding(int line, string fileEncoding, string lineEncoding) =>
        new("tables.mixed_encoding", $"{line}行目の文字コードが{lineEncoding}で、それより前の行（{fileEncoding}）と異なります。文字コードを統一して保存し直してください。", "file");

    public static Error UndecodableLine(int line, string encoding) =>
        new("tables.undecodable", $"{line}行目を文字コード{encoding}として読めません。UTF-8 か Shift_JIS で保存し直してください。", "file");

    public static Error ExcelCorrupt(string file) =>
        new("tables.excel_corrupt", $"ファイル「{file}」はExcelファイルとして読めません。ファイルが壊れているか、Excel以外の形式です。", "file");

    public static Error ExcelPasswordProtected(string file) =>
        new("tables.excel_password", $"ファイル「{file}」はパスワードで保護されています。保護を解除してから取り込んでください。", "file");

    public static Error ExcelTooLarge(string file, long maxBytes) =>
        new("tables.excel_too_large", $"ファイル「{file}」は展開すると{maxBytes / (1024 * 1024):N0} MBを超えます。ファイルを分けるか、CSVで取り込んでください。", "file");

    public static Error ExcelCompressionRatio(string file, string part, int maxRatio) =>
        new("tables.excel_ratio", $"ファイル「{file}」の「{part}」は圧縮率が異常に高く（{maxRatio}倍超）、安全のため読み込みません。", "file");

    public static Error ExcelUnreadable(string? sheet, int row) =>
        new("tables.excel_unreadable", $"シート「{sheet}」の{row}行目を読めません。ファイルが壊れている可能性があります。", "file");

    public static Error NotANumber(string value) => new("tables.not_a_number", $"「{value}」は数値として読めません。単位や注記は見出しか別の列に書いてください。");

    public static Error NotAWholeNumber(string value) => new("tables.not_a_whole_number", $"「{value}」は0以上の整数として読めません（小数や負の数は使えません）。");

    public static Error NumberGrouping(string value) => new("tables.number_grouping", $"「{value}」の桁区切り「,」の位置が正しくありません（例: 32,500）。");

    public static Error NotADate(string value) => new("tables.not_a_date", $"「{value}」は日付として読めません（例: 2023/4/1、令和5年4月1日、R5.4.1）。");

    public static Error DateDoesNotExist(string value) => new("tables.date_not_exist", $"「{value}」は存在しない日付です。");

    public static Error EraDateDoesNotExist(string value, string western, string actualEra) =>
        new("tables.era_not_exist", $"「{value}」は存在しない和暦です（{western}は{actualEra}です）。");

    public static Error SheetTooWide(string file, string? sheet, string cell, int maxColumns) =>
        new("tables.sheet_too_wide",
            $"ファイル「{file}」のシート「{sheet}」のセル {cell} は、読み込める列の上限（{maxColumns:N0}列）より右にあります。表の外にある値や書式を削除して保存し直してください。", "file");

    public static Error SheetTooManyCells(string file, string? sheet, string lastCell, long maxCells) =>
        new("tables.sheet_too_many_cells",
            $"ファイル「{file}」のシート「{sheet}」は A1:{lastCell} まで使われていて、読み込めるセル数の上限（{maxCells:N0}セル）を超えます。表の外にある値や書式を削除するか、ファイルを分けてください。", "file");

    public static Error SheetDeclaredTooLarge(string file, string? sheet, string range, int maxColumns, long maxCells) =>
        new("tables.sheet_declared_too_large",
            $"ファイル「{file}」のシート「{sheet}」は範囲 {range} を使うと宣言していて、読み込める上限（{maxColumns:N0}列・{maxCells:N0}セル）を超えます。表の外にある値や書式を削除して保存し直してください。", "file");

    public static Error SheetTooManyBlankRows(string file, string? sheet, long row, int maxBlankRows) =>
        new("tables.sheet_blank_rows",
            $"ファイル「{file}」のシート「{sheet}」の{row:N0}行目の前に、空の行が上限（{maxBlankRows:N0}行）を超えてあります。表の下や間にある不要な値・書式を削除して保存し直してください。", "file");

    public static Error MissingColumn(string label, string names) =>
        new("tables.missing_column", $"「{label}」の列が見つかりません（見出しに {names} などが必要です）。", "file");
}
