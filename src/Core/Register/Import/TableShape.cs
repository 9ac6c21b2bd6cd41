namespace InfraLedger.Core.Register.Import;

/// <summary>What header detection found: the column names, the (last) header row number, and the header rows as read.</summary>
internal sealed record TableShape(IReadOnlyList<string> Headers, int HeaderRow, IReadOnlyList<SheetRow> HeaderRows)
{
    /// <summary>
    /// Reads the first rows of <paramref name="rows"/> to find the header. Returns null for a table with no
    /// non-blank row, and the rows read past the header, which the data rows must start with.
    /// </summary>
    public static (TableShape? Shape, IReadOnlyList<SheetRow> RowsAfterHeader) Detect(IEnumerator<SheetRow> rows, IReadOnlyList<MergedRange> merges)
    {
        var sample = ReadSample(rows);
        if (HeaderDetector.Find(sample) is not var (first, last))
        {
            return (null, []);
        }

        var headerRows = sample.Skip(first).Take(last - first + 1).ToList();
        var shape = new TableShape(HeaderNames.Build(headerRows, merges), sample[last].Row, headerRows);
        return (shape, sample.Skip(last + 1).ToList());
    }

    private static List<SheetRow> ReadSample(IEnumerator<SheetRow> rows)
    {
        // Blank rows are cheap but a sheet can hold thousands above its table; stop sampling then and fall back.
        const int maxRows = 1000;
        var sample = new List<SheetRow>();
        var nonBlank = 0;
        while (nonBlank < HeaderDetector.SampleRows && sample.Count < maxRows && rows.MoveNext())
        {
            sample.Add(rows.Current);
            nonBlank += rows.Current.IsBlank ? 0 : 1;
        }

        return sample;
    }
}
