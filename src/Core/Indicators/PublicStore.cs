using System.Collections.Concurrent;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Indicators;

/// <summary>
/// An in-memory copy of the published figures (<c>public_indicator_values</c>, <c>similar_groups</c>,
/// <c>statistics_sources</c>), per database: the public pages compare a body with every other body on each request,
/// which the database would answer by reading thousands of rows each time. The copy is taken again when any source's
/// load time, row count or hash changes — every load, publication and withdrawal stamps its source — checked with one query
/// of the few source rows per use.
/// </summary>
public static class PublicStore
{
    /// <summary>One published value; <c>Number</c> is its text parsed (null for blank).</summary>
    public sealed record Value(string Code, string BodyName, string PrefectureName, string? Text, decimal? Number);

    public sealed class Snapshot
    {
        internal string Version { get; init; } = "";

        public required IReadOnlyDictionary<string, StatisticsSource> Sources { get; init; }

        /// <summary>The values of one source, year and indicator, by 団体コード order.</summary>
        public required IReadOnlyDictionary<(string Source, int Year, string Indicator), Value[]> Values { get; init; }

        /// <summary>One body's values of one source: year → indicator → text.</summary>
        public required IReadOnlyDictionary<(string Source, string Code), SortedDictionary<int, Dictionary<string, string?>>> Bodies { get; init; }

        /// <summary>The renewal projection each body published with its latest register figures: code → (fiscal year, result).</summary>
        public IReadOnlyDictionary<string, (int FiscalYear, Projection.ProjectionResult Result)> Projections { get; init; } =
            new Dictionary<string, (int, Projection.ProjectionResult)>();

        /// <summary>The loaded 類似団体区分: code → (year, group), years ascending.</summary>
        public required IReadOnlyDictionary<string, (int Year, string Group)[]> Groups { get; init; }

        /// <summary>The years of a source, oldest first.</summary>
        public IReadOnlyList<int> Years(string source) => [.. Values.Keys.Where(k => k.Source == source).Select(k => k.Year).Distinct().Order()];

        public Value[] Of(string source, int year, string indicator) => Values.GetValueOrDefault((source, year, indicator)) ?? [];

        /// <summary>The body's group for the year, or failing that the latest loaded earlier one.</summary>
        public SimilarGroupAssignment? GroupOf(string code, int year) =>
            Groups.TryGetValue(code, out var groups) && groups.LastOrDefault(g => g.Year <= year) is { Group: not null } g
                ? new SimilarGroupAssignment { Code = code, FiscalYear = g.Year, Group = g.Group, SourceId = "" } : null;

        /// <summary>The bodies whose group in <paramref name="year"/> is <paramref name="group"/> (kept once computed).</summary>
        public IReadOnlySet<string> Members(int year, string group) =>
            members.GetOrAdd((year, group), k => Groups.Where(g => g.Value.Any(x => x.Year == k.Year && x.Group == k.Group)).Select(g => g.Key).ToHashSet(StringComparer.Ordinal));

        /// <summary>
        /// The values of one source, year and indicator among the bodies <paramref name="scope"/> names (kept once computed):
        /// sorted ascending, with their sum. Scopes: <c>""</c> all bodies, a 2-digit prefecture code, or a group's members.
        /// </summary>
        public (decimal[] Sorted, decimal Sum) Sorted(string source, int year, string indicator, string scope, Func<string, bool> member) =>
            sorted.GetOrAdd((source, year, indicator, scope), _ =>
            {
                var values = Of(source, year, indicator).Where(v => v.Number is not null && member(v.Code)).Select(v => v.Number!.Value).Order().ToArray();
                return (values, values.Sum());
            });

        private readonly ConcurrentDictionary<(int Year, string Group), IReadOnlySet<string>> members = new();
        private readonly ConcurrentDictionary<(string, int, string, string), (decimal[], decimal)> sorted = new();
    }

    private static readonly ConcurrentDictionary<string, Snapshot> Copies = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<Snapshot> GetAsync(AppDbContext db, CancellationToken ct)
    {
        var key = db.Database.GetConnectionString() ?? "";
        var version = string.Join('|', (await db.StatisticsSources.AsNoTracking().Select(s => new { s.Id, s.LoadedAtUtc, s.RowCount, s.Sha256 }).ToListAsync(ct))
            .OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => $"{s.Id}:{s.LoadedAtUtc.Ticks}:{s.RowCount}:{s.Sha256}"));
        if (Copies.TryGetValue(key, out var copy) && copy.Version == version)
        {
            return copy;
        }

        await Gate.WaitAsync(ct);
        try
        {
            if (Copies.TryGetValue(key, out copy) && copy.Version == version)
            {
                return copy;
            }

            copy = await LoadAsync(db, version, ct);
            Copies[key] = copy;
            return copy;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<Snapshot> LoadAsync(AppDbContext db, string version, CancellationToken ct)
    {
        var rows = await db.PublicIndicatorValues.AsNoTracking().ToListAsync(ct);
        var values = rows.GroupBy(v => (v.SourceId, v.FiscalYear, v.Indicator))
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.Code, StringComparer.Ordinal)
                .Select(v => new Value(v.Code, v.BodyName, v.PrefectureName, v.Text, PublicIndicators.Parse(v.Text))).ToArray());
        var bodies = rows.GroupBy(v => (v.SourceId, v.Code)).ToDictionary(g => g.Key, g => new SortedDictionary<int, Dictionary<string, string?>>(
            g.GroupBy(v => v.FiscalYear).ToDictionary(y => y.Key, y => y.ToDictionary(v => v.Indicator, v => v.Text, StringComparer.Ordinal))));
        var groups = (await db.SimilarGroups.AsNoTracking().ToListAsync(ct)).GroupBy(g => g.Code)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.FiscalYear).Select(x => (x.FiscalYear, x.Group)).ToArray(), StringComparer.Ordinal);
        var sources = await db.StatisticsSources.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var projections = (await db.PublishedProjections.AsNoTracking().ToListAsync(ct)).GroupBy(p => p.Code)
            .Select(g => g.MaxBy(p => p.FiscalYear)!).ToDictionary(p => p.Code, p => (p.FiscalYear, p.ToResult()), StringComparer.Ordinal);
        return new Snapshot { Version = version, Sources = sources, Values = values, Bodies = bodies, Groups = groups, Projections = projections };
    }
}
