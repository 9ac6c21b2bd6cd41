namespace InfraLedger.Core.Tables;

/// <summary>
/// The records below a header: blank, note, total and repeated header rows dropped (a sheet printed over several
/// pages repeats its header), merged cells filled with their value in every row they cover (rule L1-12 asks
/// files not to merge, so a merged cell means "the same for all these rows"), cells aligned with the headers.
/// </summary>
internal static class DataRows
{
    public static IEnumerable<RawRow> Select(TableShape shape, IEnumerable<SheetRow> rows, IReadOnlyList<MergedRange> merges)
    {
        var pending = new Queue<MergedRange>(merges.Where(m => m.FirstRow > shape.HeaderRow).OrderBy(m => m.FirstRow));
        var active = new List<(MergedRange Range, string? Value)>();
        foreach (var read in rows)
        {
            var row = pending.Count > 0 || active.Count > 0 ? FillMerged(read, pending, active) : read;
            if (row.IsBlank || NoteRows.IsNoteOrTotal(row) || RepeatsHeader(shape, row))
            {
                continue;
            }

            yield return new RawRow(row.Row, Align(row.Cells, shape.Headers.Count));
        }
    }

    private static SheetRow FillMerged(SheetRow row, Queue<MergedRange> pending, List<(MergedRange Range, string? Value)> active)
    {
        active.RemoveAll(a => a.Range.LastRow < row.Row);
        while (pending.Count > 0 && pending.Peek().FirstRow <= row.Row)
        {
            var range = pending.Dequeue();
            active.Add((range, range.FirstRow == row.Row ? row.At(range.FirstColumn) : null));
        }

        var cells = row.Cells;
        foreach (var (range, value) in active.Where(a => a.Value is not null))
        {
            if (cells.Length <= range.LastColumn)
            {
                Array.Resize(ref cells, range.LastColumn + 1);
            }

            for (var j = range.FirstColumn; j <= range.LastColumn; j++)
            {
                cells[j] ??= value;
            }
        }

        return cells == row.Cells ? row : row with { Cells = cells };
    }

    private static bool RepeatsHeader(TableShape shape, SheetRow row) => shape.HeaderRows.Any(header => SameLabels(header, row));

    private static bool SameLabels(SheetRow header, SheetRow row)
    {
        for (var j = 0; j < Math.Max(header.Cells.Length, row.Cells.Length); j++)
        {
            if (HeaderNames.Clean(header.At(j)) != HeaderNames.Clean(row.At(j)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Pads short rows to the header width; cells past it are kept only when filled, for the import to report.</summary>
    private static string?[] Align(string?[] cells, int width)
    {
        var last = Math.Max(width, Array.FindLastIndex(cells, c => !string.IsNullOrWhiteSpace(c)) + 1);
        var aligned = new string?[last];
        Array.Copy(cells, aligned, Math.Min(cells.Length, last));
        return aligned;
    }
}
