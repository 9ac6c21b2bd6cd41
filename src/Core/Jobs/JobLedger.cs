using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Jobs;

/// <summary>
/// The jobs table shared by the web instances (ADR 0033). Its rows are not tenant-owned entities (no audit event per
/// heartbeat, and one instance writes the jobs of many tenants at once), so every read here names its tenant itself,
/// and the writes are single statements that touch only the rows they name.
/// </summary>
public static class JobLedger
{
    /// <summary>What 中断 says, on every instance.</summary>
    public const string InterruptedMessage =
        "実行していたサーバーが止まったため中断しました。何も書き込まれていません。もう一度実行してください。";

    /// <summary>Records a new job, before its id is shown to anybody, so that every instance knows it at once.</summary>
    public static void Add(AppDbContext db, JobRecord job)
    {
        db.JobRecords.Add(job);
        db.SaveChanges();
        db.Entry(job).State = EntityState.Detached;
    }

    /// <summary>The tenant's job, or null for an unknown id or another tenant's job (which are alike to the caller).</summary>
    public static Task<JobRecord?> FindAsync(AppDbContext db, string tenantId, Guid id, CancellationToken ct) =>
        db.JobRecords.AsNoTracking().SingleOrDefaultAsync(j => j.TenantId == tenantId && j.Id == id, ct);

    /// <summary>
    /// The owner's heartbeat for one of its jobs: its progress and a lease until <paramref name="leaseUntilUtc"/>. A job
    /// already marked 中断 by another instance (its owner was silent past the lease) is left as it is. Returns whether a
    /// cancellation was asked for.
    /// </summary>
    public static async Task<bool> ReportAsync(AppDbContext db, JobRecord now, DateTime leaseUntilUtc, CancellationToken ct)
    {
        await db.JobRecords
            .Where(j => j.TenantId == now.TenantId && j.Id == now.Id && j.Owner == now.Owner && j.Status != JobStatus.Interrupted)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, now.Status)
                .SetProperty(j => j.Fraction, now.Fraction)
                .SetProperty(j => j.Rows, now.Rows)
                .SetProperty(j => j.Message, now.Message)
                .SetProperty(j => j.ResultRef, now.ResultRef)
                .SetProperty(j => j.StartedAtUtc, now.StartedAtUtc)
                .SetProperty(j => j.FinishedAtUtc, now.FinishedAtUtc)
                .SetProperty(j => j.LeaseExpiresAtUtc, leaseUntilUtc), ct);
        return await db.JobRecords.AnyAsync(j => j.TenantId == now.TenantId && j.Id == now.Id && j.CancelRequested, ct);
    }

    /// <summary>Asks the job's owner, whichever instance it is, to stop it; false when the tenant has no such unfinished job.</summary>
    public static async Task<bool> RequestCancelAsync(AppDbContext db, string tenantId, Guid id, CancellationToken ct) =>
        await db.JobRecords
            .Where(j => j.TenantId == tenantId && j.Id == id && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct) > 0;

    /// <summary>
    /// Marks 中断 every unfinished job whose owner has not renewed its lease by <paramref name="nowUtc"/> — of any tenant and
    /// any instance, as the owner may be gone for good; a live owner renews its leases long before they run out.
    /// </summary>
    public static Task<int> MarkInterruptedAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct) =>
        db.JobRecords
            .Where(j => (j.Status == JobStatus.Queued || j.Status == JobStatus.Running) && j.LeaseExpiresAtUtc < nowUtc)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Interrupted)
                .SetProperty(j => j.Message, InterruptedMessage)
                .SetProperty(j => j.FinishedAtUtc, nowUtc), ct);

    /// <summary>Finished jobs are kept for their pages for a day (as the instances keep them in memory).</summary>
    public static Task<int> ForgetAsync(AppDbContext db, DateTime beforeUtc, CancellationToken ct) =>
        db.JobRecords
            .Where(j => j.FinishedAtUtc != null && j.FinishedAtUtc < beforeUtc)
            .ExecuteDeleteAsync(ct);
}
