using InfraLedger.Core.Common;
using InfraLedger.Core.Register.Export;

namespace InfraLedger.Web.Api;

/// <summary>A report table as a CSV or XLSX download: the same rows the page shows.</summary>
public static class TableDownload
{
    public static async Task<IResult> WriteAsync(HttpContext http, ReportTable table, string fileName, string? format, bool bom, CancellationToken ct)
    {
        switch (format)
        {
            case "xlsx":
                Attach(http, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx");
                await XlsxExport.WriteAsync(table.Rows.ToAsyncEnumerable(), table.Columns, table.Name, http.Response.Body, ct);
                return Results.Empty;
            case "csv" or null:
                Attach(http, "text/csv; charset=utf-8", fileName + ".csv");
                await CsvExport.WriteAsync(table.Rows.ToAsyncEnumerable(), table.Columns, http.Response.Body, bom, ct);
                return Results.Empty;
            default:
                return ErrorResponses.ToProblem(new Error("export.format", $"出力形式「{format}」には対応していません（csv・xlsx）。", "format"));
        }
    }

    public static void Attach(HttpContext http, string contentType, string fileName)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
    }
}
