using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Register.Export;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Register;

/// <summary>Downloads of the register: CSV (UTF-8 with a BOM unless asked otherwise, or Shift_JIS), XLSX, and the 公共施設一覧 open-data CSV.</summary>
public static class ExportEndpoints
{
    public static void MapRegisterExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{lgcode:lgcode}/facilities/export", async (string? format, bool? bom, string? encoding, int? fy, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var tenant = http.Tenant();
            var csv = TableDownload.StaffEncoding(encoding, bom);
            if (!csv.IsSuccess)
            {
                return ErrorResponses.ToProblem(csv.Error!);
            }

            var rows = fy is { } year
                ? (await RegisterHistory.AsOfAsync(db, FiscalYearEnd(year), ct)).Facilities.ToAsyncEnumerable()
                : db.Facilities.AsNoTracking().OrderBy(f => f.Code).AsAsyncEnumerable();
            switch (format)
            {
                case "xlsx":
                    return await Xlsx(http, $"{tenant.Code}_facilities.xlsx", s => XlsxExport.WriteAsync(rows, ExportColumns.Facility, "施設台帳", s, ct));
                case "opendata":
                    var prefecture = await db.LocalGovernments.Where(b => b.Code == tenant.PrefectureCode).Select(b => b.Name).SingleAsync(ct);
                    // The 公共施設一覧 is open data: UTF-8 with a BOM by default as ADR 0011 documents, or as asked.
                    return await Csv(http, $"{tenant.Code}_public_facility.csv", csv.Value, s => CsvExport.WriteAsync(rows, PublicFacilityList.Columns(tenant, prefecture), s, csv.Value, ct));
                case "csv" or null:
                    return await Csv(http, $"{tenant.Code}_facilities.csv", csv.Value, s => CsvExport.WriteAsync(rows, ExportColumns.Facility, s, csv.Value, ct));
                default:
                    return Unknown(format);
            }
        }).RequireAuthorization(Policies.TenantViewer);

        app.MapGet("/{lgcode:lgcode}/assets/export", async (string? format, bool? bom, string? encoding, int? fy, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var tenant = http.Tenant();
            var csv = TableDownload.StaffEncoding(encoding, bom);
            if (!csv.IsSuccess)
            {
                return ErrorResponses.ToProblem(csv.Error!);
            }

            var rows = fy is { } year
                ? (await RegisterHistory.AsOfAsync(db, FiscalYearEnd(year), ct)).Assets.ToAsyncEnumerable()
                : db.FixedAssets.AsNoTracking().OrderBy(a => a.Number).AsAsyncEnumerable();
            return format switch
            {
                "xlsx" => await Xlsx(http, $"{tenant.Code}_fixed_assets.xlsx", s => XlsxExport.WriteAsync(rows, ExportColumns.Asset, "固定資産台帳", s, ct)),
                "csv" or null => await Csv(http, $"{tenant.Code}_fixed_assets.csv", csv.Value, s => CsvExport.WriteAsync(rows, ExportColumns.Asset, s, csv.Value, ct)),
                _ => Unknown(format),
            };
        }).RequireAuthorization(Policies.TenantViewer);
    }

    /// <summary>The register as it stood at the end of 年度 <paramref name="year"/>: 31 March of the next calendar year.</summary>
    private static DateOnly FiscalYearEnd(int year) => new(Math.Clamp(year, 1900, 2200) + 1, 3, 31);

    private static async Task<IResult> Csv(HttpContext http, string fileName, CsvEncoding encoding, Func<Stream, Task> write)
    {
        TableDownload.Attach(http, $"text/csv; charset={CsvExport.Charset(encoding)}", fileName);
        await write(http.Response.Body);
        return Results.Empty;
    }

    private static async Task<IResult> Xlsx(HttpContext http, string fileName, Func<Stream, Task> write)
    {
        TableDownload.Attach(http, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
        await write(http.Response.Body);
        return Results.Empty;
    }

    private static IResult Unknown(string? format) =>
        ErrorResponses.ToProblem(Errors.ExportFormat(format));
}
