using InfraLedger.Core.Common;

namespace InfraLedger.Web;

/// <summary>
/// The web host's own refusals: requests it cannot read, form values of the wrong type, download formats and uploads.
/// The features' refusals are in Core's <c>Errors.cs</c> of each feature.
/// </summary>
public static class WebErrors
{
    public static Error RequestTooLarge =>
        new("request.too_large", "送信された内容が大きすぎます。ファイルや文章を小さくして送り直してください。", Kind: ErrorKind.TooLarge);

    public static Error RequestUnreadable => new("request.unreadable", "送信された内容を読めませんでした（形式が正しくありません）。");

    public static Error NotADate(string label, string value, string field) =>
        new("register.not_a_date", $"{label}「{value}」は日付（例: 2024-04-01）で入力してください。", field);

    /// <summary>A date the register import's reader refused, with its reason (e.g. 平成31年5月1日 is 令和元年5月1日).</summary>
    public static Error NotADate(string label, string value, string reason, string field) =>
        new("register.not_a_date", $"{label}「{value}」は日付として読めません。{reason}（例: 2024-04-01、令和6年4月1日、R6.4.1）", field);

    /// <summary>A year that is neither 西暦 nor 和暦 the import reads.</summary>
    public static Error NotAYear(string label, string value, string reason, string field) =>
        new("register.not_a_year", $"{label}「{value}」は年として読めません。{reason}（例: 1980、昭和55、S55、令和2年、R2）", field);

    public static Error NotAnOption(string label, string value, string field) =>
        new("register.not_an_option", $"{label}「{value}」は選択肢にありません。", field);

    public static Error NotANumber(string label, string value, string kind, string field) =>
        new("register.not_a_number", $"{label}「{value}」は{kind}で入力してください。", field);

    /// <summary>An unknown <c>format</c> of a download; <paramref name="offered"/> lists the ones there are (e.g. csv・json・xlsx).</summary>
    public static Error ExportFormat(string? format, string offered) =>
        new("export.format", $"出力形式「{format}」には対応していません（{offered}）。", "format");

    /// <summary>A background job that ended without its result (timed out, failed); its message says why when known.</summary>
    public static Error JobFailed(string? message) => new("job.failed", message ?? "計算できませんでした。");

    public static Error NoFile(string field) => new("upload.none", "ファイルを選んでください。", field);

    public static Error FileTooLarge(string field, long maxMegabytes) =>
        new("upload.too_large", $"ファイルが大きすぎます（{maxMegabytes:N0}MBまで）。", field, ErrorKind.TooLarge);

    public static Error ExportEncoding(string? encoding) =>
        new("export.encoding", $"文字コード「{encoding}」には対応していません（utf-8・shift_jis）。", "encoding");
}
