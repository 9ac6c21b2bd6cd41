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
    public static async Task<IReadOnlyList<string>> KeysAsync(AppDbContext db, string table, IReadOnlyList<string> terms, CancellationToken ct)
    {
        var windows = SearchKeys.Windows(terms);
        if (windows.Count == 0 || !db.Database.IsNpgsql())
        {
            return terms;
        }

        // strpos, not LIKE: the windows are plain text. One row per window, in the windows' order, with the sample's size.
        var counted = await db.Database.SqlQuery<Counted>(
            $$"""
            WITH sample AS (
                SELECT v FROM pg_stats,
                    unnest(coalesce(most_common_vals::text::text[], '{}') || coalesce(histogram_bounds::text::text[], '{}')) AS v
                WHERE schemaname = current_schema() AND tablename = {{table}} AND attname = 'search_text')
            SELECT w.n::int AS "Index", (SELECT count(*) FROM sample WHERE strpos(v, w.t) > 0)::int AS "Hits",
                (SELECT count(*) FROM sample)::int AS "Size"
            FROM unnest({{windows.ToArray()}}::text[]) WITH ORDINALITY AS w(t, n)
            """).ToListAsync(ct);
        var hits = counted.OrderBy(c => c.Index).Select(c => c.Hits).ToList();
        return SearchKeys.Order(terms, windows, hits, counted.Count == 0 ? 0 : counted[0].Size);
    }

    internal sealed class Counted
    {
        public int Index { get; set; }

        public int Hits { get; set; }

        public int Size { get; set; }
    }
}
