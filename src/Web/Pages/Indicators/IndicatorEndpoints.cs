using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Indicators;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Indicators;

/// <summary>Downloads of every indicator table (CSV, XLSX): the same rows the pages and the CLI show.</summary>
public static class IndicatorEndpoints
{
    public static void MapIndicatorExports(this IEndpointRouteBuilder app) =>
        app.MapGet("/{lgcode:lgcode}/indicators/export", async (string? table, int? year, string? format, bool? bom, string? encoding, string? account, string? usage, string? facility,
            HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var csv = TableDownload.StaffEncoding(encoding, bom);
            if (!csv.IsSuccess)
            {
                return ErrorResponses.ToProblem(csv.Error!);
            }

            var tenant = http.Tenant();
            var fy = year ?? Pages.Indicators.IndexModel.DefaultYear(DateTime.UtcNow);
            if (IndicatorReport.CheckYear(fy).Error is { } invalid)
            {
                return ErrorResponses.ToProblem(invalid with { Field = "year" });
            }

            var found = table == "assets" ? await AssetsAsync(db, fy, account, usage, facility, ct) : await TableAsync(db, fy, table ?? "", ct);
            if (!found.IsSuccess)
            {
                return ErrorResponses.ToProblem(found.Error!);
            }

            return await TableDownload.WriteAsync(http, found.Value, $"{tenant.Code}_{found.Value.Name}_{fy}", format, csv.Value, ct);
        }).RequireAuthorization(Policies.TenantViewer);

    /// <summary>The drill-down table needs only the year's positions, not the whole report.</summary>
    private static async Task<Result<Table>> AssetsAsync(AppDbContext db, int year, string? account, string? usage, string? facility, CancellationToken ct)
    {
        var settings = await IndicatorSettings.ForTenantAsync(db, ct);
        return settings.IsSuccess
            ? IndicatorReport.AssetsTable(await RegisterIndicators.ForYearAsync(db, new FiscalYear(year), settings.Value, ct), account, usage, facility)
            : settings.Error!;
    }

    private static async Task<Result<Table>> TableAsync(AppDbContext db, int year, string table, CancellationToken ct)
    {
        var report = await IndicatorReport.BuildAsync(db, new FiscalYear(year), ct);
        return !report.IsSuccess ? report.Error!
            : report.Value.Find(table) is { } found ? found
            : Errors.TableNotFound(table, report.Value.Tables.Select(t => t.Name));
    }
}
