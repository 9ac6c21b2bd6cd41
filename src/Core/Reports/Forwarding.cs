using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace InfraLedger.Core.Reports;

/// <summary>
/// 管轄外 reports handed to the body responsible (issue 22 item 3, ADR 0028): the report is copied to the receiving tenant
/// as a new report there (its own reference number, not yet published, linked back), and the first body's report is
/// closed as 管轄外 with a public line naming where it went. Both writes are one transaction on one connection, each
/// audited in its own tenant's chain; the receiving tenant's rows are written by a context scoped to that tenant, so the
/// tenant guard of every save still holds.
/// </summary>
public static class Forwarding
{
    /// <summary>What the sending body may know of the report it forwarded: its number, status and times there, never its notes.</summary>
    public sealed record Onward(string TenantId, string BodyName, long ReportId, ReportStatus Status, DateTime UpdatedAtUtc);

    public static async Task<Result<ResidentReport>> ForwardAsync(AppDbContext db, long id, string? targetCode, string? note, DateTime nowUtc, CancellationToken ct)
    {
        var own = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。");
        var target = await Tenants.FindAsync(db, targetCode?.Trim(), ct);
        if (!target.IsSuccess)
        {
            return Errors.ForwardTarget(targetCode?.Trim() ?? "", target.Error!.Message);
        }

        var body = target.Value;
        if (body.Code == own)
        {
            return Errors.ForwardToSelf;
        }

        if (!await CrossTenant.TakesReportsAsync(db, body.Code, ct))
        {
            return Errors.ForwardTarget(body.Code, $"{body.Name}は通報を受け付けていません（通報の種類がありません）。");
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text?.Length > ResidentReports.MaxDescription)
        {
            return Errors.TooLong("ForwardNote", "転送のお知らせ", ResidentReports.MaxDescription);
        }

        var report = await db.ResidentReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return Errors.ReportNotFound(id.ToString(CultureInfo.InvariantCulture));
        }

        if (report.ForwardedToTenantId is not null)
        {
            return Errors.AlreadyForwarded(id);
        }

        var services = await CrossTenant.ActiveReportServicesOfAsync(db, body.Code, ct);
        // The same kind when the receiving body has it, else its first kind: its staff re-file it if need be.
        var service = services.FirstOrDefault(s => s.Code == report.ServiceCode) ?? services[0];
        var photos = await db.ReportPhotos.AsNoTracking().Where(p => p.ReportId == id).OrderBy(p => p.Number).ToListAsync(ct);
        var ownName = await db.LocalGovernments.Where(b => b.Code == own).Select(b => b.Name).SingleAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using var there = ContextOf(db, LocalGovernmentCode.Parse(body.Code).Value, $"{db.Scope.Actor}@{own}");
        await there.Database.UseTransactionAsync(transaction.GetDbTransaction(), ct);

        // Both tenants' audit locks, always in code order, so that two bodies forwarding to each other cannot deadlock.
        foreach (var context in new[] { db, there }.OrderBy(c => c.Scope.TenantId, StringComparer.Ordinal))
        {
            await context.LastAuditEventAsync(sync: false, ct);
        }

        var number = (await there.ResidentReports.MaxAsync(r => (long?)r.Id, ct) ?? 0) + 1;
        there.ResidentReports.Add(new ResidentReport
        {
            TenantId = body.Code, Id = number, Token = ResidentReports.NewToken(), ServiceCode = service.Code, Status = ReportStatus.Received,
            Description = report.Description, Latitude = report.Latitude, Longitude = report.Longitude, Address = report.Address,
            AddressId = report.AddressId, Zipcode = report.Zipcode, AttributesJson = service.Code == report.ServiceCode ? report.AttributesJson : "{}",
            MediaUrls = report.MediaUrls, Email = report.Email, Phone = report.Phone, FirstName = report.FirstName, LastName = report.LastName,
            DeviceId = report.DeviceId, AccountId = report.AccountId, Channel = report.Channel, Section = service.Section,
            RequestedAtUtc = report.RequestedAtUtc, UpdatedAtUtc = nowUtc,
            ExpectedAtUtc = service.ExpectedDays is { } days ? nowUtc.AddDays(days) : null,
            ForwardedFromTenantId = own, ForwardedFromReportId = id,
        });
        there.ReportNotes.Add(new ReportNote
        {
            TenantId = body.Code, ReportId = number, Number = 1, AtUtc = nowUtc, Type = "forwarded_in", Status = ReportStatus.Received,
            Text = $"{ownName}（受付番号 {id}）から転送されました。" + (text is null ? "" : "\n" + text), IsPublic = true, Author = there.Scope.Actor,
        });
        foreach (var photo in photos)
        {
            there.ReportPhotos.Add(new ReportPhoto
            {
                TenantId = body.Code, ReportId = number, Number = photo.Number, ContentType = photo.ContentType, Content = photo.Content,
                Width = photo.Width, Height = photo.Height, IsHidden = photo.IsHidden,
            });
        }

        await there.SaveChangesAsync(ct);

        var wasOpen = report.Status.IsOpen();
        report.Status = ReportStatus.NotResponsible;
        report.DuplicateOfId = null;
        report.ForwardedToTenantId = body.Code;
        report.ForwardedToReportId = number;
        report.StatusNotes = $"{body.Name}の担当のため、{body.Name}に転送しました（{body.Name}の受付番号 {number}）。" + (text is null ? "" : "\n" + text);
        report.UpdatedAtUtc = nowUtc;
        report.RespondedAtUtc ??= nowUtc;
        report.ClosedAtUtc = wasOpen ? nowUtc : report.ClosedAtUtc;
        var line = (await db.ReportNotes.Where(n => n.ReportId == id).MaxAsync(n => (int?)n.Number, ct) ?? 0) + 1;
        db.ReportNotes.Add(new ReportNote
        {
            TenantId = own, ReportId = id, Number = line, AtUtc = nowUtc, Type = "forwarded", Status = report.Status,
            Text = report.StatusNotes, IsPublic = true, Author = db.Scope.Actor,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return report;
    }

    /// <summary>Where a report of the current tenant went, read across the tenant line only when the receiving row links back.</summary>
    public static async Task<Onward?> OnwardAsync(AppDbContext db, ResidentReport report, CancellationToken ct)
    {
        if (report is not { ForwardedToTenantId: { } tenant, ForwardedToReportId: { } number })
        {
            return null;
        }

        var state = await CrossTenant.ForwardedReportStateAsync(db, tenant, number, report.TenantId, report.Id, ct);
        var name = await db.LocalGovernments.Where(b => b.Code == tenant).Select(b => b.Name).SingleAsync(ct);
        return state is { } s ? new Onward(tenant, name, number, s.Status, s.UpdatedAtUtc) : null;
    }

    /// <summary>The name of a body (the sender of a forwarded report, the receiver of one), from the reference table.</summary>
    public static Task<string?> BodyNameAsync(AppDbContext db, string? code, CancellationToken ct) =>
        code is null ? Task.FromResult<string?>(null) : db.LocalGovernments.Where(b => b.Code == code).Select(b => b.Name).SingleOrDefaultAsync(ct);

    /// <summary>A context of another tenant on the same connection (to share the transaction); nothing else is configured on it.</summary>
    private static AppDbContext ContextOf(AppDbContext db, LocalGovernmentCode tenant, string actor)
    {
        var connection = db.Database.GetDbConnection();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        _ = db.Database.IsNpgsql() ? options.UseNpgsql(connection) : options.UseSqlite(connection);
        var scope = new TenantScope { Actor = actor };
        scope.Enter(tenant);
        return new AppDbContext(options.Options, scope);
    }
}
