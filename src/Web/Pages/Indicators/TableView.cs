using InfraLedger.Core.Indicators;

namespace InfraLedger.Web.Pages.Indicators;

/// <summary>
/// An indicator table as shown on a page: its caption, note, download links (CSV, XLSX) and, for ratio tables, a
/// link from each row's label to the assets behind it (drill-down).
/// </summary>
public sealed record TableView(IndicatorReport.Table Table, string Tenant, int Year, Func<IReadOnlyList<IndicatorReport.Cell>, string?>? RowLink = null)
{
    public string Download(string format) => $"/{Tenant}/indicators/export?table={Table.Name}&year={Year}&format={format}";

    public static string Assets(string tenant, int year, string key, string value) =>
        $"/{tenant}/indicators/assets?year={year}&{key}={Uri.EscapeDataString(value)}";
}
