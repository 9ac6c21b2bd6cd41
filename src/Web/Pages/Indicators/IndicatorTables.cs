using InfraLedger.Core.Common;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Indicators;

/// <summary>Indicator tables on a page: downloads from the indicators export, and drill-down links to the assets.</summary>
public static class IndicatorTables
{
    public static TableView View(Table table, string tenant, int year, Func<IReadOnlyList<TableCell>, string?>? rowLink = null) =>
        new(table, $"/{tenant}/indicators/export?table={table.Name}&year={year}", rowLink);

    public static string Assets(string tenant, int year, string key, string value) =>
        $"/{tenant}/indicators/assets?year={year}&{key}={Uri.EscapeDataString(value)}";
}
