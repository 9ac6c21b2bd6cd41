using System.Globalization;
using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Planning;

/// <summary>The candidates of a file as read, with where each came from (for located errors).</summary>
public sealed record CandidateTable(IReadOnlyList<Candidate> Candidates, IReadOnlyList<CellRef> Rows);

/// <summary>
/// A candidates file (CSV/XLSX): 施設, 年度, 費用, 便益, and optionally 対策内容, 財源, 確約 (はい/yes/1), headers
/// matched by the <c>plan-candidates</c> vocabulary. Every row is checked; any problem refuses the whole file.
/// </summary>
public static class CandidateFile
{
    public const string Vocabulary = "plan-candidates";

    private static readonly HashSet<string> Yes = new(["はい", "○", "〇", "yes", "true", "1", "済", "確約"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> No = new(["", "いいえ", "no", "false", "0", "-"], StringComparer.OrdinalIgnoreCase);

    public static (CandidateTable? Table, IReadOnlyList<ImportProblem> Problems) Read(Stream stream, string fileName)
    {
        var read = TableFile.Read(stream, fileName, Vocabularies.Get(Vocabulary));
        if (!read.IsSuccess)
        {
            return (null, [new ImportProblem(new CellRef(fileName, null, 0, null), null, read.Error!.Message)]);
        }

        var t = read.Value;
        var problems = new ProblemList();
        problems.AddRange(t.MissingColumns());
        var candidates = new List<Candidate>();
        var rows = new List<CellRef>();
        try
        {
            foreach (var row in problems.Count > 0 ? [] : t.Table.Rows)
            {
                string Cell(string field) => CellText.Normalize(t.Cell(row, field));
                var facility = Cell("Facility");
                if (facility.Length == 0)
                {
                    problems.Add(t.At(row, "Facility"), null, Errors.FieldMissing(t.Vocabulary.Label("Facility")));
                    continue;
                }

                var year = int.TryParse(Cell("Year"), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y > 0 ? y : (int?)null;
                var cost = Amount(t, row, "Cost", problems);
                var benefit = Amount(t, row, "Benefit", problems);
                var committed = Cell("Committed");
                if (year is null)
                {
                    problems.Add(t.At(row, "Year"), Cell("Year"), Errors.YearInvalid(Cell("Year")));
                }
                else if (cost is < 0)
                {
                    problems.Add(t.At(row, "Cost"), Cell("Cost"), Errors.CostNegative());
                }
                else if (!Yes.Contains(committed) && !No.Contains(committed))
                {
                    problems.Add(t.At(row, "Committed"), committed, Errors.CommittedInvalid(committed));
                }
                else if (cost is { } c && benefit is { } b)
                {
                    candidates.Add(new Candidate(facility, year.Value, Cell("Treatment"), c, b, Cell("Source"), Yes.Contains(committed)));
                    rows.Add(t.At(row));
                }
            }
        }
        catch (ImportReadException e)
        {
            problems.Add(e.Problem);
        }

        if (problems.Count == 0 && candidates.Count == 0)
        {
            problems.Add(new CellRef(fileName, t.Table.Sheet, t.Table.HeaderRow, null), null, Errors.NoCandidates());
        }

        return problems.Count > 0 ? (null, problems.Items) : (new CandidateTable(candidates, rows), []);
    }

    /// <summary>A problem, at its row, for each candidate whose year and source has no budget.</summary>
    public static IReadOnlyList<ImportProblem> CheckBudgets(CandidateTable table, IReadOnlyList<Budget> budgets)
    {
        var keys = budgets.Select(b => (b.Year, b.Source)).ToHashSet();
        return [.. table.Candidates.Select((c, i) => (c, i)).Where(x => !keys.Contains((x.c.Year, x.c.Source)))
            .Select(x => new ImportProblem(table.Rows[x.i] with { Column = null }, null, Errors.NoBudget("", x.c.Year, x.c.Source).Message))];
    }

    private static decimal? Amount(MatchedTable t, RawRow row, string field, ProblemList problems)
    {
        var parsed = CellText.ParseNumber(t.Cell(row, field));
        if (!parsed.IsSuccess || parsed.Value is null)
        {
            problems.Add(t.At(row, field), t.Cell(row, field), parsed.IsSuccess ? Errors.FieldMissing(t.Vocabulary.Label(field)) : parsed.Error!);
            return null;
        }

        return parsed.Value;
    }
}
