using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.OpenData;

/// <summary>
/// <c>package_search</c> over the catalogue (open-data.md §4.2, §4.5): the subset of Solr syntax that harvesters and
/// aggregators send. <c>q</c> is plain words (all must occur in the title, notes, tags or organization; <c>*:*</c> is
/// everything); <c>fq</c> is space-separated <c>field:value</c> terms on organization, tags, res_format, name, id,
/// license_id, dataset_type and a <c>metadata_modified:[FROM TO TO]</c> range. Anything else is refused, not ignored.
/// </summary>
public static class CkanSearch
{
    public const int DefaultRows = 10;
    public const int MaxRows = 1000;
    public const string DefaultSort = "score desc, metadata_modified desc";

    /// <summary>A search-query refusal (HTTP 400 "Search Query Error" in CKAN), as opposed to a validation refusal (409).</summary>
    public const string QueryErrorCode = "opendata.search_query";

    private static readonly string[] SortFields = ["score", "metadata_modified", "metadata_created", "name", "title", "id"];

    public sealed record Query(IReadOnlyList<string> Words, IReadOnlyList<Func<CkanPackage, bool>> Filters, int Rows, int Start, IReadOnlyList<(string Field, bool Descending)> Sort);

    public sealed record Facet(string Title, IReadOnlyList<FacetItem> Items);

    public sealed record FacetItem(string Name, string DisplayName, int Count);

    public sealed record Page(int Count, IReadOnlyList<CkanPackage> Results, IReadOnlyDictionary<string, Facet> Facets, string Sort);

    /// <summary>Checks every parameter; the first refusal names its field.</summary>
    public static Result<Query> Parse(string? q, IReadOnlyList<string> fq, string? rows, string? start, string? sort)
    {
        var rowCount = Integer(rows, "rows", DefaultRows);
        if (!rowCount.IsSuccess)
        {
            return rowCount.Error!;
        }

        var offset = Integer(start, "start", 0);
        if (!offset.IsSuccess)
        {
            return offset.Error!;
        }

        var order = ParseSort(sort);
        if (!order.IsSuccess)
        {
            return order.Error!;
        }

        var filters = new List<Func<CkanPackage, bool>>();
        foreach (var text in fq)
        {
            var parsed = ParseFilter(text);
            if (!parsed.IsSuccess)
            {
                return parsed.Error!;
            }

            filters.AddRange(parsed.Value);
        }

        var query = (q ?? "").Trim();
        var words = query is "" or "*:*" or "*" ? [] : query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.FirstOrDefault(w => w.Contains(':', StringComparison.Ordinal)) is { } fielded)
        {
            return Errors.FieldedQuery(fielded);
        }

        // CKAN caps rows at ckan.search.rows_max instead of refusing it.
        return new Query(words, filters, Math.Min(rowCount.Value, MaxRows), offset.Value, order.Value);
    }

    public static Page Run(IReadOnlyList<CkanPackage> packages, Query query)
    {
        var matched = packages.Where(p => query.Filters.All(f => f(p)))
            .Select(p => (Package: p, Score: Score(p, query.Words)))
            .Where(m => query.Words.Count == 0 || m.Score > 0)
            .ToList();
        IOrderedEnumerable<(CkanPackage Package, int Score)>? ordered = null;
        foreach (var (field, descending) in query.Sort)
        {
            ordered = field switch
            {
                "score" => Then(ordered, matched, m => m.Score, descending),
                "metadata_modified" => Then(ordered, matched, m => m.Package.ModifiedUtc, descending),
                "metadata_created" => Then(ordered, matched, m => m.Package.CreatedUtc, descending),
                "title" => Then(ordered, matched, m => m.Package.Title, descending),
                "id" => Then(ordered, matched, m => m.Package.Id, descending),
                _ => Then(ordered, matched, m => m.Package.Name, descending),
            };
        }

        // The name last: equal keys still come in one order, so pages never overlap or leave a gap.
        var all = (ordered ?? matched.OrderBy(_ => 0)).ThenBy(m => m.Package.Name, StringComparer.Ordinal).Select(m => m.Package).ToList();
        return new Page(all.Count, all.Skip(query.Start).Take(query.Rows).ToList(), Facets(all),
            string.Join(", ", query.Sort.Select(s => $"{s.Field} {(s.Descending ? "desc" : "asc")}")));
    }

    private static IOrderedEnumerable<T> Then<T, TKey>(IOrderedEnumerable<T>? ordered, IEnumerable<T> source, Func<T, TKey> key, bool descending) =>
        ordered is null
            ? (descending ? source.OrderByDescending(key, Comparer<TKey>.Create(Compare)) : source.OrderBy(key, Comparer<TKey>.Create(Compare)))
            : (descending ? ordered.ThenByDescending(key, Comparer<TKey>.Create(Compare)) : ordered.ThenBy(key, Comparer<TKey>.Create(Compare)));

    /// <summary>Ordinal for texts (ids and names sort the same on every server), natural for numbers and times.</summary>
    private static int Compare<TKey>(TKey? a, TKey? b) =>
        a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<TKey>.Default.Compare(a, b);

    /// <summary>How many of the words occur (case-insensitively) in the searched fields; a word in the title counts twice.</summary>
    private static int Score(CkanPackage p, IReadOnlyList<string> words)
    {
        var score = 0;
        foreach (var word in words)
        {
            var inTitle = p.Title.Contains(word, StringComparison.OrdinalIgnoreCase);
            var elsewhere = p.Notes.Contains(word, StringComparison.OrdinalIgnoreCase) || p.Name.Contains(word, StringComparison.OrdinalIgnoreCase)
                || p.Organization.Title.Contains(word, StringComparison.OrdinalIgnoreCase)
                || p.Tags.Any(t => t.Name.Contains(word, StringComparison.OrdinalIgnoreCase));
            if (!inTitle && !elsewhere)
            {
                return 0; // every word must occur
            }

            score += inTitle ? 2 : 1;
        }

        return score;
    }

    private static Dictionary<string, Facet> Facets(IReadOnlyList<CkanPackage> matched)
    {
        static Facet Of(IEnumerable<(string Name, string Display)> values, string title) => new(title,
            values.GroupBy(v => v.Name).Select(g => new FacetItem(g.Key, g.First().Display, g.Count()))
                .OrderByDescending(i => i.Count).ThenBy(i => i.Name, StringComparer.Ordinal).Take(50).ToList());
        return new Dictionary<string, Facet>
        {
            ["organization"] = Of(matched.Select(p => (p.Organization.Name, p.Organization.Title)), "organization"),
            ["tags"] = Of(matched.SelectMany(p => p.Tags.Select(t => (t.Name, t.DisplayName))), "tags"),
            ["res_format"] = Of(matched.SelectMany(p => p.Resources.Select(r => r.Format).Distinct().Select(f => (f, f))), "res_format"),
        };
    }

    private static Result<int> Integer(string? text, string field, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : Errors.NotACount(field, text);
    }

    private static Result<IReadOnlyList<(string, bool)>> ParseSort(string? sort)
    {
        var list = new List<(string, bool)>();
        foreach (var part in (string.IsNullOrWhiteSpace(sort) ? DefaultSort : sort).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var direction = words.Length == 2 ? words[1].ToLowerInvariant() : "asc";
            if (words.Length is < 1 or > 2 || !SortFields.Contains(words[0]) || direction is not ("asc" or "desc"))
            {
                return Errors.SortInvalid(part, SortFields);
            }

            list.Add((words[0], direction == "desc"));
        }

        return list;
    }

    /// <summary>The terms of one <c>fq</c>: each <c>field:value</c>, <c>field:"quoted value"</c> or <c>field:[A TO B]</c>, optionally after + or AND.</summary>
    private static Result<List<Func<CkanPackage, bool>>> ParseFilter(string fq)
    {
        var filters = new List<Func<CkanPackage, bool>>();
        var i = 0;
        while (true)
        {
            while (i < fq.Length && (char.IsWhiteSpace(fq[i]) || fq[i] == '+'))
            {
                i++;
            }

            if (i >= fq.Length)
            {
                return filters;
            }

            if (fq.AsSpan(i).StartsWith("AND ", StringComparison.Ordinal))
            {
                i += 4;
                continue;
            }

            var colon = fq.IndexOf(':', i);
            if (colon < 0)
            {
                return QueryError(fq, fq[i..]);
            }

            var field = fq[i..colon];
            var (value, next) = ReadValue(fq, colon + 1);
            if (value is null)
            {
                return QueryError(fq, fq[i..]);
            }

            i = next;
            var filter = Filter(field, value);
            if (filter is null)
            {
                return QueryError(fq, $"{field}:{value}");
            }

            filters.Add(filter);
        }
    }

    private static (string? Value, int Next) ReadValue(string fq, int at)
    {
        if (at >= fq.Length)
        {
            return (null, at);
        }

        var close = fq[at] switch { '"' => '"', '[' or '{' => fq[at] == '[' ? ']' : '}', _ => '\0' };
        if (close == '\0')
        {
            var end = at;
            while (end < fq.Length && !char.IsWhiteSpace(fq[end]))
            {
                end++;
            }

            return (fq[at..end], end);
        }

        var last = fq.IndexOf(close, at + 1);
        return last < 0 ? (null, at) : (close == '"' ? fq[(at + 1)..last] : fq[at..(last + 1)], last + 1);
    }

    private static Func<CkanPackage, bool>? Filter(string field, string value) => field switch
    {
        "organization" or "owner_org" => p => p.Organization.Name == value || p.OwnerOrg == value,
        "tags" => p => p.Tags.Any(t => t.Name == value),
        "res_format" => p => p.Resources.Any(r => string.Equals(r.Format, value, StringComparison.OrdinalIgnoreCase)),
        "name" => p => p.Name == value,
        "id" => p => p.Id == value,
        "license_id" => p => p.LicenseId == value,
        "dataset_type" or "type" => p => p.Type == value,
        "metadata_modified" => Range(value, p => p.ModifiedUtc),
        "metadata_created" => Range(value, p => p.CreatedUtc),
        _ => null,
    };

    /// <summary><c>[FROM TO TO]</c> (inclusive) or <c>{FROM TO TO}</c> (exclusive), each an ISO time in UTC or <c>*</c>.</summary>
    private static Func<CkanPackage, bool>? Range(string value, Func<CkanPackage, DateTime> of)
    {
        var inclusive = value.StartsWith('[');
        if (value.Length < 2 || value[0] is not ('[' or '{'))
        {
            return null;
        }

        var parts = value[1..^1].Split(" TO ", StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Bound(parts[0], out var from) || !Bound(parts[1], out var to))
        {
            return null;
        }

        return p =>
        {
            var t = of(p);
            return (from is null || (inclusive ? t >= from : t > from)) && (to is null || (inclusive ? t <= to : t < to));
        };
    }

    private static bool Bound(string text, out DateTime? value)
    {
        value = null;
        if (text == "*")
        {
            return true;
        }

        // Solr times are UTC; a time without Z or offset is read as UTC too (CKAN stores them so).
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return true;
        }

        return false;
    }

    private static Error QueryError(string fq, string term) =>
        new(QueryErrorCode, $"fq「{fq}」の「{term}」を解釈できません（使える形: organization:団体コード、tags:タグ、res_format:CSV、metadata_modified:[2026-01-01T00:00:00Z TO *]）。", "fq");
}
