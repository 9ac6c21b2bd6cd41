namespace InfraLedger.Core.Tables;

/// <summary>
/// Bounds on what <see cref="TableReader"/> accepts, so that a hostile or broken file is refused before it can
/// exhaust memory or time. The defaults fit real registers (tens of thousands of rows) with a wide margin and
/// keep a 1,000,000-row import within the 512 MB budget of the import benchmark (ADR 0021 states them).
/// </summary>
/// <param name="MaxFileBytes">Largest file accepted, as uploaded (CSV text or the compressed Excel file).</param>
/// <param name="MaxLineChars">Longest CSV record in characters; a quoted field that never closes hits this too.</param>
/// <param name="MaxUncompressedBytes">Sum of the sizes an XLSX declares for its parts once uncompressed.</param>
/// <param name="MaxCompressionRatio">Largest uncompressed/compressed ratio of one XLSX part (zip bombs reach thousands).</param>
/// <param name="MaxColumns">
/// Rightmost column a sheet may use (declared or written). A reader gives every row as wide as the sheet, so a single
/// cell at XFD1 would make each of a million rows 16,384 cells wide.
/// </param>
/// <param name="MaxCells">Largest used range of a sheet (last row × last column), declared or written.</param>
/// <param name="MaxBlankRows">
/// Most rows a sheet may skip before its last written row: a reader yields the skipped rows one by one, so one cell at
/// A1048576 costs a million empty rows.
/// </param>
public sealed record ReadLimits(
    long MaxFileBytes = 1L << 30,
    int MaxLineChars = 1_000_000,
    long MaxUncompressedBytes = 512L << 20,
    int MaxCompressionRatio = 100,
    int MaxColumns = 1_000,
    long MaxCells = 20_000_000,
    int MaxBlankRows = 10_000)
{
    public static ReadLimits Default { get; } = new();
}
