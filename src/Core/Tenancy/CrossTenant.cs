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
    /// The open-data catalogue lists what tenants chose to publish: their consent rows are public by nature (which
    /// dataset, which licence, since when). Nothing of a tenant without such a row is read.
    /// </summary>
    public static Task<List<OpenData.OpenDataset>> PublishedDatasetsAsync(AppDbContext db, CancellationToken ct) =>
        db.OpenDatasets.IgnoreQueryFilters().AsNoTracking().OrderBy(d => d.TenantId).ThenBy(d => d.Kind).ToListAsync(ct);

    /// <summary>
    /// For the catalogue's <c>metadata_modified</c> and its sample-data notice: per tenant with at least one published
    /// dataset, the newest change of its register and how many facilities and assets are labelled sample data. Only
    /// these aggregates leave the read, never a row.
    /// </summary>
    public static async Task<Dictionary<string, OpenData.RegisterSummary>> RegisterSummariesOfPublishersAsync(AppDbContext db, CancellationToken ct)
    {
        // One row per publisher, each figure a subquery of that publisher alone: the newest change is the last entry of a
        // (tenant_id, recorded_at_utc) index, the sample count a count over a partial index of sample rows (migration 0025).
        // Grouping every publisher's whole register instead took seconds at national scale (bench/NationalBench).
        var facilities = db.Facilities.IgnoreQueryFilters();
        var assets = db.FixedAssets.IgnoreQueryFilters();
        var versions = db.RegisterVersions.IgnoreQueryFilters();
        var rows = await db.OpenDatasets.IgnoreQueryFilters().Select(d => d.TenantId).Distinct()
            .Select(t => new
            {
                Tenant = t,
                Facility = facilities.Where(f => f.TenantId == t).Max(f => (DateTime?)f.RecordedAtUtc),
                Asset = assets.Where(a => a.TenantId == t).Max(a => (DateTime?)a.RecordedAtUtc),
                Version = versions.Where(v => v.TenantId == t).Max(v => (DateTime?)v.RecordedAtUtc),
                SampleFacilities = facilities.Count(f => f.TenantId == t && f.IsSample),
                SampleAssets = assets.Count(a => a.TenantId == t && a.IsSample),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(
            r => r.Tenant,
            r => new OpenData.RegisterSummary(new[] { r.Facility, r.Asset, r.Version }.Max() ?? DateTime.MinValue, r.SampleFacilities, r.SampleAssets),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// A wide-area group's pooled deterioration model reads each member's inspections; the caller has checked that the
    /// current tenant is a member of the group (DeteriorationModels.FitAsync). Only grades and dates leave this read.
    /// </summary>
    public static IQueryable<Inspections.Inspection> InspectionsOfGroupMember(AppDbContext db, string memberCode) =>
        db.Inspections.IgnoreQueryFilters().Where(i => i.TenantId == memberCode);

    /// <summary>
    /// The grade-scale settings of a group member (its own scales and which kind uses which), for the same pooled
    /// estimation: the states must mean the same in every member. Only the <c>grade-scale…</c> keys leave this read.
    /// </summary>
    public static Task<List<KeyValuePair<string, string>>> GradeScaleSettingsOfGroupMemberAsync(AppDbContext db, string memberCode, CancellationToken ct) =>
        db.TenantSettings.IgnoreQueryFilters().AsNoTracking().Where(s => s.TenantId == memberCode && s.Key.StartsWith("grade-scale"))
            .Select(s => new KeyValuePair<string, string>(s.Key, s.Value)).ToListAsync(ct);

    /// <summary>
    /// The pooled deterioration models (fitted with a <c>GroupId</c>) of the wide-area groups the current tenant belongs
    /// to, fitted by another member that still belongs to the same group: a pooled model is the group's, read by its
    /// members rather than copied into their data by the tenant that fitted it (ADR 0015). The membership is checked in
    /// the query itself; no tenant in scope, no rows.
    /// </summary>
    public static Task<List<Deterioration.DeteriorationModel>> PooledModelsOfGroupsOfAsync(AppDbContext db, CancellationToken ct)
    {
        var member = db.Scope.TenantId;
        var groups = db.WideAreaGroupMembers.Where(m => member != null && m.MemberCode == member).Select(m => m.GroupId);
        return db.DeteriorationModels.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.GroupId != null && d.TenantId != member && groups.Contains(d.GroupId.Value)
                && db.WideAreaGroupMembers.Any(m => m.GroupId == d.GroupId && m.MemberCode == d.TenantId))
            .OrderBy(d => d.GroupId).ThenBy(d => d.Kind).ThenBy(d => d.TenantId).ToListAsync(ct);
    }

    /// <summary>The members' works, for the same pooled estimation (pairs spanning a work start from it).</summary>
    public static IQueryable<Inspections.MaintenanceWork> WorksOfGroupMember(AppDbContext db, string memberCode) =>
        db.MaintenanceWorks.IgnoreQueryFilters().Where(w => w.TenantId == memberCode);

    /// <summary>
    /// The newest change to any tenant's report services: the Open311 discovery <c>changeset</c> of the shared endpoint,
    /// which clients compare to decide whether to reload service lists (open311.md §4). Only a timestamp leaves.
    /// </summary>
    public static Task<DateTime?> LatestReportServiceChangeAsync(AppDbContext db, CancellationToken ct) =>
        db.ReportServices.IgnoreQueryFilters().MaxAsync(s => (DateTime?)s.ChangedAtUtc, ct);

    /// <summary>
    /// Whether a body takes residents' reports here (it has an active report service), so that a resident whose pin is
    /// in that body can be sent to its form (ReportPlaces). Only a yes or no leaves.
    /// </summary>
    public static Task<bool> TakesReportsAsync(AppDbContext db, string tenantId, CancellationToken ct) =>
        db.ReportServices.IgnoreQueryFilters().AnyAsync(s => s.TenantId == tenantId && s.IsActive, ct);

    /// <summary>
    /// The active report services of the body a report is forwarded to, to file it under one of them (Reports/Forwarding).
    /// Services are public (Open311 <c>services</c>): nothing private leaves.
    /// </summary>
    public static Task<List<Reports.ReportService>> ActiveReportServicesOfAsync(AppDbContext db, string tenantId, CancellationToken ct) =>
        db.ReportServices.IgnoreQueryFilters().AsNoTracking().Where(s => s.TenantId == tenantId && s.IsActive)
            .OrderBy(s => s.Order).ThenBy(s => s.Code).ToListAsync(ct);

    /// <summary>
    /// The status and last change of a report the current tenant forwarded (Reports/Forwarding), read only when the
    /// receiving row names the current tenant's report as its origin: the sender sees how it goes on, never the
    /// receiver's notes, contact details or anything of a report it did not send.
    /// </summary>
    public static async Task<(Reports.ReportStatus Status, DateTime UpdatedAtUtc)?> ForwardedReportStateAsync(
        AppDbContext db, string tenantId, long reportId, string fromTenantId, long fromReportId, CancellationToken ct)
    {
        var row = await db.ResidentReports.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.Id == reportId && r.ForwardedFromTenantId == fromTenantId && r.ForwardedFromReportId == fromReportId
                && fromTenantId == db.Scope.TenantId)
            .Select(r => new { r.Status, r.UpdatedAtUtc }).SingleOrDefaultAsync(ct);
        return row is null ? null : (row.Status, row.UpdatedAtUtc);
    }
}
