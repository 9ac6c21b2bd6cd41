using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Reports;

/// <summary>Receiving residents' reports (web form, Open311) and reading them back.</summary>
public static class ResidentReports
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new(StringComparer.Ordinal);

    public const int MaxDescription = 4000;

    /// <summary>Checks a submission completely, then writes the report, its first history line and its photos at once (the first refusal only).</summary>
    public static async Task<Result<ResidentReport>> SubmitAsync(AppDbContext db, Submission input, DateTime nowUtc, CancellationToken ct)
    {
        var (report, errors) = await SubmitAllAsync(db, input, nowUtc, ct);
        return errors.Count > 0 ? errors[0] : report!;
    }

    /// <summary>
    /// As <see cref="SubmitAsync"/>, with every refusal at once (the residents' form shows them all, issue 22 item 5); nothing
    /// is written unless there is none.
    /// </summary>
    public static async Task<(ResidentReport? Report, List<Error> Errors)> SubmitAllAsync(AppDbContext db, Submission input, DateTime nowUtc, CancellationToken ct)
    {
        var errors = new List<Error>();
        var service = string.IsNullOrWhiteSpace(input.ServiceCode) ? null : await Services.FindAsync(db, input.ServiceCode.Trim(), ct);
        if (string.IsNullOrWhiteSpace(input.ServiceCode))
        {
            errors.Add(Errors.ServiceCodeRequired);
        }
        else if (service is null || !service.IsActive)
        {
            errors.Add(Errors.ServiceNotFound(input.ServiceCode.Trim()));
            service = null;
        }

        // Without a service the rest is still checked against a service with no questions, so every other mistake shows too.
        var (draft, found) = SubmissionCheck.CheckAll(db.Scope.TenantId!, service ?? ReportService.None, input, nowUtc);
        errors.AddRange(found);

        // The pin is checked even when other fields are refused, so that every refusal shows at once.
        if (SubmissionCheck.Pin(input) is var (latitude, longitude)
            && await ReportPlaces.CheckAsync(db, latitude, longitude, ct) is { } outside)
        {
            errors.Add(outside); // the pin is another body's place (ADR 0028), listed with the other refusals
        }

        var photos = new List<Photos.Photo>();
        if (input.Photos.Count > Photos.MaxCount)
        {
            errors.Add(Errors.TooManyPhotos(Photos.MaxCount));
        }
        else
        {
            foreach (var file in input.Photos)
            {
                var photo = Photos.Sanitise(file.Data, file.FileName);
                if (photo.IsSuccess)
                {
                    photos.Add(photo.Value);
                }
                else
                {
                    errors.Add(photo.Error!);
                }
            }
        }

        if (draft is not null && draft.Description is null && input.Photos.Count == 0 && draft.MediaUrls is null && draft.AttributesJson == "{}")
        {
            errors.Add(Errors.Empty);
        }

        if (errors.Count > 0 || draft is null || service is null)
        {
            return (null, errors);
        }

        var written = await WriteAsync(db, draft, photos, ct);
        if (!written.IsSuccess)
        {
            return (null, [written.Error!]);
        }

        if (await ReportRoutes.TargetOfAsync(db, service.Code, ct) is { } target)
        {
            // The tenant routes this kind to another body (ADR 0028). Should that fail (the body stopped taking reports),
            // the report stays with this body's staff, who can forward it by hand: the resident's report is never lost.
            var forwarded = await Forwarding.ForwardAsync(db, written.Value.Id, target, $"種類「{service.Name}」の通報は、この団体に届くように設定されています。", nowUtc, ct);
            return (forwarded.IsSuccess ? forwarded.Value : written.Value, errors);
        }

        return (written.Value, errors);
    }

    /// <summary>A report of the current tenant by its reference number, or null.</summary>
    public static Task<ResidentReport?> FindAsync(AppDbContext db, long id, CancellationToken ct) =>
        db.ResidentReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    public static Task<ResidentReport?> FindByTokenAsync(AppDbContext db, string token, CancellationToken ct) =>
        db.ResidentReports.AsNoTracking().SingleOrDefaultAsync(r => r.Token == token, ct);

    public static Task<List<ReportNote>> NotesAsync(AppDbContext db, long id, bool publicOnly, CancellationToken ct) =>
        db.ReportNotes.AsNoTracking().Where(n => n.ReportId == id && (!publicOnly || n.IsPublic)).OrderBy(n => n.Number).ToListAsync(ct);

    public static Task<List<ReportPhoto>> PhotosAsync(AppDbContext db, long id, CancellationToken ct) =>
        db.ReportPhotos.AsNoTracking().Where(p => p.ReportId == id).OrderBy(p => p.Number).ToListAsync(ct);

    /// <summary>The answers to the service's questions, code → values.</summary>
    public static Dictionary<string, List<string>> AttributesOf(ResidentReport report) =>
        JsonSerializer.Deserialize<Dictionary<string, List<string>>>(report.AttributesJson) ?? [];

    /// <summary>
    /// Open reports of the same service within the service's radius (resident-reporting-features.md §1, duplicates):
    /// what the form suggests before a report is sent. Hidden reports are never suggested; those not yet published are
    /// (the suggestion shows their number and status only, and their status page shows no text until they are published).
    /// </summary>
    public static async Task<List<(ResidentReport Report, double Metres)>> NearbyOpenAsync(
        AppDbContext db, ReportService service, double latitude, double longitude, CancellationToken ct)
    {
        if (service.DuplicateRadiusMetres <= 0)
        {
            return [];
        }

        var filter = new ReportFilter
        {
            ServiceCodes = [service.Code], Statuses = [.. ReportStatuses.All.Where(s => s.IsOpen())],
            Near = new GeoCircle(latitude, longitude, service.DuplicateRadiusMetres), Take = 20, IncludeUnpublished = true,
        };
        var found = await ReportSearch.RunAsync(db, filter, ct);
        return [.. found.Reports.Select(r => (r, GeoCircle.Metres(latitude, longitude, r.Latitude!.Value, r.Longitude!.Value))).OrderBy(x => x.Item2)];
    }

    private static async Task<Result<ResidentReport>> WriteAsync(AppDbContext db, ResidentReport draft, List<Photos.Photo> photos, CancellationToken ct)
    {
        // The reference number is the tenant's next number. It is taken inside the transaction that writes the report,
        // after the tenant's audit lock (PostgreSQL) or the write lock (SQLite), so two reports never get the same one.
        // On SQLite the writers of this process also queue here first: waiting for the database's own lock is a
        // sleep-and-retry loop, which under a burst of reports costs far more than the writes themselves.
        var gate = db.Database.IsSqlite() ? SqliteWriters.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1)) : null;
        if (gate is not null)
        {
            await gate.WaitAsync(ct);
        }

        try
        {
            return await WriteLockedAsync(db, draft, photos, ct);
        }
        finally
        {
            gate?.Release();
        }
    }

    private static async Task<Result<ResidentReport>> WriteLockedAsync(AppDbContext db, ResidentReport draft, List<Photos.Photo> photos, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LastAuditEventAsync(sync: false, ct);
        var id = (await db.ResidentReports.MaxAsync(r => (long?)r.Id, ct) ?? 0) + 1;
        var report = draft;
        report.Id = id;
        db.ResidentReports.Add(report);
        db.ReportNotes.Add(new ReportNote
        {
            TenantId = report.TenantId, ReportId = id, Number = 1, AtUtc = report.RequestedAtUtc, Type = "submitted",
            Status = ReportStatus.Received, IsPublic = true, Author = db.Scope.Actor,
        });
        for (var i = 0; i < photos.Count; i++)
        {
            db.ReportPhotos.Add(new ReportPhoto
            {
                TenantId = report.TenantId, ReportId = id, Number = i + 1, ContentType = photos[i].ContentType,
                Content = photos[i].Content, Width = photos[i].Width, Height = photos[i].Height,
            });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return report;
    }

    internal static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    internal static string Invariant(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
