using InfraLedger.Core.Common;

namespace InfraLedger.Core.Tables;

/// <summary>
/// The one result shape of reading a file for an import: the table (its rows stream from the file) and which
/// column feeds which field of the importer's vocabulary, with a note for every column.
/// </summary>
public sealed record MatchedTable(RawTable Table, ColumnMatch Match, Vocabulary Vocabulary)
{
    /// <summary>The raw text of <paramref name="field"/> in <paramref name="row"/>, or null when absent or unmapped.</summary>
    public string? Cell(RawRow row, string field) =>
        Match.Column(field) is { } column && column < row.Cells.Count ? row.Cells[column] : null;

    /// <summary>The header of the column mapped to <paramref name="field"/>.</summary>
    public string? Header(string field) => Match.Column(field) is { } column ? Table.Headers[column] : null;

    /// <summary>Where a value of <paramref name="row"/> is: file, sheet, row and the column of <paramref name="field"/>.</summary>
    public CellRef At(RawRow row, string? field = null) => new(Table.File, Table.Sheet, row.SourceRow, field is null ? null : Header(field));

    /// <summary>A problem for each required field of the vocabulary (or each of <paramref name="fields"/>) no column feeds.</summary>
    public List<ImportProblem> MissingColumns(params string[] fields) =>
        [.. (fields.Length > 0 ? fields.Select(Vocabulary.Field) : Vocabulary.Fields.Where(f => f.Required))
            .Where(f => Match.Column(f.Name) is null)
            .Select(f => new ImportProblem(new CellRef(Table.File, Table.Sheet, Table.HeaderRow, null), null,
                Errors.MissingColumn(f.Label, string.Join("・", f.Names.Take(4))).Message))];
}

/// <summary>
/// Reading a file for an import, the only way in (an architecture test keeps it so): CSV in UTF-8 or Shift_JIS, XLSX
/// and XLS, with titles, notes, multi-row headers and units handled by <see cref="TableReader"/>, and the headers
/// matched by <see cref="HeaderMatcher"/> against the importer's vocabulary.
/// </summary>
public static class TableFile
{
    /// <summary>Every table of the file (a CSV has one; a workbook one per visible, non-empty sheet).</summary>
    public static Result<IReadOnlyList<RawTable>> ReadAll(Stream stream, string fileName, ReadLimits? limits = null)
    {
        var read = TableReader.Read(stream, fileName, limits ?? ReadLimits.Default);
        return read.IsSuccess ? Result<IReadOnlyList<RawTable>>.Ok([.. read.Value]) : read.Error!;
    }

    /// <summary>The first table (or the one of <paramref name="sheet"/>), its headers matched against <paramref name="vocabulary"/>.</summary>
    public static Result<MatchedTable> Read(Stream stream, string fileName, Vocabulary vocabulary, string? sheet = null,
        IReadOnlyCollection<string>? identityFields = null, ReadLimits? limits = null)
    {
        var read = ReadAll(stream, fileName, limits);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var table = sheet is null ? (read.Value.Count > 0 ? read.Value[0] : null) : read.Value.FirstOrDefault(t => t.Sheet == sheet);
        return table is null ? Errors.NoTable(fileName, sheet) : Match(table, vocabulary, identityFields);
    }

    /// <summary>
    /// The rows of one of the application's own data files (fixed headers, e.g. the local-government master), each
    /// keyed by its exact header. Not for users' files: those go through a vocabulary.
    /// </summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadRecords(byte[] csv, string fileName)
    {
        var read = TableReader.Read(new MemoryStream(csv), fileName, ReadLimits.Default);
        var table = read.IsSuccess ? read.Value.Single() : throw new InvalidDataException(read.Error!.Message);
        return table.Rows.Select(row => (IReadOnlyDictionary<string, string>)table.Headers
            .Select((h, i) => (h, v: i < row.Cells.Count ? row.Cells[i] ?? "" : "")).ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal));
    }

    public static MatchedTable Match(RawTable table, Vocabulary vocabulary, IReadOnlyCollection<string>? identityFields = null) =>
        new(table, HeaderMatcher.Match(vocabulary, table, identityFields), vocabulary);
}

/// <summary>The problems of one import: all counted, the first <see cref="Max"/> kept to be listed.</summary>
public sealed class ProblemList
{
    public const int Max = 1000;

    private readonly List<ImportProblem> items = [];

    public IReadOnlyList<ImportProblem> Items => items;

    public long Count { get; private set; }

    public void Add(ImportProblem problem)
    {
        Count++;
        if (items.Count < Max)
        {
            items.Add(problem);
        }
    }

    public void Add(CellRef at, string? value, Error error) => Add(new ImportProblem(at, value, error.Message));

    public void AddRange(IEnumerable<ImportProblem> problems)
    {
        foreach (var problem in problems)
        {
            Add(problem);
        }
    }
}
