using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tables;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Indicators;

/// <summary>The current tenant's population per fiscal year: entered or imported, each year with its basis and source.</summary>
public static class Populations
{
    public sealed record Input(int FiscalYear, string Population, string Basis, DateOnly? AsOf, string Source, string? SecondaryShare = null, string? TertiaryShare = null);

    public static Task<List<TenantPopulation>> ListAsync(AppDbContext db, CancellationToken ct) =>
        db.Populations.AsNoTracking().OrderBy(p => p.FiscalYear).ToListAsync(ct);

    /// <summary>The population of the year, or failing that of the nearest earlier year (a per-resident figure needs one).</summary>
    public static Task<TenantPopulation?> ForYearAsync(AppDbContext db, int fiscalYear, CancellationToken ct) =>
        db.Populations.AsNoTracking().Where(p => p.FiscalYear <= fiscalYear).OrderByDescending(p => p.FiscalYear).FirstOrDefaultAsync(ct);

    public static async Task<Result<TenantPopulation>> SetAsync(AppDbContext db, Input input, CancellationToken ct)
    {
        var checkedRow = Check(db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。"), input);
        if (!checkedRow.IsSuccess)
        {
            return checkedRow.Error!;
        }

        await UpsertAsync(db, checkedRow.Value, ct);
        await db.SaveChangesAsync(ct);
        return checkedRow.Value;
    }

    /// <summary>
    /// A CSV/XLSX with 年度, 人口, 基準, 基準日, 出典 (and optionally 団体コード, which must be the tenant's own, and the
    /// 国勢調査 industry shares 第2次産業比率, 第3次産業比率): every row checked first, then all written or none.
    /// </summary>
    public static async Task<Result<(int Rows, IReadOnlyList<ImportProblem> Problems)>> ImportAsync(AppDbContext db, Stream file, string fileName, CancellationToken ct)
    {
        var tenantId = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。");
        var read = TableReader.Read(file, fileName, ReadLimits.Default);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var table = read.Value.FirstOrDefault();
        if (table is null)
        {
            return Tables.Errors.NoTable(fileName, null);
        }

        var headers = table.Headers.Select(h => h.Trim()).ToList();
        int Col(params string[] names) => headers.FindIndex(names.Contains);
        var (year, population, basis, asOf, source, code) = (Col("年度"), Col("人口", "人口（人）"), Col("基準", "人口の基準"), Col("基準日"), Col("出典"), Col("団体コード"));
        var (secondary, tertiary) = (Col("第2次産業比率", "第2次産業就業者比率"), Col("第3次産業比率", "第3次産業就業者比率"));
        var problems = new List<ImportProblem>();
        foreach (var (index, label) in new[] { (year, "年度"), (population, "人口"), (source, "出典") }.Where(x => x.Item1 < 0))
        {
            problems.Add(new ImportProblem(new CellRef(fileName, table.Sheet, table.HeaderRow, null), null, Errors.MissingColumn(label, label).Message));
        }

        var rows = new List<TenantPopulation>();
        if (problems.Count == 0)
        {
            foreach (var row in table.Rows)
            {
                string? Cell(int i) => i < 0 || i >= row.Cells.Count ? null : row.Cells[i]?.Trim();
                Error? error = null;
                if (Cell(code) is { Length: > 0 } c && c != tenantId)
                {
                    error = Errors.OtherTenantCode(c, tenantId);
                }
                else if (!int.TryParse(Cell(year), NumberStyles.None, CultureInfo.InvariantCulture, out var fy))
                {
                    error = Errors.FiscalYearInvalid(Cell(year) ?? "");
                }
                else
                {
                    DateOnly? date = DateOnly.TryParse(Cell(asOf), CultureInfo.InvariantCulture, out var d) ? d : null;
                    var result = Check(tenantId, new Input(fy, Cell(population) ?? "", Cell(basis) is { Length: > 0 } b ? b : "住民基本台帳人口", date,
                        Cell(source) ?? "", Cell(secondary), Cell(tertiary)));
                    error = result.Error;
                    if (result.IsSuccess)
                    {
                        rows.Add(result.Value);
                    }
                }

                if (error is not null)
                {
                    problems.Add(new ImportProblem(new CellRef(fileName, table.Sheet, row.SourceRow, error.Field), null, error.Message));
                }
            }
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

    private static Result<TenantPopulation> Check(string tenantId, Input input)
    {
        var text = input.Population.Replace(",", "", StringComparison.Ordinal).Trim();
        if (input.FiscalYear is < FiscalYear.Min or > FiscalYear.Max)
        {
            return Errors.FiscalYearInvalid(input.FiscalYear.ToString(CultureInfo.InvariantCulture));
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var population) || population < 1)
        {
            return Errors.PopulationInvalid(input.Population);
        }

        if (string.IsNullOrWhiteSpace(input.Source))
        {
            return Errors.SourceRequired;
        }

        var secondary = Share("第2次産業比率", input.SecondaryShare);
        var tertiary = Share("第3次産業比率", input.TertiaryShare);
        if (!secondary.IsSuccess || !tertiary.IsSuccess)
        {
            return (secondary.Error ?? tertiary.Error)!;
        }

        return new TenantPopulation
        {
            TenantId = tenantId,
            FiscalYear = input.FiscalYear,
            Population = population,
            Basis = input.Basis.Trim(),
            AsOf = input.AsOf,
            Source = input.Source.Trim(),
            SecondaryIndustryShare = secondary.Value,
            TertiaryIndustryShare = tertiary.Value,
        };
    }

    private static Result<decimal?> Share(string label, string? text) =>
        string.IsNullOrWhiteSpace(text) ? Result<decimal?>.Ok(null)
        : decimal.TryParse(text.Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v <= 100 ? Result<decimal?>.Ok(v)
        : Errors.ShareInvalid(label, text);

    private static async Task UpsertAsync(AppDbContext db, TenantPopulation row, CancellationToken ct)
    {
        var existing = await db.Populations.SingleOrDefaultAsync(p => p.FiscalYear == row.FiscalYear, ct);
        if (existing is null)
        {
            db.Populations.Add(row);
            return;
        }

        existing.Population = row.Population;
        existing.Basis = row.Basis;
        existing.AsOf = row.AsOf;
        existing.Source = row.Source;
        existing.SecondaryIndustryShare = row.SecondaryIndustryShare;
        existing.TertiaryIndustryShare = row.TertiaryIndustryShare;
        existing.IsSample = false;
    }
}
