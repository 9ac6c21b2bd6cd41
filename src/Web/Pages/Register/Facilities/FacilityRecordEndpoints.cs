using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Register.Facilities;

/// <summary>The 施設カルテ as an XLSX workbook, one sheet per section (the register's XLSX writer).</summary>
public static class FacilityRecordEndpoints
{
    public static void MapFacilityRecordExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/{lgcode:lgcode}/facilities/{code}/record.xlsx", async (string code, int? year, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var record = await FacilityRecordPage.LoadAsync(db, code, year, ct);
            if (!record.IsSuccess)
            {
                return ErrorResponses.ToProblem(record.Error!);
            }

            if (record.Value is not { } found)
            {
                return Results.NotFound();
            }

            TableDownload.Attach(http, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FacilityRecordTables.FileName(found));
            await FacilityRecordTables.WriteXlsxAsync(found, http.Response.Body, ct);
            return Results.Empty;
        }).RequireAuthorization(Policies.TenantViewer);
}
