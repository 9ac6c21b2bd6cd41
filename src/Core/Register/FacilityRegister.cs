using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register;

/// <summary>Listing, reading and changing the current tenant's facilities.</summary>
public static class FacilityRegister
{
    public sealed record Query(string? Text = null, AssetKind? Kind = null, FacilityStatus? Status = null, string? UsageMajor = null,
        string Sort = "code", bool Descending = false, int Page = 1, int PageSize = 50);

    public sealed record Page<T>(IReadOnlyList<T> Rows, int Total, int PageNumber, int PageSize)
    {
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    /// <summary>Filtered, sorted, paged; every filter and sort column has an index that starts with tenant_id.</summary>
    public static async Task<Page<Facility>> ListAsync(AppDbContext db, Query q, CancellationToken ct)
    {
        var rows = db.Facilities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var t = q.Text.Trim();
            rows = rows.Where(f => f.Code.Contains(t) || f.Name.Contains(t) || (f.Kana != null && f.Kana.Contains(t)) || (f.Address != null && f.Address.Contains(t)));
        }

        if (q.Kind is { } kind)
        {
            rows = rows.Where(f => f.Kind == kind);
        }

        if (q.Status is { } status)
        {
            rows = rows.Where(f => f.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(q.UsageMajor))
        {
            rows = rows.Where(f => f.UsageMajor == q.UsageMajor);
        }

        rows = (q.Sort, q.Descending) switch
        {
            ("name", false) => rows.OrderBy(f => f.Name).ThenBy(f => f.Code),
            ("name", true) => rows.OrderByDescending(f => f.Name).ThenBy(f => f.Code),
            ("year", false) => rows.OrderBy(f => f.YearBuilt).ThenBy(f => f.Code),
            ("year", true) => rows.OrderByDescending(f => f.YearBuilt).ThenBy(f => f.Code),
            ("quantity", false) => rows.OrderBy(f => f.Quantity).ThenBy(f => f.Code),
            ("quantity", true) => rows.OrderByDescending(f => f.Quantity).ThenBy(f => f.Code),
            (_, true) => rows.OrderByDescending(f => f.Code),
            _ => rows.OrderBy(f => f.Code),
        };
        var size = Math.Clamp(q.PageSize, 10, 500);
        var total = await rows.CountAsync(ct);
        var page = Math.Clamp(q.Page, 1, Math.Max(1, (total + size - 1) / size));
        var list = await rows.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<Facility>(list, total, page, size);
    }

    public static Task<Facility?> FindAsync(AppDbContext db, string code, CancellationToken ct) =>
        db.Facilities.SingleOrDefaultAsync(f => f.Code == code, ct);

    /// <summary>Creates (when <paramref name="isNew"/>) or changes a facility; all field errors at once, nothing written on error.</summary>
    public static async Task<Result<Facility>> SaveAsync(AppDbContext db, Facility input, bool isNew, DateOnly validFrom, string? reason, DateTime nowUtc, CancellationToken ct)
    {
        var errors = RegisterValidation.Check(input, nowUtc.Year);
        var current = await FindAsync(db, input.Code, ct);
        if (isNew && current is not null)
        {
            errors.Insert(0, Errors.DuplicateFacility(input.Code));
        }

        if (!isNew && current is null)
        {
            return Errors.UnknownFacility(input.Code);
        }

        if (errors.Count > 0)
        {
            return errors[0] with { Message = string.Join(" ", errors.Select(e => e.Message)) };
        }

        var firstVersion = current is null ? await RegisterHistory.FirstVersionAsync(db, RegisterEntryType.Facility, input.Code, ct) : 1;
        RegisterHistory.Apply(db, current, input, validFrom, reason, nowUtc, firstVersion);
        await db.SaveChangesAsync(ct);
        return current ?? input;
    }

    public static async Task<Result<Facility>> DeleteAsync(AppDbContext db, string code, DateOnly validFrom, string? reason, DateTime nowUtc, CancellationToken ct)
    {
        var current = await FindAsync(db, code, ct);
        if (current is null)
        {
            return Errors.UnknownFacility(code);
        }

        var assets = await db.FixedAssets.CountAsync(a => a.FacilityCode == code, ct);
        if (assets > 0)
        {
            return Errors.FacilityHasAssets(code, assets);
        }

        RegisterHistory.Delete(db, current, validFrom, reason, nowUtc);
        await db.SaveChangesAsync(ct);
        return current;
    }

    public static string KindLabel(AssetKind kind) => kind switch
    {
        AssetKind.Building => "建物",
        AssetKind.Road => "道路",
        AssetKind.Bridge => "橋梁",
        AssetKind.Tunnel => "トンネル",
        AssetKind.WaterPipe => "上水道管",
        AssetKind.SewerPipe => "下水道管",
        AssetKind.Park => "公園",
        _ => "その他",
    };

    public static string StatusLabel(FacilityStatus status) => status switch
    {
        FacilityStatus.InService => "供用中",
        FacilityStatus.Closed => "廃止",
        _ => "計画",
    };

    public static string QuantityLabel(QuantityKind? kind) => kind switch
    {
        QuantityKind.FloorArea => "延床面積（㎡）",
        QuantityKind.Length => "延長（m）",
        QuantityKind.Area => "面積（㎡）",
        _ => "数量",
    };
}
