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
    /// 国勢調査 industry shares 第2次産業比率, 第3次産業比率): every row checked first, then the years in the file are
    /// added or replaced, all or none; other years stay. <paramref name="commit"/> false is a dry run.
    /// </summary>
    public static async Task<Result<MergeOutcome>> ImportAsync(AppDbContext db, Stream file, string fileName, bool commit, CancellationToken ct)
    {
        var tenantId = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。");
        var read = TableFile.Read(file, fileName, Vocabularies.Get(Vocabularies.Populations));
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var t = read.Value;
        var problems = new ProblemList();
        problems.AddRange(t.MissingColumns());
        var rows = new List<TenantPopulation>();
        var seen = new Dictionary<int, int>();
        long count = 0;
        try
        {
            foreach (var row in problems.Count > 0 ? [] : t.Table.Rows)
            {
                count++;
                string? Cell(string field) => t.Cell(row, field)?.Trim();
                var result = Cell("TenantCode") is { Length: > 0 } c && CellText.Normalize(c) != tenantId ? Errors.OtherTenantCode(c, tenantId)
                    : !int.TryParse(CellText.Normalize(Cell("FiscalYear")), NumberStyles.None, CultureInfo.InvariantCulture, out var fy) ? Errors.FiscalYearInvalid(Cell("FiscalYear") ?? "")
                    : Check(tenantId, new Input(fy, CellText.Normalize(Cell("Population")), Cell("Basis") is { Length: > 0 } b ? b : "住民基本台帳人口",
                        CellText.ParseDate(Cell("AsOf")) is { IsSuccess: true, Value: { } d } ? d.ToDateOnly() : null,
                        Cell("Source") ?? "", Cell("SecondaryShare"), Cell("TertiaryShare")));
                if (result.IsSuccess && seen.TryGetValue(result.Value.FiscalYear, out var first))
                {
                    result = Errors.DuplicateYear(result.Value.FiscalYear, first);
                }

                if (result.IsSuccess)
                {
                    rows.Add(result.Value);
                    seen[result.Value.FiscalYear] = row.SourceRow;
                }
                else
                {
                    problems.Add(t.At(row, result.Error!.Field is { } field && t.Match.Column(field) is not null ? field : null), null, result.Error);
                }
            }
        }
        catch (ImportReadException e)
        {
            problems.Add(e.Problem);
        }

        if (problems.Count > 0)
        {
            return MergeOutcome.Refused(count, problems, t.Match.Notes);
        }

        var stored = await db.Populations.ToDictionaryAsync(p => p.FiscalYear, ct);
        var tally = new YearTally();
        foreach (var row in rows)
        {
            if (!stored.TryGetValue(row.FiscalYear, out var existing))
            {
                tally.Added(row.FiscalYear);
                db.Populations.Add(row);
            }
            else if (Same(existing, row))
            {
                tally.Unchanged(row.FiscalYear);
            }
            else
            {
                tally.Replaced(row.FiscalYear);
                Copy(row, existing);
            }
        }

        if (commit)
        {
            await db.SaveChangesAsync(ct);
        }

        db.ChangeTracker.Clear();
        return new MergeOutcome(count, tally.Years, 0, [], commit, t.Match.Notes);
    }

    /// <summary>Removes the tenant's population of one fiscal year (only when asked: an import never removes a year).</summary>
    public static async Task<bool> RemoveAsync(AppDbContext db, int fiscalYear, CancellationToken ct) =>
        await db.Populations.Where(p => p.FiscalYear == fiscalYear).ExecuteDeleteAsync(ct) > 0;

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

        Copy(row, existing);
    }

    private static bool Same(TenantPopulation a, TenantPopulation b) =>
        (a.Population, a.Basis, a.AsOf, a.Source, a.SecondaryIndustryShare, a.TertiaryIndustryShare, a.IsSample)
        == (b.Population, b.Basis, b.AsOf, b.Source, b.SecondaryIndustryShare, b.TertiaryIndustryShare, b.IsSample);

    private static void Copy(TenantPopulation from, TenantPopulation to)
    {
        to.Population = from.Population;
        to.Basis = from.Basis;
        to.AsOf = from.AsOf;
        to.Source = from.Source;
        to.SecondaryIndustryShare = from.SecondaryIndustryShare;
        to.TertiaryIndustryShare = from.TertiaryIndustryShare;
        to.IsSample = false;
    }
}
