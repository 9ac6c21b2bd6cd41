using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tenancy;

/// <summary>
/// The only reads that cross the tenant filter. Each says why it has to. An architecture test keeps
/// <c>IgnoreQueryFilters</c> out of every other file.
/// </summary>
public static class CrossTenant
{
    /// <summary>
    /// A token is authenticated before (and apart from) the URL's tenant, which it is then compared with;
    /// found by its primary key (tenant, id) as the token text names both.
    /// </summary>
    public static Task<ApiToken?> FindApiTokenAsync(AppDbContext db, string tenantId, string tokenId, CancellationToken ct) =>
        db.ApiTokens.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(t => t.TenantId == tenantId && t.Id == tokenId, ct);

    /// <summary>After sign-in a user picks among the tenants they belong to.</summary>
    public static Task<List<TenantMembership>> MembershipsOfUserAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.Memberships.IgnoreQueryFilters().AsNoTracking().Where(m => m.UserId == userId).ToListAsync(ct);

    /// <summary>Member counts for the platform operator's tenant list.</summary>
    public static Task<Dictionary<string, int>> MemberCountsAsync(AppDbContext db, IReadOnlyCollection<string> tenantIds, CancellationToken ct) =>
        db.Memberships.IgnoreQueryFilters().Where(m => tenantIds.Contains(m.TenantId))
            .GroupBy(m => m.TenantId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// <summary>The tenants that have audit events, for <c>audit verify</c> over all tenants.</summary>
    public static Task<List<string>> TenantsWithAuditEventsAsync(AppDbContext db, CancellationToken ct) =>
        db.AuditEvents.IgnoreQueryFilters().Select(e => e.TenantId).Distinct().OrderBy(t => t).ToListAsync(ct);

    /// <summary>
    /// A wide-area group's projection reads each member's facilities; the caller has checked that the current
    /// tenant is a member of the group (Projections.RunGroupAsync). Only the projection's columns leave this read.
    /// </summary>
    public static IQueryable<Register.Facility> FacilitiesOfGroupMember(AppDbContext db, string memberCode) =>
        db.Facilities.IgnoreQueryFilters().Where(f => f.TenantId == memberCode);

    /// <summary>
    /// A wide-area group's pooled deterioration model reads each member's inspections; the caller has checked that the
    /// current tenant is a member of the group (DeteriorationModels.FitAsync). Only grades and dates leave this read.
    /// </summary>
    public static IQueryable<Inspections.Inspection> InspectionsOfGroupMember(AppDbContext db, string memberCode) =>
        db.Inspections.IgnoreQueryFilters().Where(i => i.TenantId == memberCode);

    /// <summary>The members' works, for the same pooled estimation (pairs spanning a work start from it).</summary>
    public static IQueryable<Inspections.MaintenanceWork> WorksOfGroupMember(AppDbContext db, string memberCode) =>
        db.MaintenanceWorks.IgnoreQueryFilters().Where(w => w.TenantId == memberCode);
}
