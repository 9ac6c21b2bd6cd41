using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Reports;

/// <summary>
/// The one rule that a report's pin lies in the body it is sent to (issue 22 item 3), used by every way in (the form and
/// Open311 POST, both through <see cref="ResidentReports.SubmitAsync"/>): inside the body's shipped boundary or within
/// <see cref="ReportAreas.ToleranceMetres"/> of it. Otherwise the resident is told whose place it is.
/// </summary>
public static class ReportPlaces
{
    /// <summary>The body a place belongs to, its name as residents say it (都道府県 and 市区町村), and whether it takes reports here.</summary>
    public sealed record Owner(string Code, string Name, bool TakesReports);

    /// <summary>Null when the place is the current tenant's (or the tenant has no shipped boundary to check against).</summary>
    public static async Task<Error?> CheckAsync(AppDbContext db, double latitude, double longitude, CancellationToken ct)
    {
        var tenant = await db.LocalGovernments.AsNoTracking().SingleAsync(b => b.Code == db.Scope.TenantId, ct);
        if (ReportAreas.Shipped.IsInside(tenant.Code, tenant.Kind == LocalGovernmentKind.Prefecture, latitude, longitude) is not false)
        {
            return null;
        }

        var owner = await OwnerAsync(db, latitude, longitude, ct);
        return owner is null ? Errors.OutsideEveryBody(tenant.Name) : Errors.OutsideBody(tenant.Name, owner.Name, owner.TakesReports);
    }

    /// <summary>
    /// The 市区町村 whose shipped boundary holds the place (a prefecture tenant is told the municipality too: its name is
    /// what residents know), or null when the place is in none (the sea, abroad).
    /// </summary>
    public static async Task<Owner?> OwnerAsync(AppDbContext db, double latitude, double longitude, CancellationToken ct)
    {
        if (ReportAreas.Shipped.MunicipalityAt(latitude, longitude) is not { } code)
        {
            return null;
        }

        var body = await db.LocalGovernments.AsNoTracking()
            .Where(b => b.Code.StartsWith(code) && b.Kind != LocalGovernmentKind.Ward && b.Kind != LocalGovernmentKind.Prefecture)
            .FirstOrDefaultAsync(ct);
        if (body is null)
        {
            return null;
        }

        var prefecture = await db.LocalGovernments.AsNoTracking().Where(b => b.Code == body.PrefectureCode).Select(b => b.Name).SingleOrDefaultAsync(ct);
        var takes = body.IsTenant && await CrossTenant.TakesReportsAsync(db, body.Code, ct);
        return new Owner(body.Code, prefecture + body.Name, takes);
    }
}
