using InfraLedger.Core.Common;

namespace InfraLedger.Web.Pages.Shared;

/// <summary>
/// A table as shown on a page: its caption, note, download links (CSV, XLSX) and optionally a link from each
/// row's label to what is behind it (drill-down).
/// </summary>
/// <param name="Table">The table.</param>
/// <param name="ExportUrl">Its download address without the format.</param>
/// <param name="RowLink">The link of a row's label, or null.</param>
/// <param name="Formats">The download formats offered (default CSV and XLSX).</param>
/// <param name="English">Whether the page is in English (the public dashboards' switch).</param>
/// <param name="CellValues">Whether number cells carry their unformatted value (<c>data-value</c>) for a chart to draw.</param>
/// <param name="CsvEncoding">What the plain CSV link gives (the staff downloads: UTF-8 with a BOM; public ones say theirs).</param>
public sealed record TableView(
    Table Table, string ExportUrl, Func<IReadOnlyList<TableCell>, string?>? RowLink = null, IReadOnlyList<string>? Formats = null, bool English = false, bool CellValues = false,
    string CsvEncoding = "UTF-8 BOM付き")
{
    /// <summary>Staff tables: CSV for Excel (UTF-8 with a BOM), CSV in Shift_JIS, and XLSX.</summary>
    public IReadOnlyList<string> Offered => Formats ?? ["csv", "csv-sjis", "xlsx"];

    /// <summary>Each link says what it gives, the encoding of a CSV included (issue 16, item 8).</summary>
    public string FormatLabel(string format) => format switch
    {
        "xlsx" => "Excel（xlsx）",
        "csv" => English ? $"CSV ({CsvEncoding})" : $"CSV（{CsvEncoding}）",
        "csv-sjis" => "CSV（Shift_JIS）",
        _ => format.ToUpperInvariant(),
    };

    public string Download(string format) => $"{ExportUrl}{(ExportUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}" +
        (format == "csv-sjis" ? "format=csv&encoding=shift_jis" : $"format={format}");
}
