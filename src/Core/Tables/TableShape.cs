namespace InfraLedger.Core.Tables;

/// <summary>
/// What header detection found: the column names (and the header cells each is made of), the (last) header row
/// number, the header rows as read, the texts of the title rows above them, and the money unit a title row states for
/// the table (「単位：千円」), if any.
/// </summary>
internal sealed record TableShape(
    IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> HeaderParts, int HeaderRow, IReadOnlyList<SheetRow> HeaderRows,
    IReadOnlyList<string> Titles, (decimal Factor, string Unit)? TitleUnit)
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
        var titles = sample.Take(first).SelectMany(r => r.Cells).OfType<string>().Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        var titleUnit = titles.Select(HeaderUnit.TitleUnit).FirstOrDefault(u => u is not null);
        var (names, parts) = HeaderNames.Build(headerRows, merges);
        var shape = new TableShape(names, parts, sample[last].Row, headerRows, titles, titleUnit);
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

    /// <summary>The table with its rows, and the first data rows (already read while the header was found) as its sample.</summary>
    public RawTable ToTable(string file, string? sheet, IEnumerable<RawRow> rows, IReadOnlyList<SheetRow> rowsAfterHeader, IReadOnlyList<MergedRange> merges) =>
        new(file, sheet, Headers, HeaderRow, rows, TitleUnit)
        {
            HeaderParts = HeaderParts,
            Titles = Titles,
            Sample = [.. DataRows.Select(this, rowsAfterHeader, merges)],
        };
}
