using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Projection;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Projection;

/// <summary>Downloads of every projection table (CSV, XLSX), for the tenant and for the wide-area groups it belongs to.</summary>
public static class ProjectionEndpoints
{
    public static void MapProjectionExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{lgcode:lgcode}/projection/export", async (string? scenario, int? baseYear, int? years, string? compare, string? table, string? format, bool? bom, string? encoding,
            HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var csv = TableDownload.StaffEncoding(encoding, bom);
            if (!csv.IsSuccess)
            {
                return ErrorResponses.ToProblem(csv.Error!);
            }

            var tenant = http.Tenant();
            var request = new ProjectionRequest(scenario ?? Presets.Baseline, baseYear ?? ProjectionRun.DefaultBaseYear(DateTime.UtcNow), years, compare);
            var outcome = await ProjectionRun.RunAsync(db, request, null, ct);
            if (!outcome.IsSuccess)
            {
                return ErrorResponses.ToProblem(outcome.Error!);
            }

            var tables = outcome.Value.Tables;
            return tables.FirstOrDefault(t => t.Name == (table ?? "annual")) is { } found
                ? await TableDownload.WriteAsync(http, found, $"{tenant.Code}_projection_{found.Name}_{request.BaseYear}", format, csv.Value, ct)
                : ErrorResponses.ToProblem(Errors.TableNotFound(table!, tables.Select(t => t.Name)));
        }).RequireAuthorization(Policies.TenantViewer);

        app.MapGet("/{lgcode:lgcode}/projection/groups/{id:long}/export", async (long id, string? scenario, int? baseYear, int? years, string? table, string? format, bool? bom, string? encoding,
            HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var csv = TableDownload.StaffEncoding(encoding, bom);
            if (!csv.IsSuccess)
            {
                return ErrorResponses.ToProblem(csv.Error!);
            }

            var outcome = await GroupProjection.RunAsync(db, id, scenario, baseYear, years, null, ct);
            if (!outcome.IsSuccess)
            {
                return outcome.Error!.Kind == ErrorKind.NotFound ? Results.NotFound() : ErrorResponses.ToProblem(outcome.Error!);
            }

            var tables = outcome.Value.Tables;
            return tables.FirstOrDefault(t => t.Name == (table ?? "members")) is { } found
                ? await TableDownload.WriteAsync(http, found, $"group{id}_projection_{found.Name}_{outcome.Value.BaseYear}", format, csv.Value, ct)
                : ErrorResponses.ToProblem(Errors.TableNotFound(table!, tables.Select(t => t.Name)));
        }).RequireAuthorization(Policies.TenantViewer);
    }
}
