using System.Text.Json;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.OpenData;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Planning;

/// <summary>
/// A tenant publishes the summary of its decided plan (issue 20 item 6) to its public dashboard and as the open dataset
/// <c>plan</c>, with one act and one consent: the <see cref="OpenDataset"/> row of kind <c>plan</c> (one audit event,
/// like the other datasets) and the summary itself (<see cref="PublishedPlanSummary"/>, public data keyed by 団体コード).
/// Withdrawing removes both. Nothing is written when the summary or the licence is refused.
/// </summary>
public static class PlanSummaryPublication
{
    /// <summary>A published summary as the public reads it.</summary>
    public sealed record Published(string Code, PlanSummary Summary, DateTime PublishedAtUtc);

    /// <summary>Publishes (or replaces) the scope's tenant's plan summary with <paramref name="licence"/>.</summary>
    public static async Task<Result<Published>> PublishAsync(AppDbContext db, PlanSummary summary, string? licence, OpenDataLicences licences, DateTime nowUtc, CancellationToken ct)
    {
        var tenant = db.Scope.TenantId ?? throw new InvalidOperationException("公表にはテナントの作業単位が必要です。");
        if (summary.Check() is { } invalid)
        {
            return invalid;
        }

        if (licences.Find(licence) is null)
        {
            return OpenData.Errors.UnknownLicence(licence, licences);
        }

        var at = new DateTime(nowUtc.Ticks - (nowUtc.Ticks % 10), DateTimeKind.Utc); // what PostgreSQL keeps
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.PublishedPlanSummaries.SingleOrDefaultAsync(s => s.Code == tenant, ct);
        if (row is null)
        {
            db.PublishedPlanSummaries.Add(row = new PublishedPlanSummary { Code = tenant, Title = "", FirstYear = 0, LastYear = 0, Summary = "" });
        }

        row.Title = summary.Title;
        row.FirstYear = summary.Years[0];
        row.LastYear = summary.Years[^1];
        row.Summary = JsonSerializer.Serialize(summary);
        row.PublishedAtUtc = at;
        await db.SaveChangesAsync(ct);
        var dataset = await Publication.PublishAsync(db, DatasetKind.Plan, licence, licences, at, ct);
        if (!dataset.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return dataset.Error!; // the summary row is rolled back with the transaction
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new Published(tenant, summary, at);
    }

    /// <summary>Withdraws the scope's tenant's plan summary from the dashboard and the catalogue.</summary>
    public static async Task<Result<DatasetKind>> WithdrawAsync(AppDbContext db, CancellationToken ct)
    {
        var tenant = db.Scope.TenantId ?? throw new InvalidOperationException("公表の取下げにはテナントの作業単位が必要です。");
        if (!await db.PublishedPlanSummaries.AnyAsync(s => s.Code == tenant, ct))
        {
            return Errors.SummaryNotPublished();
        }

        // Publication removes the summary with the dataset's consent row (one consent for both).
        return await Publication.WithdrawAsync(db, DatasetKind.Plan, ct);
    }

    /// <summary>Every body's published plan summary, by code: the national and prefectural dashboards' list (public data).</summary>
    public static async Task<List<Published>> AllAsync(AppDbContext db, string? prefecture, CancellationToken ct) =>
        [.. (await db.PublishedPlanSummaries.AsNoTracking().Where(s => prefecture == null || s.Code.StartsWith(prefecture)).OrderBy(s => s.Code).ToListAsync(ct))
            .Select(row => new Published(row.Code, row.ToSummary(), row.PublishedAtUtc))];

    /// <summary>
    /// The published plan summary of a body for its public dashboard, or null: public data, readable without a tenant
    /// scope, and only what the body published.
    /// </summary>
    public static async Task<Published?> OfBodyAsync(AppDbContext db, string code, CancellationToken ct) =>
        await db.PublishedPlanSummaries.AsNoTracking().SingleOrDefaultAsync(s => s.Code == code, ct) is { } row
            ? new Published(row.Code, row.ToSummary(), row.PublishedAtUtc)
            : null;
}
