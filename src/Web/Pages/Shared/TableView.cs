using InfraLedger.Core.Common;

namespace InfraLedger.Web.Pages.Shared;

/// <summary>
/// A report table as shown on a page: its caption, note, download links (CSV, XLSX) and optionally a link from each
/// row's label to what is behind it (drill-down).
/// </summary>
/// <param name="Table">The table.</param>
/// <param name="ExportUrl">Its download address without the format.</param>
/// <param name="RowLink">The link of a row's label, or null.</param>
public sealed record TableView(ReportTable Table, string ExportUrl, Func<IReadOnlyList<ReportCell>, string?>? RowLink = null)
{
    public string Download(string format) => $"{ExportUrl}{(ExportUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}format={format}";
}
