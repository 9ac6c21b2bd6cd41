namespace InfraLedger.Core.Tables;

/// <summary>Why a column is (or is not) read into a field: shown by every dry run, on the page and by <c>--show-mapping</c>.</summary>
public sealed record ColumnNote(int Column, string Header, string? Field, string Reason);

/// <summary>Which column feeds which field, and a note for every column.</summary>
public sealed record ColumnMatch(IReadOnlyDictionary<string, int> Columns, IReadOnlyList<ColumnNote> Notes)
{
    public int? Column(string field) => Columns.TryGetValue(field, out var column) ? column : null;
}

/// <summary>
/// The one header matcher of every importer (ADR 0021). A header matches a field when its <see cref="HeaderKey"/>
/// equals one of the field's names in the vocabulary — never a part of a word: 「note」 is not 「no」, 「電話番号」 is not
/// 「番号」. A header joined from several header rows (「取得価額 金額」) matches through one of its cells when the
/// whole does not. Failing both, a suffix rule of the vocabulary may apply (「水防倉庫名」 is a name). A header that
/// matches two fields stays unmapped; a column whose values look like phone numbers, URLs, e-mail addresses or
/// dates is never taken for an identity field (a code or a name). When two columns match one field, the better
/// match wins (whole, then a header cell, then a suffix; then the earlier name of the vocabulary; then the left
/// column), and the other column says so.
/// </summary>
public static class HeaderMatcher
{
    private enum Strength
    {
        Whole = 0,
        Part = 1,
        Suffix = 2,
    }

    private sealed record Candidate(int Column, string Field, Strength Strength, int Priority, string Reason);

    /// <summary>Matches the headers of <paramref name="table"/> against <paramref name="vocabulary"/>.</summary>
    /// <param name="vocabulary">The importer's vocabulary.</param>
    /// <param name="table">The table; its first data rows are the sample the content of a column is judged by.</param>
    /// <param name="identityFields">Fields that identify a row (codes, names): guarded against phone, URL, mail and date columns.</param>
    public static ColumnMatch Match(Vocabulary vocabulary, RawTable table, IReadOnlyCollection<string>? identityFields = null)
    {
        var names = NameIndex(vocabulary);
        var ignored = vocabulary.Ignored.SelectMany(k => k.Names.Select(n => (Key: HeaderKey.Of(n), k.Label))).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Label);
        var notes = new Dictionary<int, ColumnNote>();
        var candidates = new List<Candidate>();
        for (var column = 0; column < table.Headers.Count; column++)
        {
            var header = table.Headers[column];
            var found = Find(vocabulary, names, table, column);
            if (found is { Fields.Count: > 1 })
            {
                var labels = string.Join("・", found.Value.Fields.Select(vocabulary.Label));
                notes[column] = new(column, header, null, $"見出し「{header}」は{labels}のどれとも読めるため、対応付けていません。列の対応付けで選んでください。");
            }
            else if (found is { } one && identityFields?.Contains(one.Fields[0]) == true
                && ColumnContent.Of(table.Sample.Select(r => column < r.Cells.Count ? r.Cells[column] : null)) is { Look: not ColumnContent.Look.Text } look)
            {
                notes[column] = new(column, header, null,
                    $"値が{ColumnContent.Label(look.Look)}に見えるため（例: {look.Example}）、{vocabulary.Label(one.Fields[0])}には対応付けていません。");
            }
            else if (found is { } match)
            {
                candidates.Add(new(column, match.Fields[0], match.Strength, match.Priority, match.Reason));
            }
            else
            {
                var key = HeaderKey.Of(header);
                notes[column] = new(column, header, null, key.Length == 0 ? "見出しがないため取り込みません。"
                    : ignored.TryGetValue(key, out var label) ? $"{label}の列です。取込先に項目がないため取り込みません。"
                    : "対応する項目がないため取り込みません。");
            }
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in candidates.GroupBy(c => c.Field))
        {
            var ranked = field.OrderBy(c => c.Strength).ThenBy(c => c.Priority).ThenBy(c => c.Column).ToList();
            columns[field.Key] = ranked[0].Column;
            notes[ranked[0].Column] = new(ranked[0].Column, table.Headers[ranked[0].Column], field.Key, ranked[0].Reason);
            foreach (var other in ranked.Skip(1))
            {
                notes[other.Column] = new(other.Column, table.Headers[other.Column], null,
                    $"{vocabulary.Label(field.Key)}には列「{table.Headers[ranked[0].Column]}」を対応付けたため、この列は取り込みません。");
            }
        }

        return new ColumnMatch(columns, [.. notes.Values.OrderBy(n => n.Column)]);
    }

    /// <summary>The field a header means, if any, by the strongest rule that finds one (several fields: ambiguous).</summary>
    private static (IReadOnlyList<string> Fields, Strength Strength, int Priority, string Reason)? Find(
        Vocabulary vocabulary, Dictionary<string, List<(string Field, int Priority, string Name)>> names, RawTable table, int column)
    {
        var header = table.Headers[column];
        if (names.TryGetValue(HeaderKey.Of(header), out var whole))
        {
            var (field, priority, name) = whole[0];
            return (Distinct(whole), Strength.Whole, priority, $"見出し「{header}」は{vocabulary.Label(field)}の呼び方「{name}」と一致します。");
        }

        var parts = table.PartsOf(column);
        if (parts.Count > 1)
        {
            var byPart = parts.SelectMany(p => names.TryGetValue(HeaderKey.Of(p), out var m) ? m.Select(x => (x.Field, x.Priority, Part: p)) : []).ToList();
            if (byPart.Count > 0)
            {
                var fields = byPart.Select(x => x.Field).Distinct().ToList();
                return (fields, Strength.Part, byPart[0].Priority,
                    $"複数行の見出し「{header}」のうち「{byPart[0].Part}」が{vocabulary.Label(byPart[0].Field)}の呼び方と一致します。");
            }
        }

        var key = HeaderKey.Of(header);
        foreach (var (field, suffixes) in vocabulary.Suffixes.OrderByDescending(s => s.Value.Max(v => v.Length)))
        {
            foreach (var suffix in suffixes.OrderByDescending(s => s.Length))
            {
                var suffixKey = HeaderKey.Of(suffix);
                var stem = key.EndsWith(suffixKey, StringComparison.Ordinal) ? key[..^suffixKey.Length] : "";
                if (stem.Length > 0 && !vocabulary.NotBefore.Any(n => stem.EndsWith(HeaderKey.Of(n), StringComparison.Ordinal)))
                {
                    return ([field], Strength.Suffix, 0, $"見出し「{header}」は「（もの）{suffix}」の形で、{vocabulary.Label(field)}を表します。");
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The column a person named (<c>--map 名称=施設名</c>): its header as written, else its <see cref="HeaderKey"/> when
    /// only one column has it, else 「列3」 or 「#3」 (1-based); null when none.
    /// </summary>
    public static int? ColumnNamed(RawTable table, string text)
    {
        for (var i = 0; i < table.Headers.Count; i++)
        {
            if (table.Headers[i] == text.Trim())
            {
                return i;
            }
        }

        var key = HeaderKey.Of(text);
        var byKey = Enumerable.Range(0, table.Headers.Count).Where(i => HeaderKey.Of(table.Headers[i]) == key).ToList();
        if (byKey.Count == 1)
        {
            return byKey[0];
        }

        var number = CellText.Normalize(text).TrimStart('列', '#');
        return int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= table.Headers.Count ? n - 1 : null;
    }

    /// <summary>The noun before a name suffix (「公園名」 → 公園), or null when the header is not of that form.</summary>
    public static string? NameStem(Vocabulary vocabulary, string header)
    {
        var key = HeaderKey.Of(header);
        var suffix = vocabulary.Suffixes.GetValueOrDefault("Name")?.Select(HeaderKey.Of).OrderByDescending(s => s.Length)
            .FirstOrDefault(s => key.Length > s.Length && key.EndsWith(s, StringComparison.Ordinal));
        return suffix is null ? null : key[..^suffix.Length];
    }

    private static List<string> Distinct(List<(string Field, int Priority, string Name)> matches) => [.. matches.Select(m => m.Field).Distinct()];

    private static Dictionary<string, List<(string Field, int Priority, string Name)>> NameIndex(Vocabulary vocabulary)
    {
        var index = new Dictionary<string, List<(string, int, string)>>(StringComparer.Ordinal);
        foreach (var field in vocabulary.Fields)
        {
            for (var i = 0; i < field.Names.Count; i++)
            {
                var key = HeaderKey.Of(field.Names[i]);
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }

                if (!list.Any(x => x.Item1 == field.Name))
                {
                    list.Add((field.Name, i, field.Names[i]));
                }
            }
        }

        return index;
    }
}
