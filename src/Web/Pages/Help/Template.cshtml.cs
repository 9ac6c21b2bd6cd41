using InfraLedger.Core.Common;
using InfraLedger.Core.Help;
using InfraLedger.Core.Register.Export;
using InfraLedger.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Help;

/// <summary>An import template as CSV (UTF-8 with a BOM, so that Excel reads the Japanese) or XLSX; the page has no view.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class TemplateModel : PageModel
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<IActionResult> OnGetAsync(string id, string format, CancellationToken ct)
    {
        if (ImportTemplates.Find(id) is not { } template || format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }

        var table = template.Table();
        var output = new MemoryStream();
        if (format == "csv")
        {
            await CsvExport.WriteAsync(Rows(table), table.Columns, output, bom: true, ct);
        }
        else
        {
            await XlsxExport.WriteTablesAsync([(template.Title, table)], output, ct);
        }

        output.Position = 0;
        return File(output, format == "csv" ? "text/csv; charset=utf-8" : Xlsx, $"{template.Title}テンプレート.{format}");
    }

    private static async IAsyncEnumerable<IReadOnlyList<TableCell>> Rows(Table table)
    {
        foreach (var row in table.Rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }
}
