using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Search;

/// <summary>
/// How common each window of a query is in one table, from PostgreSQL's statistics sample of its <c>search_text</c>
/// (<c>pg_stats</c>: the most common values and the histogram bounds, about a hundred rows of the whole table, refreshed by
/// ANALYZE after each import and by autovacuum). Only counts leave the server: the sampled rows are every tenant's, and
/// none of their text reaches the application. On SQLite (FTS5 answers there) and without statistics: no sample.
/// </summary>
public static class SearchSample
{
    /// <summary>The substrings to match for <paramref name="terms"/> in <paramref name="table"/>, in the order of <see cref="SearchKeys.Order"/>.</summary>
    public static async Task<IReadOnlyList<string>> KeysAsync(AppDbContext db, string table, IReadOnlyList<string> terms, CancellationToken ct) =>
        (await KeysAsync(db, [table], terms, ct))[table];

    /// <summary>As above for several tables in one statement (the search page's four kinds).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> KeysAsync(AppDbContext db, IReadOnlyList<string> tables,
        IReadOnlyList<string> terms, CancellationToken ct)
    {
        var windows = SearchKeys.Windows(terms);
        if (windows.Count == 0 || !db.Database.IsNpgsql())
        {
            return tables.ToDictionary(t => t, _ => terms);
        }

        // strpos, not LIKE: the windows are plain text. One row per table and window, with the size of the table's sample.
        var counted = await db.Database.SqlQuery<Counted>(
            $$"""
            WITH sample AS (
                SELECT tablename AS tb, v FROM pg_stats,
                    unnest(coalesce(most_common_vals::text::text[], '{}') || coalesce(histogram_bounds::text::text[], '{}')) AS v
                WHERE schemaname = current_schema() AND tablename = ANY({{tables.ToArray()}}::text[]) AND attname = 'search_text')
            SELECT t.tb AS "Table", w.n::int AS "Index",
                (SELECT count(*) FROM sample s WHERE s.tb = t.tb AND strpos(s.v, w.t) > 0)::int AS "Hits",
                (SELECT count(*) FROM sample s WHERE s.tb = t.tb)::int AS "Size"
            FROM unnest({{tables.ToArray()}}::text[]) AS t(tb), unnest({{windows.ToArray()}}::text[]) WITH ORDINALITY AS w(t, n)
            """).ToListAsync(ct);
        return tables.ToDictionary(t => t, t =>
        {
            var rows = counted.Where(c => c.Table == t).OrderBy(c => c.Index).ToList();
            return SearchKeys.Order(terms, windows, rows.Select(c => c.Hits).ToList(), rows.Count == 0 ? 0 : rows[0].Size);
        });
    }

    internal sealed class Counted
    {
        public string Table { get; set; } = "";

        public int Index { get; set; }

        public int Hits { get; set; }

        public int Size { get; set; }
    }
}
