using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Register.Export;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;

namespace InfraLedger.Web.Api;

/// <summary>Downloads of every indicator table (CSV, XLSX): the same rows the pages and the CLI show.</summary>
public static class IndicatorEndpoints
{
    public static void MapIndicatorExports(this IEndpointRouteBuilder app) =>
        app.MapGet("/{lgcode:lgcode}/indicators/export", async (string? table, int? year, string? format, bool? bom, string? account, string? usage, string? facility,
            HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var tenant = http.Tenant();
            var fy = year ?? Pages.Indicators.IndexModel.DefaultYear(DateTime.UtcNow);
            if (fy is < 1900 or > FiscalYear.Max)
            {
                return ErrorResponses.ToProblem(Errors.FiscalYearInvalid(fy.ToString(System.Globalization.CultureInfo.InvariantCulture)) with { Field = "year" });
            }

            var report = await IndicatorReport.BuildAsync(db, new FiscalYear(fy), ct);
            if (!report.IsSuccess)
            {
                return ErrorResponses.ToProblem(report.Error!);
            }

            var found = table == "assets" ? report.Value.Assets(account, usage, facility) : report.Value.Find(table ?? "");
            if (found is null)
            {
                return ErrorResponses.ToProblem(new Error("indicators.table", $"表「{table}」はありません（{string.Join("、", report.Value.Tables.Select(t => t.Name))}、assets）。", "table"));
            }

            var fileName = $"{tenant.Code}_{found.Name}_{fy}";
            var rows = found.Rows.ToAsyncEnumerable();
            switch (format)
            {
                case "xlsx":
                    Attach(http, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx");
                    await XlsxExport.WriteAsync(rows, found.Columns, found.Name, http.Response.Body, ct);
                    return Results.Empty;
                case "csv" or null:
                    Attach(http, "text/csv; charset=utf-8", fileName + ".csv");
                    await CsvExport.WriteAsync(rows, found.Columns, http.Response.Body, bom ?? false, ct);
                    return Results.Empty;
                default:
                    return ErrorResponses.ToProblem(new Error("indicators.export_format", $"出力形式「{format}」には対応していません（csv・xlsx）。", "format"));
            }
        }).RequireAuthorization(Policies.TenantViewer);

    private static void Attach(HttpContext http, string contentType, string fileName)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
    }
}
