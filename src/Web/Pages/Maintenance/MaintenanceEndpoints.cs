using System.Globalization;
using InfraLedger.Core.Database;
using InfraLedger.Core.Maintenance;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Maintenance;

/// <summary>Downloads of the 維持管理 pages: every LCC table (CSV, XLSX, JSON) and the kind's library (JSON, XLSX).</summary>
public static class MaintenanceEndpoints
{
    public static void MapMaintenanceExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{lgcode:lgcode}/maintenance/export", async (string? table, string? kind, int? years, double? rate, string? format, bool? bom,
            HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            if (LibraryPresets.KindOf(kind) is not { } k)
            {
                return ErrorResponses.ToProblem(Errors.KindInvalid(kind ?? ""));
            }

            var result = await MaintenancePlanning.CompareAsync(db, k, years ?? 50, rate ?? 0.04, Core.Common.FiscalYear.Of(DateOnly.FromDateTime(DateTime.Today)).Year, ct);
            if (!result.IsSuccess)
            {
                return ErrorResponses.ToProblem(result.Error!);
            }

            var tables = LccTables.Comparison(result.Value, (await Core.Inspections.GradeScales.LoadAsync(db, ct)).For(k).Levels);
            return tables.FirstOrDefault(t => t.Name == table) is { } found
                ? await TableDownload.WriteAsync(http, found, $"{http.Tenant().Code}_maintenance_{LibraryPresets.NameOf(k)}_{found.Name}", format, bom ?? false, ct)
                : Results.NotFound();
        }).RequireAuthorization(Policies.TenantViewer);

        app.MapGet("/{lgcode:lgcode}/maintenance/library/export", async (string? kind, string? format, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            if (LibraryPresets.KindOf(kind) is not { } k)
            {
                return ErrorResponses.ToProblem(Errors.KindInvalid(kind ?? ""));
            }

            var library = (await Libraries.LoadAsync(db, k, ct))!;
            var name = $"{http.Tenant().Code}_maintenance_library_{LibraryPresets.NameOf(k)}_v{(library.Version ?? 0).ToString(CultureInfo.InvariantCulture)}";
            return format switch
            {
                "xlsx" => Results.File(LibraryWorkbook.Write(library.Library), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
                "json" or null => Results.File(System.Text.Encoding.UTF8.GetBytes(library.Library.ToJson()), "application/json; charset=utf-8", name + ".json"),
                _ => ErrorResponses.ToProblem(WebErrors.ExportFormat(format, "json・xlsx")),
            };
        }).RequireAuthorization(Policies.TenantViewer);
    }
}
