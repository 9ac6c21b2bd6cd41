using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register;

/// <summary>Listing, reading and changing the current tenant's fixed assets.</summary>
public static class FixedAssets
{
    public sealed record Query(string? Text = null, string? Account = null, string? FacilityCode = null, bool IncludeDisposed = true,
        string Sort = "number", bool Descending = false, int Page = 1, int PageSize = 50);

    public static async Task<FacilityRegister.Page<FixedAsset>> ListAsync(AppDbContext db, Query q, CancellationToken ct)
    {
        var rows = db.FixedAssets.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var t = q.Text.Trim();
            rows = rows.Where(a => a.Number.Contains(t) || a.Name.Contains(t) || (a.Location != null && a.Location.Contains(t)));
        }

        if (!string.IsNullOrWhiteSpace(q.Account))
        {
            rows = rows.Where(a => a.Account == q.Account);
        }

        if (!string.IsNullOrWhiteSpace(q.FacilityCode))
        {
            rows = rows.Where(a => a.FacilityCode == q.FacilityCode);
        }

        if (!q.IncludeDisposed)
        {
            rows = rows.Where(a => a.DisposalDate == null);
        }

        rows = (q.Sort, q.Descending) switch
        {
            ("name", false) => rows.OrderBy(a => a.Name).ThenBy(a => a.Number),
            ("name", true) => rows.OrderByDescending(a => a.Name).ThenBy(a => a.Number),
            ("acquired", false) => rows.OrderBy(a => a.AcquisitionDate).ThenBy(a => a.Number),
            ("acquired", true) => rows.OrderByDescending(a => a.AcquisitionDate).ThenBy(a => a.Number),
            ("cost", false) => rows.OrderBy(a => a.AcquisitionCost).ThenBy(a => a.Number),
            ("cost", true) => rows.OrderByDescending(a => a.AcquisitionCost).ThenBy(a => a.Number),
            (_, true) => rows.OrderByDescending(a => a.Number),
            _ => rows.OrderBy(a => a.Number),
        };
        var size = Math.Clamp(q.PageSize, 10, 500);
        var total = await rows.CountAsync(ct);
        var page = Math.Clamp(q.Page, 1, Math.Max(1, (total + size - 1) / size));
        return new FacilityRegister.Page<FixedAsset>(await rows.Skip((page - 1) * size).Take(size).ToListAsync(ct), total, page, size);
    }

    public static Task<FixedAsset?> FindAsync(AppDbContext db, string number, CancellationToken ct) =>
        db.FixedAssets.SingleOrDefaultAsync(a => a.Number == number, ct);

    public static async Task<Result<FixedAsset>> SaveAsync(AppDbContext db, FixedAsset input, bool isNew, DateOnly validFrom, string? reason, DateTime nowUtc, CancellationToken ct)
    {
        var errors = RegisterValidation.Check(input);
        var current = await FindAsync(db, input.Number, ct);
        if (isNew && current is not null)
        {
            errors.Insert(0, Errors.DuplicateAsset(input.Number));
        }

        if (!isNew && current is null)
        {
            return Errors.Required(nameof(FixedAsset.Number), "既存の資産番号");
        }

        if (!string.IsNullOrWhiteSpace(input.FacilityCode) && !await db.Facilities.AnyAsync(f => f.Code == input.FacilityCode, ct))
        {
            errors.Add(Errors.UnknownFacility(input.FacilityCode));
        }

        if (errors.Count > 0)
        {
            return errors[0] with { Message = string.Join(" ", errors.Select(e => e.Message)) };
        }

        var firstVersion = current is null ? await RegisterHistory.FirstVersionAsync(db, RegisterEntryType.Asset, input.Number, ct) : 1;
        RegisterHistory.Apply(db, current, input, validFrom, reason, nowUtc, firstVersion);
        await db.SaveChangesAsync(ct);
        return current ?? input;
    }
}
