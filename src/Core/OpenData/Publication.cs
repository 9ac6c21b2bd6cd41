using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.OpenData;

/// <summary>
/// A tenant publishes or withdraws one of its datasets. Each is one change of an <see cref="OpenDataset"/> row through
/// the change tracker, so it is one audit event in the tenant's chain, written in the same transaction.
/// </summary>
public static class Publication
{
    /// <summary>The tenant's published datasets by kind (only the scope's tenant: the query filter applies).</summary>
    public static Task<Dictionary<string, OpenDataset>> OfTenantAsync(AppDbContext db, CancellationToken ct) =>
        db.OpenDatasets.AsNoTracking().ToDictionaryAsync(d => d.Kind, StringComparer.Ordinal, ct);

    /// <summary>Publishes (or re-publishes with another licence) a dataset of the scope's tenant.</summary>
    public static async Task<Result<OpenDataset>> PublishAsync(AppDbContext db, string? kind, string? licence, OpenDataLicences licences, DateTime nowUtc, CancellationToken ct)
    {
        var tenant = db.Scope.TenantId ?? throw new InvalidOperationException("公開にはテナントの作業単位が必要です。");
        if (DatasetKind.Find(kind) is not { } k)
        {
            return Errors.UnknownDataset(kind);
        }

        if (licences.Find(licence) is not { } l)
        {
            return Errors.UnknownLicence(licence, licences);
        }

        // The plan summary's dataset serves the summary the tenant published with it (PlanSummaryPublication): never empty.
        if (k.Id == DatasetKind.Plan && !await db.PublishedPlanSummaries.AnyAsync(s => s.Code == tenant, ct))
        {
            return Errors.PlanSummaryMissing;
        }

        var at = Microseconds(nowUtc);
        var row = await db.OpenDatasets.SingleOrDefaultAsync(d => d.Kind == k.Id, ct);
        if (row is null)
        {
            db.OpenDatasets.Add(row = new OpenDataset { TenantId = tenant, Kind = k.Id, Licence = l.Id, PublishedAtUtc = at, UpdatedAtUtc = at });
        }
        else
        {
            row.Licence = l.Id;
            row.UpdatedAtUtc = at;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return row;
    }

    /// <summary>Withdraws a dataset of the scope's tenant: it leaves every list and its downloads at once.</summary>
    public static async Task<Result<DatasetKind>> WithdrawAsync(AppDbContext db, string? kind, CancellationToken ct)
    {
        if (DatasetKind.Find(kind) is not { } k)
        {
            return Errors.UnknownDataset(kind);
        }

        if (await db.OpenDatasets.SingleOrDefaultAsync(d => d.Kind == k.Id, ct) is not { } row)
        {
            return Errors.NotPublished(k.Title);
        }

        db.OpenDatasets.Remove(row);
        if (k.Id == DatasetKind.Plan)
        {
            // One consent for the dataset and the dashboard: withdrawing the dataset withdraws the published summary too.
            db.PublishedPlanSummaries.RemoveRange(await db.PublishedPlanSummaries.Where(s => s.Code == row.TenantId).ToListAsync(ct));
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return k;
    }

    /// <summary>What PostgreSQL keeps of a time (CKAN shows microseconds too), so a time reads back as it was written.</summary>
    internal static DateTime Microseconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
}
