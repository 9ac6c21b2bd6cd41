namespace InfraLedger.Core.Tables;

/// <summary>
/// Turns one to three header rows into one name per column: 「取得価額」 spanning 「金額」「財源」 gives
/// 「取得価額 金額」「取得価額 財源」. An upper cell left blank (or merged away) takes the label on its left when a lower
/// row names the column, so a spanning label reaches every column under it.
/// </summary>
internal static class HeaderNames
{
    public static (IReadOnlyList<string> Names, IReadOnlyList<IReadOnlyList<string>> Parts) Build(IReadOnlyList<SheetRow> headerRows, IReadOnlyList<MergedRange> merges)
    {
        var width = headerRows.Max(r => LastNonEmpty(r.Cells) + 1);
        var names = new string[width];
        var allParts = new IReadOnlyList<string>[width];
        for (var j = 0; j < width; j++)
        {
            var parts = new List<string>();
            for (var level = 0; level < headerRows.Count; level++)
            {
                var part = PartAt(headerRows, level, j, merges);
                if (part is not null && (parts.Count == 0 || parts[^1] != part))
                {
                    parts.Add(part);
                }
            }

            names[j] = parts.Count == 0 ? $"列{j + 1}" : string.Join(' ', parts);
            allParts[j] = parts;
        }

        return (names, allParts);
    }

    /// <summary>A header cell trimmed, with the line breaks people type inside Excel header cells removed.</summary>
    public static string? Clean(string? cell)
    {
        var text = cell?.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static string? PartAt(IReadOnlyList<SheetRow> rows, int level, int column, IReadOnlyList<MergedRange> merges)
    {
        var row = rows[level];
        if (Clean(row.At(column)) is { } own)
        {
            return own;
        }

        var namedBelow = rows.Skip(level + 1).Any(r => Clean(r.At(column)) is not null);
        var mergedFromLeft = merges.Any(m => m.IsHorizontalIn(row.Row, column));
        if (!namedBelow && !mergedFromLeft)
        {
            return null;
        }

        for (var k = column - 1; k >= 0; k--)
        {
            if (Clean(row.At(k)) is { } left)
            {
                return left;
            }
        }

        return null;
    }

    private static int LastNonEmpty(string?[] cells) => Array.FindLastIndex(cells, c => !string.IsNullOrWhiteSpace(c));
}
