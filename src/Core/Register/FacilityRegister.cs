using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register;

/// <summary>Listing, reading and changing the current tenant's facilities.</summary>
public static class FacilityRegister
{
    /// <summary>
    /// A list's filters, sort and page: <c>After</c> is the cursor of the row the page starts after (next page), <c>Before</c>
    /// of the row it ends before (previous); without a cursor <c>Page</c> is the page to jump to, with one only the number shown.
    /// </summary>
    public sealed record Query(string? Text = null, AssetKind? Kind = null, FacilityStatus? Status = null, string? UsageMajor = null,
        string Sort = "code", bool Descending = false, int Page = 1, int PageSize = 50, string? After = null, string? Before = null,
        int ExactCountUpTo = ListCount.ExactUpTo);

    /// <summary>A page of a list: its rows, how many in all (or about, <see cref="Estimated"/>), and the cursors to its neighbours.</summary>
    public sealed record Page<T>(IReadOnlyList<T> Rows, int Total, int PageNumber, int PageSize)
    {
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

        public bool Estimated { get; init; }

        /// <summary>Cursor of the next page (after the last row), null on the last page.</summary>
        public string? NextCursor { get; init; }

        /// <summary>Cursor of the previous page (before the first row), null on the first page.</summary>
        public string? PreviousCursor { get; init; }
    }

    /// <summary>
    /// Filtered, sorted, paged by key (<see cref="Keyset{T, TValue}"/>): every sort has an index (tenant_id, column, 施設コード),
    /// the text filter uses the search index (<see cref="Search.SearchMatch"/>), the count is exact up to
    /// <see cref="Query.ExactCountUpTo"/> and estimated beyond (<see cref="ListCount"/>). Codes sort naturally (FH-2 before FH-10).
    /// </summary>
    public static async Task<Page<Facility>> ListAsync(AppDbContext db, Query q, CancellationToken ct)
    {
        var terms = Search.SearchText.Terms(q.Text);
        var rows = terms.Count > 0 ? await Search.SearchMatch.FacilitiesAsync(db, terms, ct) : db.Facilities;
        rows = rows.AsNoTracking();
        if (q.Kind is { } kind)
        {
            rows = rows.Where(f => f.Kind == kind);
        }

        if (q.Status is { } status)
        {
            rows = rows.Where(f => f.Status == status);
        }

        var usage = string.IsNullOrWhiteSpace(q.UsageMajor) ? null : q.UsageMajor;
        if (usage is not null)
        {
            rows = rows.Where(f => f.UsageMajor == usage);
        }

        var nullsFirst = !db.Database.IsNpgsql();
        return q.Sort switch
        {
            "name" => await PagedAsync(db, rows, new Keyset<Facility, string>(f => f.Name, f => f.Code, nullsFirst), q, terms, usage, ct),
            "year" => await PagedAsync(db, rows, new Keyset<Facility, int?>(f => f.YearBuilt, f => f.Code, nullsFirst), q, terms, usage, ct),
            "quantity" => await PagedAsync(db, rows, new Keyset<Facility, decimal?>(f => f.Quantity, f => f.Code, nullsFirst), q, terms, usage, ct),
            _ => await PagedAsync(db, rows, new Keyset<Facility, string?>(f => f.CodeOrder, f => f.Code, nullsFirst), q, terms, usage, ct),
        };
    }

    private static Task<Page<Facility>> PagedAsync<TValue>(AppDbContext db, IQueryable<Facility> rows, Keyset<Facility, TValue> keyset, Query q,
        IReadOnlyList<string> terms, string? usage, CancellationToken ct) =>
        ListPaging.PageAsync(db, rows, keyset, f => f.Code,
            keys => db.Facilities.AsNoTracking().Where(f => keys.Contains(f.Code)).ToDictionaryAsync(f => f.Code, ct),
            new ListPaging.Request(q.Page, q.PageSize, q.Descending, q.After, q.Before, q.ExactCountUpTo), () => EstimateSql(db, q, terms, usage), ct,
            terms.Count > 0 ? db.Facilities.AsNoTracking() : null);

    private static (string, object[]) EstimateSql(AppDbContext db, Query q, IReadOnlyList<string> terms, string? usage)
    {
        var sql = new System.Text.StringBuilder("SELECT 1 FROM facilities WHERE tenant_id = CAST(@p0 AS character(6))");
        var parameters = new List<object> { db.Scope.TenantId! };
        void Add(string condition, object value)
        {
            sql.Append(" AND ").Append(condition.Replace("@p", "@p" + parameters.Count, StringComparison.Ordinal));
            parameters.Add(value);
        }

        if (q.Kind is { } kind)
        {
            Add("kind = @p", (int)kind);
        }

        if (q.Status is { } status)
        {
            Add("status = @p", (int)status);
        }

        if (usage is not null)
        {
            Add("usage_major = @p", usage);
        }

        foreach (var term in terms)
        {
            Add("search_text LIKE @p", Search.SearchText.ContainsPattern(term));
        }

        return (sql.ToString(), parameters.ToArray());
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
