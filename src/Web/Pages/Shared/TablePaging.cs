using InfraLedger.Core.Common;
using InfraLedger.Web.Pages.Register;

namespace InfraLedger.Web.Pages.Shared;

/// <summary>
/// A long table shown a page at a time on the server (issue 21 item 7), with the register's pager; the whole table stays
/// in its downloads (CSV, XLSX) and, for a chart drawn from it, in <see cref="ChartData"/>.
/// </summary>
public static class TablePaging
{
    public const int PageSize = 100;

    public static (Table Page, Pager Pager) Of(Table table, int page, Func<int, string> link, int size = PageSize)
    {
        var pages = Math.Max(1, (table.Rows.Count + size - 1) / size);
        var current = Math.Clamp(page, 1, pages);
        var rows = table.Rows.Skip((current - 1) * size).Take(size).ToList();
        return (table with { Rows = rows }, new Pager(table.Rows.Count, current, size, pages, link));
    }

    /// <summary>Every row of the table as the dashboard's charts read a table (<c>{headers, rows: [[{text, value}]]}</c>), for a data block.</summary>
    public static object ChartData(Table table) => new
    {
        headers = table.Headers,
        rows = table.Rows.Select(r => r.Select(c => new { text = c.Display, value = c.Number })),
    };
}
