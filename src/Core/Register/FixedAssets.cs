using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register;

/// <summary>Listing, reading and changing the current tenant's fixed assets.</summary>
public static class FixedAssets
{
    public sealed record Query(string? Text = null, string? Account = null, string? FacilityCode = null, bool IncludeDisposed = true,
        string Sort = "number", bool Descending = false, int Page = 1, int PageSize = 50, string? After = null, string? Before = null,
        int ExactCountUpTo = ListCount.ExactUpTo);

    /// <summary>As <see cref="FacilityRegister.ListAsync"/>: by key, each sort indexed, text through the search index, 資産番号 in natural order.</summary>
    public static async Task<FacilityRegister.Page<FixedAsset>> ListAsync(AppDbContext db, Query q, CancellationToken ct)
    {
        var terms = Search.SearchText.Terms(q.Text);
        var rows = (terms.Count > 0 ? await Search.SearchMatch.AssetsAsync(db, terms, ct) : db.FixedAssets).AsNoTracking();
        var account = string.IsNullOrWhiteSpace(q.Account) ? null : q.Account;
        if (account is not null)
        {
            rows = rows.Where(a => a.Account == account);
        }

        var facility = string.IsNullOrWhiteSpace(q.FacilityCode) ? null : q.FacilityCode;
        if (facility is not null)
        {
            rows = rows.Where(a => a.FacilityCode == facility);
        }

        if (!q.IncludeDisposed)
        {
            rows = rows.Where(a => a.DisposalDate == null);
        }

        var nullsFirst = !db.Database.IsNpgsql();
        var request = new ListPaging.Request(q.Page, q.PageSize, q.Descending, q.After, q.Before, q.ExactCountUpTo);
        var narrowed = terms.Count > 0 ? db.FixedAssets.AsNoTracking() : null;
        Task<Dictionary<string, FixedAsset>> Load(List<string> keys) =>
            db.FixedAssets.AsNoTracking().Where(a => keys.Contains(a.Number)).ToDictionaryAsync(a => a.Number, ct);
        (string, object[]) Estimate()
        {
            var sql = new System.Text.StringBuilder("SELECT 1 FROM fixed_assets WHERE tenant_id = CAST(@p0 AS character(6))");
            var parameters = new List<object> { db.Scope.TenantId! };
            void Add(string condition, object value)
            {
                sql.Append(" AND ").Append(condition.Replace("@p", "@p" + parameters.Count, StringComparison.Ordinal));
                parameters.Add(value);
            }

            if (account is not null)
            {
                Add("account = @p", account);
            }

            if (facility is not null)
            {
                Add("facility_code = @p", facility);
            }

            if (!q.IncludeDisposed)
            {
                sql.Append(" AND disposal_date IS NULL");
            }

            foreach (var term in terms)
            {
                Add("search_text LIKE @p", Search.SearchText.ContainsPattern(term));
            }

            return (sql.ToString(), parameters.ToArray());
        }

        return q.Sort switch
        {
            "name" => await ListPaging.PageAsync(db, rows, new Keyset<FixedAsset, string>(a => a.Name, a => a.Number, nullsFirst), a => a.Number, Load, request, Estimate, ct, narrowed),
            "acquired" => await ListPaging.PageAsync(db, rows, new Keyset<FixedAsset, DateOnly?>(a => a.AcquisitionDate, a => a.Number, nullsFirst), a => a.Number, Load, request, Estimate, ct, narrowed),
            "cost" => await ListPaging.PageAsync(db, rows, new Keyset<FixedAsset, decimal>(a => a.AcquisitionCost, a => a.Number, nullsFirst), a => a.Number, Load, request, Estimate, ct, narrowed),
            _ => await ListPaging.PageAsync(db, rows, new Keyset<FixedAsset, string?>(a => a.NumberOrder, a => a.Number, nullsFirst), a => a.Number, Load, request, Estimate, ct, narrowed),
        };
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
