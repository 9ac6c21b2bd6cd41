namespace InfraLedger.Core.Tables;

/// <summary>Where a value came from, for error messages: file, sheet, row (1-based, as the user sees it) and column.</summary>
public sealed record CellRef(string File, string? Sheet, int Row, string? Column)
{
    public override string ToString() =>
        $"{File}{(Sheet is null ? "" : $"［{Sheet}］")} {Row}行目{(Column is null ? "" : $"「{Column}」列")}";
}

/// <summary>One problem found while reading or checking a file, in Japanese.</summary>
public sealed record ImportProblem(CellRef At, string? Value, string Reason)
{
    public override string ToString() => $"{At}: {Reason}{(Value is null ? "" : $"（値: {Value}）")}";
}

/// <summary>A data row as read: cell texts aligned with <see cref="RawTable.Headers"/>, and its row number in the file.</summary>
public sealed record RawRow(int SourceRow, IReadOnlyList<string?> Cells);

/// <summary>
/// A table found in a file (one per CSV, one per non-empty sheet): the merged header names and the data rows
/// below them, with title, note and total rows removed. Cell texts are as in the file (not yet normalised).
/// <see cref="Rows"/> streams from the file (single pass), so that a million-row file never sits in memory;
/// a fatal problem found mid-stream (an undecodable line, a line over the limit) is thrown as
/// <see cref="ImportReadException"/>, which the import turns into a located refusal. <see cref="TitleUnit"/> is the
/// money unit a title row states for the table (「単位：千円」), which money columns without a unit of their own take.
/// </summary>
public sealed record RawTable(string File, string? Sheet, IReadOnlyList<string> Headers, int HeaderRow, IEnumerable<RawRow> Rows,
    (decimal Factor, string Unit)? TitleUnit = null)
{
    /// <summary>The header cells each column's name was joined from (「取得価額」「金額」 for 「取得価額 金額」), top first.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? HeaderParts { get; init; }

    /// <summary>The texts of the title rows above the header (「全市町村の主要財政指標（令和２年度）」), in reading order.</summary>
    public IReadOnlyList<string> Titles { get; init; } = [];

    /// <summary>The first data rows, read while the header was found (they are also the first of <see cref="Rows"/>).</summary>
    public IReadOnlyList<RawRow> Sample { get; init; } = [];

    /// <summary>The parts of a column's header (the header itself when it was one cell).</summary>
    public IReadOnlyList<string> PartsOf(int column) =>
        HeaderParts is { } parts && column < parts.Count && parts[column].Count > 0 ? parts[column] : [Headers[column]];
}

/// <summary>
/// A file-level problem found while streaming rows. An exception only because it interrupts an enumeration;
/// the import boundary catches it and reports <see cref="Problem"/> like any other refusal.
/// </summary>
public sealed class ImportReadException(ImportProblem problem) : Exception(problem.ToString())
{
    public ImportProblem Problem { get; } = problem;
}
