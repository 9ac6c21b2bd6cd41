using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Register.Import;

namespace InfraLedger.Core.Inspections;

/// <summary>Files of inspections and works, read by the register's import pipeline (TableReader): all rows checked, then all written or none.</summary>
public static partial class Inspections
{
    /// <summary>
    /// A CSV/XLSX read by the register's pipeline with the columns 施設コード, 点検日, 判定区分 (required) and 部材, 点検者,
    /// 対策区分, 所見, 写真: every row checked first, each problem located (file, sheet, row, column), then all written or none.
    /// </summary>
    public static async Task<Result<(int Rows, IReadOnlyList<ImportProblem> Problems)>> ImportAsync(AppDbContext db, Stream file, string fileName, DateOnly today, CancellationToken ct)
    {
        var read = TableReader.Read(file, fileName, ReadLimits.Default);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var table = read.Value.FirstOrDefault();
        if (table is null)
        {
            return Register.Errors.NoTable(fileName, null);
        }

        var headers = table.Headers.Select(h => CellText.Normalize(h)).ToList();
        int Col(params string[] names) => headers.FindIndex(names.Contains);
        var (code, date, grade) = (Col("施設コード"), Col("点検日", "点検年月日"), Col("判定区分", "健全性", "健全度", "緊急度"));
        var (member, inspector, measure, findings, photos) = (Col("部材"), Col("点検者"), Col("対策区分"), Col("所見"), Col("写真"));
        var problems = new List<ImportProblem>();
        foreach (var (index, label) in new[] { (code, "施設コード"), (date, "点検日"), (grade, "判定区分") }.Where(x => x.Item1 < 0))
        {
            problems.Add(new ImportProblem(new CellRef(fileName, table.Sheet, table.HeaderRow, null), null, Errors.MissingColumn(label).Message));
        }

        var rows = new List<Inspection>();
        if (problems.Count == 0)
        {
            var facilities = await FacilityKindsAsync(db, ct);
            var next = await NextIdAsync(db.Inspections, ct);
            try
            {
                foreach (var row in table.Rows)
                {
                    string? Cell(int i) => i < 0 || i >= row.Cells.Count ? null : row.Cells[i]?.Trim();
                    var result = Check(db.Scope.TenantId!, new Input(Cell(code) ?? "", Cell(member), Cell(date) ?? "", Cell(inspector), Cell(grade) ?? "",
                        Cell(measure), Cell(findings), Cell(photos)), facilities, today, next + rows.Count);
                    if (result.IsSuccess)
                    {
                        rows.Add(result.Value);
                    }
                    else
                    {
                        var column = ColumnOf(result.Error!.Field);
                        problems.Add(new ImportProblem(new CellRef(fileName, table.Sheet, row.SourceRow, column), null, result.Error.Message));
                    }
                }
            }
            catch (ImportReadException e)
            {
                problems.Add(e.Problem);
            }
        }

        if (problems.Count > 0)
        {
            return (0, problems);
        }

        db.Inspections.AddRange(rows);
        await db.SaveChangesAsync(ct);
        return (rows.Count, (IReadOnlyList<ImportProblem>)[]);
    }

    /// <summary>The file column a record's field is read from, for locating a problem.</summary>
    private static string? ColumnOf(string? field) => field switch
    {
        "FacilityCode" => "施設コード", "Member" => "部材", "InspectedOn" => "点検日", "Inspector" => "点検者", "Grade" => "判定区分",
        "Countermeasure" => "対策区分", "Findings" => "所見", "Photos" => "写真",
        "CompletedOn" => "完了日", "Description" => "内容", "GradeAfter" => "完了後の区分", "Cost" => "費用", var f => f,
    };
}
