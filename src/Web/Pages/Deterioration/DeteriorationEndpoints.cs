using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Deterioration;

/// <summary>Downloads (CSV, XLSX) of the inspection distribution and of every deterioration table; the model itself as JSON.</summary>
public static class DeteriorationEndpoints
{
    public static void MapDeteriorationExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{lgcode:lgcode}/inspections/export", async (string? format, bool? bom, string? encoding, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var csv = TableDownload.StaffEncoding(encoding, bom);
            if (!csv.IsSuccess)
            {
                return ErrorResponses.ToProblem(csv.Error!);
            }

            var table = DeteriorationReport.Distribution(await Core.Inspections.InspectionRecords.DistributionAsync(db, ct));
            return await TableDownload.WriteAsync(http, table, $"{http.Tenant().Code}_inspections_distribution", format, csv.Value, ct);
        }).RequireAuthorization(Policies.TenantViewer);

        app.MapGet("/{lgcode:lgcode}/deterioration/export", async (string? table, string? kind, double? interval, string? assume, string? format, bool? bom, string? encoding,
            HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var csv = TableDownload.StaffEncoding(encoding, bom);
            if (!csv.IsSuccess)
            {
                return ErrorResponses.ToProblem(csv.Error!);
            }

            if (!DeteriorationReport.KindNames.TryGetValue(kind ?? "", out var k))
            {
                return ErrorResponses.ToProblem(Errors.KindInvalid(kind ?? ""));
            }

            if (await DeteriorationModels.FindAsync(db, k, ct) is not { } model)
            {
                return Results.NotFound();
            }

            if (table == "model")
            {
                return Results.Text(DeteriorationModels.Export(model), "application/json");
            }

            var years = interval ?? 5;
            if (!(years > 0 && years <= 100))
            {
                return ErrorResponses.ToProblem(Errors.IntervalInvalid(years.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            // A download says the assumption it was asked for, or is refused: it never falls back silently.
            var assumption = Core.Maintenance.ForecastAssumption.Parse(assume);
            if (!assumption.IsSuccess)
            {
                return ErrorResponses.ToProblem(assumption.Error!);
            }

            var (tables, refused) = await DeteriorationTables.BuildAsync(db, model, years, DateTime.UtcNow.Year, assumption.Value, ct);
            if (refused is not null && table == "forecast")
            {
                return ErrorResponses.ToProblem(refused);
            }

            return tables.FirstOrDefault(t => t.Name == table) is { } found
                ? await TableDownload.WriteAsync(http, found, $"{http.Tenant().Code}_deterioration_{kind}_{found.Name}", format, csv.Value, ct)
                : Results.NotFound();
        }).RequireAuthorization(Policies.TenantViewer);
    }
}
