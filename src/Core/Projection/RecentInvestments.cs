using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tables;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Projection;

/// <summary>
/// The current tenant's 投資的経費 per fiscal year (entered or imported, with the source), and their average over
/// the years before a projection's base year: the "recent investment" line of the 総合管理計画 chart.
/// </summary>
public static class RecentInvestments
{
    /// <summary>Years averaged for the line (the usual 直近5年).</summary>
    public const int AverageYears = 5;

    public sealed record Input(int FiscalYear, string Renewal, string NewBuild, string Land, string Source);

    /// <summary>The average annual investment over the <see cref="AverageYears"/> years before the base year, and the years it used.</summary>
    public sealed record Average(decimal Total, decimal Renewal, IReadOnlyList<int> Years, string Sources);

    public static Task<List<RecentInvestment>> ListAsync(AppDbContext db, CancellationToken ct) =>
        db.RecentInvestments.AsNoTracking().OrderBy(r => r.FiscalYear).ToListAsync(ct);

    public static async Task<Average?> AverageBeforeAsync(AppDbContext db, int baseYear, CancellationToken ct)
    {
        var rows = await db.RecentInvestments.AsNoTracking()
            .Where(r => r.FiscalYear < baseYear && r.FiscalYear >= baseYear - AverageYears).OrderBy(r => r.FiscalYear).ToListAsync(ct);
        return Of(rows);
    }

    public static Average? Of(IReadOnlyList<RecentInvestment> rows) => rows.Count == 0 ? null
        : new Average(rows.Sum(r => r.Total) / rows.Count, rows.Sum(r => r.Renewal) / rows.Count, [.. rows.Select(r => r.FiscalYear)],
            string.Join("、", rows.Select(r => r.Source).Distinct()));

    public static async Task<Result<RecentInvestment>> SetAsync(AppDbContext db, Input input, CancellationToken ct)
    {
        var row = Check(db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。"), input);
        if (!row.IsSuccess)
        {
            return row.Error!;
        }

        await UpsertAsync(db, row.Value, ct);
        await db.SaveChangesAsync(ct);
        return row.Value;
    }

    public static async Task<Result<bool>> DeleteAsync(AppDbContext db, int fiscalYear, CancellationToken ct)
    {
        var row = await db.RecentInvestments.SingleOrDefaultAsync(r => r.FiscalYear == fiscalYear, ct);
        if (row is null)
        {
            return Errors.FiscalYearInvalid(fiscalYear.ToString(CultureInfo.InvariantCulture));
        }

        db.RecentInvestments.Remove(row);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A CSV/XLSX with 年度, 既存更新分, 新規整備分, 用地取得分 (円) and 出典: every row checked, then all written or none.</summary>
    public static async Task<Result<(int Rows, IReadOnlyList<ImportProblem> Problems)>> ImportAsync(AppDbContext db, Stream file, string fileName, CancellationToken ct)
    {
        var tenantId = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。");
        var read = TableReader.Read(file, fileName, ReadLimits.Default);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        if (read.Value.FirstOrDefault() is not { } table)
        {
            return Tables.Errors.NoTable(fileName, null);
        }

        var headers = table.Headers.Select(h => h.Trim()).ToList();
        int Col(params string[] names) => headers.FindIndex(h => names.Any(n => h.StartsWith(n, StringComparison.Ordinal)));
        var (year, renewal, newBuild, land, source) = (Col("年度"), Col("既存更新分", "更新"), Col("新規整備分", "新規"), Col("用地取得分", "用地"), Col("出典"));
        var problems = new List<ImportProblem>();
        foreach (var label in new[] { (year, "年度"), (renewal, "既存更新分"), (source, "出典") }.Where(x => x.Item1 < 0).Select(x => x.Item2))
        {
            problems.Add(new ImportProblem(new CellRef(fileName, table.Sheet, table.HeaderRow, null), null, $"「{label}」の列が見つかりません。"));
        }

        var rows = new List<RecentInvestment>();
        try
        {
            Check(table, rows, problems, (year, renewal, newBuild, land, source), tenantId, fileName);
        }
        catch (ImportReadException e)
        {
            // A file that turns unreadable part-way (RawTable documents this): nothing has been written.
            problems.Add(e.Problem);
        }

        if (problems.Count > 0)
        {
            return (rows.Count, problems);
        }

        foreach (var row in rows)
        {
            await UpsertAsync(db, row, ct);
        }

        await db.SaveChangesAsync(ct);
        return (rows.Count, (IReadOnlyList<ImportProblem>)[]);
    }

    private static void Check(RawTable table, List<RecentInvestment> rows, List<ImportProblem> problems,
        (int Year, int Renewal, int NewBuild, int Land, int Source) col, string tenantId, string fileName)
    {
        var (year, renewal, newBuild, land, source) = col;
        var seen = new Dictionary<int, int>();
        foreach (var row in problems.Count > 0 ? [] : table.Rows)
        {
            string Cell(int i) => i < 0 || i >= row.Cells.Count ? "" : row.Cells[i]?.Trim() ?? "";
            var checkedRow = int.TryParse(Cell(year), NumberStyles.None, CultureInfo.InvariantCulture, out var fy)
                ? Check(tenantId, new Input(fy, Cell(renewal), Cell(newBuild), Cell(land), Cell(source)))
                : Errors.FiscalYearInvalid(Cell(year));
            if (checkedRow.IsSuccess && seen.TryGetValue(checkedRow.Value.FiscalYear, out var first))
            {
                checkedRow = Errors.DuplicateYear(checkedRow.Value.FiscalYear, first);
            }

            if (checkedRow.IsSuccess)
            {
                rows.Add(checkedRow.Value);
                seen[checkedRow.Value.FiscalYear] = row.SourceRow;
            }
            else
            {
                problems.Add(new ImportProblem(new CellRef(fileName, table.Sheet, row.SourceRow, checkedRow.Error!.Field), null, checkedRow.Error.Message));
            }
        }
    }

    private static Result<RecentInvestment> Check(string tenantId, Input input)
    {
        if (input.FiscalYear is < FiscalYear.Min or > FiscalYear.Max)
        {
            return Errors.FiscalYearInvalid(input.FiscalYear.ToString(CultureInfo.InvariantCulture));
        }

        var renewal = Amount("既存更新分", input.Renewal);
        var newBuild = Amount("新規整備分", input.NewBuild);
        var land = Amount("用地取得分", input.Land);
        if (!renewal.IsSuccess || !newBuild.IsSuccess || !land.IsSuccess)
        {
            return (renewal.Error ?? newBuild.Error ?? land.Error)!;
        }

        return string.IsNullOrWhiteSpace(input.Source) ? Errors.SourceRequired : new RecentInvestment
        {
            TenantId = tenantId,
            FiscalYear = input.FiscalYear,
            Renewal = renewal.Value,
            NewBuild = newBuild.Value,
            Land = land.Value,
            Source = input.Source.Trim(),
        };
    }

    private static Result<decimal> Amount(string label, string? text)
    {
        var t = (text ?? "").Replace(",", "", StringComparison.Ordinal).Trim();
        return t.Length == 0 ? 0m
            : long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= 999_999_999_999_999 ? v
            : Errors.AmountInvalid(label, text!);
    }

    private static async Task UpsertAsync(AppDbContext db, RecentInvestment row, CancellationToken ct)
    {
        var existing = await db.RecentInvestments.SingleOrDefaultAsync(r => r.FiscalYear == row.FiscalYear, ct);
        if (existing is null)
        {
            db.RecentInvestments.Add(row);
            return;
        }

        existing.Renewal = row.Renewal;
        existing.NewBuild = row.NewBuild;
        existing.Land = row.Land;
        existing.Source = row.Source;
        existing.IsSample = false;
    }
}
