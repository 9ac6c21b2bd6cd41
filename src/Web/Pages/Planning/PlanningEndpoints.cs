using InfraLedger.Core.Database;
using InfraLedger.Core.Planning;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Pages.Shared;
using InfraLedger.Web.Tenancy;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>Downloads of a kept plan: the 個別施設計画 workbook (XLSX, one sheet per table) or one table (CSV, XLSX).</summary>
public static class PlanningEndpoints
{
    public static void MapPlanningExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{lgcode:lgcode}/plans/{id:int}/export", async (int id, string? table, string? format, bool? bom, string? encoding,
            HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var plan = await WorksPlans.FindAsync(db, id, ct);
            if (!plan.IsSuccess)
            {
                return Results.NotFound();
            }

            var csv = TableDownload.StaffEncoding(encoding, bom);
            if (!csv.IsSuccess)
            {
                return ErrorResponses.ToProblem(csv.Error!);
            }

            var tenant = http.Tenant().Code;
            if (table is null && format is "xlsx" or null)
            {
                TableDownload.Attach(http, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", PlanExport.FileName(tenant, plan.Value, "xlsx"));
                await PlanExport.WriteXlsxAsync(plan.Value, http.Response.Body, ct);
                return Results.Empty;
            }

            var tables = PlanExport.Tables(plan.Value);
            return tables.FirstOrDefault(t => t.Name == (table ?? "works")) is { } found
                ? await TableDownload.WriteAsync(http, found, $"{tenant}_plan_{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}_{found.Name}", format, csv.Value, ct)
                : ErrorResponses.ToProblem(Errors.ExportTable(table!, string.Join("・", PlanExport.Sheets.Keys)));
        }).RequireAuthorization(Policies.TenantViewer);
    }
}
