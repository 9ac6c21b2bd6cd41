namespace InfraLedger.Core.Tables;

/// <summary>
/// Finds the header rows among the first rows of a table. Municipal files put titles (「令和5年度 公共施設一覧」),
/// units (「単位：千円」) and blank rows above the header, and split headers over two or three rows under cells
/// that span several columns (rule L2-03 of the 2026 machine-readability rules asks for one row; files predate it).
/// </summary>
internal static class HeaderDetector
{
    /// <summary>Non-blank rows looked at before deciding; titles and notes above a header are never this many.</summary>
    public const int SampleRows = 30;

    private const int MaxHeaderRows = 3;

    /// <summary>Indexes into <paramref name="sample"/> of the first and last header row, or null when all rows are blank.</summary>
    public static (int First, int Last)? Find(IReadOnlyList<SheetRow> sample)
    {
        var first = FindFirst(sample);
        if (first < 0)
        {
            return null;
        }

        var last = first;
        while (last + 1 < sample.Count && last - first + 1 < MaxHeaderRows && Continues(sample[last], sample[last + 1]))
        {
            last++;
        }

        return (first, last);
    }

    /// <summary>
    /// The first row that is about as wide as the table and made of labels: a title or unit row fills one or two
    /// cells, a data row holds numbers or dates. Failing that, the first row that is not blank or a note.
    /// </summary>
    private static int FindFirst(IReadOnlyList<SheetRow> sample)
    {
        var maxWidth = sample.Count == 0 ? 0 : sample.Max(r => r.NonEmptyCount);
        for (var i = 0; i < sample.Count; i++)
        {
            var row = sample[i];
            var width = row.NonEmptyCount;
            if (width >= Math.Min(2, maxWidth) && width * 2 >= maxWidth && !NoteRows.IsNoteOrTotal(row) && LabelShare(row) >= 0.75)
            {
                return i;
            }
        }

        var fallback = IndexOf(sample, r => !r.IsBlank && !NoteRows.IsNoteOrTotal(r));
        return fallback >= 0 ? fallback : IndexOf(sample, r => !r.IsBlank);
    }

    /// <summary>
    /// Whether <paramref name="lower"/> continues the header <paramref name="upper"/>: it holds only labels, and
    /// only under cells that span to the right (merged, or blank after a label), with at least one under a span's
    /// blank part. A data row that happens to be all text fails the second test: it has a value in a column whose
    /// header spans nothing. A row of bracketed units under the names (「（㎡）」「（千円）」) continues it too.
    /// </summary>
    private static bool Continues(SheetRow upper, SheetRow lower)
    {
        if (lower.IsBlank || NoteRows.IsNoteOrTotal(lower) || LabelShare(lower) < 1)
        {
            return false;
        }

        if (lower.Cells.Where(c => !string.IsNullOrWhiteSpace(c)).All(IsBracketed))
        {
            return true;
        }

        var width = Math.Max(upper.Cells.Length, lower.Cells.Length);
        var underSpanTail = false;
        var owner = -1;
        for (var j = 0; j < width; j++)
        {
            var upperEmpty = string.IsNullOrWhiteSpace(upper.At(j));
            owner = upperEmpty ? owner : j;
            if (string.IsNullOrWhiteSpace(lower.At(j)))
            {
                continue;
            }

            var isTail = upperEmpty && owner >= 0;
            var isHead = !upperEmpty && string.IsNullOrWhiteSpace(upper.At(j + 1)) && j + 1 < width;
            if (!isTail && !isHead)
            {
                return false;
            }

            underSpanTail |= isTail;
        }

        return underSpanTail;
    }

    private static bool IsBracketed(string? cell) =>
        CellText.Normalize(cell) is { Length: > 2 } text && text[0] is '(' or '[' or '【' && text[^1] is ')' or ']' or '】';

    private static double LabelShare(SheetRow row)
    {
        var cells = row.Cells.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        return cells.Count == 0 ? 0 : (double)cells.Count(IsLabel) / cells.Count;
    }

    /// <summary>A header cell names something: it is neither a number nor a date.</summary>
    private static bool IsLabel(string? cell) =>
        !CellText.IsMissing(cell)
        && !(CellText.ParseNumber(cell) is { IsSuccess: true, Value: not null })
        && !(CellText.ParseDate(cell) is { IsSuccess: true, Value: not null });

    private static int IndexOf(IReadOnlyList<SheetRow> rows, Func<SheetRow, bool> test)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (test(rows[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
