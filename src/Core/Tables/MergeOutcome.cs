namespace InfraLedger.Core.Tables;

/// <summary>What an import of yearly figures does to one fiscal year: rows added, replaced with other values, left as they are.</summary>
public sealed record YearChange(int FiscalYear, long Added, long Replaced, long Unchanged);

/// <summary>
/// The outcome of an import that merges yearly figures (public statistics, populations, recent investments): only the
/// (fiscal year, body) pairs in the file are touched, each year says what it adds, replaces and leaves; a dry run
/// reports the same without writing. Rows the file deliberately leaves out (an average row, a footer) are counted as
/// skipped with the reason.
/// </summary>
public sealed record MergeOutcome(
    long Rows, IReadOnlyList<YearChange> Years, long ProblemCount, IReadOnlyList<ImportProblem> Problems, bool Committed, IReadOnlyList<ColumnNote> Notes)
{
    public long Skipped { get; init; }

    public string? SkippedReason { get; init; }

    /// <summary>The very file loaded last: nothing read, nothing written.</summary>
    public bool SameFileAsLoaded { get; init; }

    public bool HasProblems => ProblemCount > 0;

    public long Added => Years.Sum(y => y.Added);

    public long Replaced => Years.Sum(y => y.Replaced);

    public long Unchanged => Years.Sum(y => y.Unchanged);

    /// <summary>Nothing written: the problems (and the columns' notes) say why.</summary>
    public static MergeOutcome Refused(long rows, ProblemList problems, IReadOnlyList<ColumnNote> notes) =>
        new(rows, [], problems.Count, problems.Items, false, notes);

    /// <summary>
    /// One line per year, as the CLI and the pages print them: 「2020年度: 追加 1,741団体、置換 0団体、変更なし 0団体」, or
    /// for files of one row per year (<paramref name="unit"/> null) what happens to the year: 「2020年度: 置換」.
    /// </summary>
    public IEnumerable<string> YearLines(string? unit) =>
        Years.Select(y => unit is not null
            ? $"{y.FiscalYear}年度: 追加 {y.Added:N0}{unit}、置換 {y.Replaced:N0}{unit}、変更なし {y.Unchanged:N0}{unit}"
            : $"{y.FiscalYear}年度: {(y.Added > 0 ? "追加" : y.Replaced > 0 ? "置換" : "変更なし")}");
}

/// <summary>Counts outcomes per fiscal year while an import compares its rows with what is stored.</summary>
public sealed class YearTally
{
    private readonly SortedDictionary<int, (long Added, long Replaced, long Unchanged)> years = [];

    public void Added(int year) => Bump(year, (1, 0, 0));

    public void Replaced(int year) => Bump(year, (0, 1, 0));

    public void Unchanged(int year) => Bump(year, (0, 0, 1));

    public IReadOnlyList<YearChange> Years => [.. years.Select(y => new YearChange(y.Key, y.Value.Added, y.Value.Replaced, y.Value.Unchanged))];

    private void Bump(int year, (long Added, long Replaced, long Unchanged) by)
    {
        var now = years.GetValueOrDefault(year);
        years[year] = (now.Added + by.Added, now.Replaced + by.Replaced, now.Unchanged + by.Unchanged);
    }
}
