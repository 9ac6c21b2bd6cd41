using InfraLedger.Core.Database;
using InfraLedger.Core.Planning;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Pages.Shared;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;

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

        // A group plan's tables as the caller may see them: Core filters the view, so a member's file holds its share only.
        app.MapGet("/{lgcode:lgcode}/plans/groups/{id:long}/export", async (long id, string? table, string? format, bool? bom, string? encoding,
            HttpContext http, AppDbContext db, IAuthorizationService authorization, CancellationToken ct) =>
        {
            var csv = TableDownload.StaffEncoding(encoding, bom);
            if (!csv.IsSuccess)
            {
                return ErrorResponses.ToProblem(csv.Error!);
            }

            var caller = await GroupModel.Caller(http, authorization);
            var tenant = caller.TenantId;
            var view = await GroupPlans.CurrentAsync(db, caller, id, ct);
            if (!view.IsSuccess)
            {
                return Results.NotFound();
            }

            var tables = GroupPlanExport.Tables(view.Value);
            return tables.FirstOrDefault(t => t.Name == (table ?? "group-plan-works")) is { } found
                ? await TableDownload.WriteAsync(http, found, $"group{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}_{tenant}_{found.Name}", format, csv.Value, ct)
                : ErrorResponses.ToProblem(Errors.ExportTable(table!, string.Join("・", tables.Select(t => t.Name))));
        }).RequireAuthorization(Policies.TenantViewer);
    }
}
