using InfraLedger.Core.Common;

namespace InfraLedger.Web.Pages.Shared;

/// <summary>
/// A report table as shown on a page: its caption, note, download links (CSV, XLSX) and optionally a link from each
/// row's label to what is behind it (drill-down).
/// </summary>
/// <param name="Table">The table.</param>
/// <param name="ExportUrl">Its download address without the format.</param>
/// <param name="RowLink">The link of a row's label, or null.</param>
/// <param name="Formats">The download formats offered (default CSV and XLSX).</param>
/// <param name="English">Whether the page is in English (the public dashboards' switch).</param>
/// <param name="CellValues">Whether number cells carry their unformatted value (<c>data-value</c>) for a chart to draw.</param>
public sealed record TableView(
    ReportTable Table, string ExportUrl, Func<IReadOnlyList<ReportCell>, string?>? RowLink = null, IReadOnlyList<string>? Formats = null, bool English = false, bool CellValues = false)
{
    public IReadOnlyList<string> Offered => Formats ?? ["csv", "xlsx"];

    public static string FormatLabel(string format) => format switch { "xlsx" => "Excel（xlsx）", _ => format.ToUpperInvariant() };

    public string Download(string format) => $"{ExportUrl}{(ExportUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}format={format}";
}
