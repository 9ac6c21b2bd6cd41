using System.Linq.Expressions;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Search;

public enum SearchKind
{
    Facility = 1,   // 施設
    Asset = 2,      // 固定資産
    Inspection = 3, // 点検記録
    Report = 4,     // 住民からの通報
}

/// <summary>One search over the current tenant's facilities, fixed assets, inspections and residents' reports (issue 21 item 4).</summary>
public static class TenantSearch
{
    /// <summary>A row found: the key its page is reached by, a title and a line of detail.</summary>
    public sealed record Hit(SearchKind Kind, string Key, string Title, string? Detail);

    /// <summary>The rows found of one kind: a page of them and how many (exact up to <see cref="CountUpTo"/>, else "more than").</summary>
    public sealed record Group(SearchKind Kind, IReadOnlyList<Hit> Hits, int Count, bool More, int Page, int PageSize)
    {
        public int PageCount => Math.Max(1, (Math.Min(Count, CountUpTo) + PageSize - 1) / PageSize);
    }

    /// <summary>The normalised terms, whether the trigram index answered (false when a term is under three characters: a scan), the groups.</summary>
    public sealed record Outcome(IReadOnlyList<string> Terms, bool Indexed, IReadOnlyList<Group> Groups);

    public const int CountUpTo = 1000;

    public static string Label(SearchKind kind) => kind switch
    {
        SearchKind.Facility => "施設",
        SearchKind.Asset => "固定資産",
        SearchKind.Inspection => "点検記録",
        _ => "住民からの通報",
    };

    /// <summary>Every kind (or only <paramref name="only"/>), <paramref name="pageSize"/> hits each, page <paramref name="page"/> of the one kind asked.</summary>
    public static async Task<Outcome> SearchAsync(AppDbContext db, string? query, SearchKind? only, int page, int pageSize, CancellationToken ct)
    {
        var terms = SearchText.Terms(query);
        if (terms.Count == 0)
        {
            return new Outcome(terms, true, []);
        }

        var kinds = Enum.GetValues<SearchKind>().Where(k => only is null || only == k).ToList();
        var keys = await SearchSample.KeysAsync(db, kinds.Select(Table).ToList(), terms, ct);
        var groups = new List<Group>();
        foreach (var kind in kinds)
        {
            var p = only is null ? 1 : Math.Clamp(page, 1, CountUpTo / pageSize);
            groups.Add(kind switch
            {
                SearchKind.Facility => await GroupAsync(kind, SearchMatch.Facilities(db, terms, keys[Table(kind)]), db.Facilities, f => f.Code, p, pageSize,
                    rows => rows.OrderBy(f => f.CodeOrder).ThenBy(f => f.Code).Select(f => new Row(f.Code, f.Name, f.Address, null, null)),
                    r => new Hit(kind, r.Key, r.Key + " " + r.Title, r.Detail), ct),
                SearchKind.Asset => await GroupAsync(kind, SearchMatch.Assets(db, terms, keys[Table(kind)]), db.FixedAssets, a => a.Number, p, pageSize,
                    rows => rows.OrderBy(a => a.NumberOrder).ThenBy(a => a.Number).Select(a => new Row(a.Number, a.Name, a.Location, null, null)),
                    r => new Hit(kind, r.Key, r.Key + " " + r.Title, r.Detail), ct),
                SearchKind.Inspection => await GroupAsync(kind, SearchMatch.Inspections(db, terms, keys[Table(kind)]), db.Inspections, i => i.Id, p, pageSize,
                    rows => rows.OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.Id)
                        .Select(i => new Row(i.FacilityCode, db.Facilities.Where(f => f.Code == i.FacilityCode).Select(f => f.Name).FirstOrDefault() ?? "",
                            i.Findings, i.Member, i.InspectedOn)),
                    r => new Hit(kind, r.Key, $"{r.On:yyyy-MM-dd} {r.Key} {r.Title} {r.Extra}".TrimEnd(), r.Detail), ct),
                _ => await GroupAsync(kind, SearchMatch.Reports(db, terms, keys[Table(kind)]), db.ResidentReports, r => r.Id, p, pageSize,
                    rows => rows.OrderByDescending(r => r.Id).Select(r => new Row(r.Id.ToString(), r.Address ?? "", r.Description, null, null)),
                    r => new Hit(kind, r.Key, $"受付番号 {r.Key} {r.Title}", r.Detail), ct),
            });
        }

        return new Outcome(terms, SearchText.Indexable(terms), groups);
    }

    private static string Table(SearchKind kind) => kind switch
    {
        SearchKind.Facility => "facilities",
        SearchKind.Asset => "fixed_assets",
        SearchKind.Inspection => "inspections",
        _ => "resident_reports",
    };

    private sealed record Row(string Key, string Title, string? Detail, string? Extra, DateOnly? On);

    // One scan of the search index per kind: the keys found, one more than counted; when they are all, the page is read from
    // them by key (ordering the matches instead would let the planner walk the sort's index testing every row, and scan the
    // trigram index a second time).
    private static async Task<Group> GroupAsync<T, TKey>(SearchKind kind, IQueryable<T> rows, IQueryable<T> all, Expression<Func<T, TKey>> key, int page,
        int pageSize, Func<IQueryable<T>, IQueryable<Row>> shape, Func<Row, Hit> hit, CancellationToken ct)
        where T : class
    {
        var keys = await rows.AsNoTracking().Select(key).Take(CountUpTo + 1).ToListAsync(ct);
        var count = keys.Count;
        if (count <= CountUpTo)
        {
            rows = all.Where(Register.ListPaging.KeyIn(key, keys));
        }

        var found = count == 0 ? [] : await shape(rows.AsNoTracking()).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Group(kind, found.Select(r => hit(r) with { Detail = Shorten(r.Detail) }).ToList(), Math.Min(count, CountUpTo), count > CountUpTo, page, pageSize);
    }

    private static string? Shorten(string? text) => text is { Length: > 80 } ? text[..80] + "…" : text;
}
