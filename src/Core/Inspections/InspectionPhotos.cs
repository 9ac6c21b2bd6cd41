using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Inspections;

/// <summary>
/// The photos of the current tenant's inspections: added (all the files of an upload or none), listed, read, deleted.
/// Every file goes through <see cref="Photos.Sanitise"/>: an inspector's photos are not public, but the stored copy
/// should not carry the phone's position, serial or dates either (they would travel with every download).
/// </summary>
public static class InspectionPhotos
{
    /// <summary>The most photos one inspection may carry.</summary>
    public const int MaxPerInspection = 10;

    /// <summary>The longest caption.</summary>
    public const int MaxCaption = 200;

    /// <summary>The form field the files come from (refusals are shown next to it).</summary>
    public const string Field = "PhotoFiles";

    /// <summary>An uploaded file: its name as chosen, its announced length (checked before reading) and its bytes.</summary>
    public sealed record Upload(string FileName, long Length, Stream Content);

    /// <summary>What a list shows of a photo (without its bytes).</summary>
    public sealed record Info(long InspectionId, int Number, string FileName, string? Caption, string ContentType, int Width, int Height);

    /// <summary>The photos of one inspection, in order.</summary>
    public static Task<List<Info>> ListAsync(AppDbContext db, long inspectionId, CancellationToken ct) =>
        Infos(db.InspectionPhotos.Where(p => p.InspectionId == inspectionId)).ToListAsync(ct);

    /// <summary>The photos of a facility's inspections, by inspection.</summary>
    public static async Task<Dictionary<long, List<Info>>> OfFacilityAsync(AppDbContext db, string facilityCode, CancellationToken ct)
    {
        var ids = db.Inspections.Where(i => i.FacilityCode == facilityCode).Select(i => i.Id);
        var infos = await Infos(db.InspectionPhotos.Where(p => ids.Contains(p.InspectionId))).ToListAsync(ct);
        return infos.GroupBy(i => i.InspectionId).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>One photo with its bytes; null when the tenant has no such photo.</summary>
    public static Task<InspectionPhoto?> FindAsync(AppDbContext db, long inspectionId, int number, CancellationToken ct) =>
        db.InspectionPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.InspectionId == inspectionId && p.Number == number, ct);

    /// <summary>Adds the files to an inspection: every file is checked and rewritten first, and nothing is written when one is refused.</summary>
    public static async Task<Result<List<InspectionPhoto>>> AddAsync(AppDbContext db, long inspectionId, IReadOnlyList<Upload> uploads, string? caption, CancellationToken ct)
    {
        if (!await db.Inspections.AnyAsync(i => i.Id == inspectionId, ct))
        {
            return Errors.InspectionNotFound(inspectionId);
        }

        var numbers = await db.InspectionPhotos.Where(p => p.InspectionId == inspectionId).Select(p => p.Number).ToListAsync(ct);
        var photos = await PrepareAsync(db.Scope.TenantId!, inspectionId, numbers, uploads, caption, ct);
        if (!photos.IsSuccess)
        {
            return photos.Error!;
        }

        db.InspectionPhotos.AddRange(photos.Value);
        await db.SaveChangesAsync(ct);
        return photos.Value;
    }

    public static async Task<Result<InspectionPhoto>> DeleteAsync(AppDbContext db, long inspectionId, int number, CancellationToken ct)
    {
        if (await db.InspectionPhotos.SingleOrDefaultAsync(p => p.InspectionId == inspectionId && p.Number == number, ct) is not { } photo)
        {
            return Errors.PhotoNotFound(number);
        }

        db.InspectionPhotos.Remove(photo);
        await db.SaveChangesAsync(ct);
        return photo;
    }

    /// <summary>
    /// Reads, checks and rewrites the uploads into rows numbered after <paramref name="existing"/>; the first refusal is
    /// returned (its field: <see cref="Field"/>) and no row is made. Empty file inputs (no name, no bytes) are skipped.
    /// </summary>
    internal static async Task<Result<List<InspectionPhoto>>> PrepareAsync(string tenantId, long inspectionId, IReadOnlyCollection<int> existing,
        IReadOnlyList<Upload> uploads, string? caption, CancellationToken ct)
    {
        var files = uploads.Where(u => u.Length > 0 || !string.IsNullOrWhiteSpace(u.FileName)).ToList();
        if (files.Count == 0)
        {
            return new List<InspectionPhoto>();
        }

        if (existing.Count + files.Count > MaxPerInspection)
        {
            return Errors.TooManyPhotos(MaxPerInspection, existing.Count);
        }

        caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim();
        if (caption?.Length > MaxCaption)
        {
            return Errors.CaptionTooLong(MaxCaption);
        }

        var next = existing.Count == 0 ? 1 : existing.Max() + 1;
        var rows = new List<InspectionPhoto>();
        foreach (var file in files)
        {
            var name = FileNameOf(file.FileName);
            if (file.Length > Photos.MaxBytes)
            {
                // Refused before reading: the announced length is enough.
                return Reports.Errors.PhotoSize(name, file.Length) with { Field = Field };
            }

            using var buffer = new MemoryStream();
            await file.Content.CopyToAsync(buffer, ct);
            var sanitised = Photos.Sanitise(buffer.ToArray(), name);
            if (!sanitised.IsSuccess)
            {
                return sanitised.Error! with { Field = Field };
            }

            var photo = sanitised.Value;
            rows.Add(new InspectionPhoto
            {
                TenantId = tenantId, InspectionId = inspectionId, Number = next++, ContentType = photo.ContentType, Content = photo.Content,
                Width = photo.Width, Height = photo.Height, FileName = name, Caption = caption,
            });
        }

        return rows;
    }

    /// <summary>The name without any folder a browser may send, at most 200 characters (the column's length).</summary>
    private static string FileNameOf(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        name = name.Length == 0 ? "写真" : name;
        return name.Length > 200 ? name[..200] : name;
    }

    private static IQueryable<Info> Infos(IQueryable<InspectionPhoto> photos) =>
        photos.AsNoTracking().OrderBy(p => p.InspectionId).ThenBy(p => p.Number)
            .Select(p => new Info(p.InspectionId, p.Number, p.FileName, p.Caption, p.ContentType, p.Width, p.Height));
}
