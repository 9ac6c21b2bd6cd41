using InfraLedger.Core.Database;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Register;
using InfraLedger.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Search;

/// <summary>
/// The rows of one kind whose search text holds every term (terms from <see cref="SearchText.Terms"/>), through the search
/// index: on PostgreSQL <c>search_text LIKE '%…%'</c> for each of the query's rarest windows and then each term, in that
/// order (<see cref="SearchSample"/>, ADR 0034), which the trigram GIN index (search_text, tenant_id) answers; on
/// SQLite the FTS5 trigram table of the kind (<c>MATCH</c> of the quoted terms). A term under three characters has no
/// trigram: it is matched by LIKE over the tenant's rows (slower on a large register; the search page says so).
/// The tenant filter of the context applies as everywhere.
/// </summary>
public static class SearchMatch
{
    public static async Task<IQueryable<Facility>> FacilitiesAsync(AppDbContext db, IReadOnlyList<string> terms, CancellationToken ct) =>
        Facilities(db, terms, await SearchSample.KeysAsync(db, "facilities", terms, ct));

    public static IQueryable<Facility> Facilities(AppDbContext db, IReadOnlyList<string> terms, IReadOnlyList<string> keys) =>
        Match(db, db.Facilities, "facilities", terms, keys, (rows, pattern) => rows.Where(f => EF.Functions.Like(f.SearchText, pattern, "\\")));

    public static async Task<IQueryable<FixedAsset>> AssetsAsync(AppDbContext db, IReadOnlyList<string> terms, CancellationToken ct) =>
        Assets(db, terms, await SearchSample.KeysAsync(db, "fixed_assets", terms, ct));

    public static IQueryable<FixedAsset> Assets(AppDbContext db, IReadOnlyList<string> terms, IReadOnlyList<string> keys) =>
        Match(db, db.FixedAssets, "fixed_assets", terms, keys, (rows, pattern) => rows.Where(a => EF.Functions.Like(a.SearchText, pattern, "\\")));

    public static IQueryable<Inspection> Inspections(AppDbContext db, IReadOnlyList<string> terms, IReadOnlyList<string> keys) =>
        Match(db, db.Inspections, "inspections", terms, keys, (rows, pattern) => rows.Where(i => EF.Functions.Like(i.SearchText, pattern, "\\")));

    public static IQueryable<ResidentReport> Reports(AppDbContext db, IReadOnlyList<string> terms, IReadOnlyList<string> keys) =>
        Match(db, db.ResidentReports, "resident_reports", terms, keys, (rows, pattern) => rows.Where(r => EF.Functions.Like(r.SearchText, pattern, "\\")));

    private static IQueryable<T> Match<T>(AppDbContext db, DbSet<T> set, string table, IReadOnlyList<string> terms, IReadOnlyList<string> keys,
        Func<IQueryable<T>, string, IQueryable<T>> like)
        where T : class
    {
        IQueryable<T> rows = set;
        if (db.Database.IsSqlite() && SearchText.Indexable(terms))
        {
            // The table name is one of four constants; the terms go as a parameter.
#pragma warning disable EF1002
            rows = set.FromSqlRaw(
                $"SELECT * FROM \"{table}\" WHERE rowid IN (SELECT rowid FROM \"{table}_search\" WHERE \"{table}_search\" MATCH {{0}})",
                string.Join(" AND ", terms.Select(SearchText.FtsPhrase)));
#pragma warning restore EF1002
            return rows;
        }

        foreach (var key in keys)
        {
            rows = like(rows, SearchText.ContainsPattern(key));
        }

        return rows;
    }
}
