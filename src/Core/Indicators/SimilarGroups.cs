using System.Globalization;
using System.Text;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tables;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Indicators;

/// <summary>
/// 類似団体区分 per body and fiscal year (local-government-codes.md §4): loaded from 総務省 data (a file with
/// 団体コード, 年度 and 類似団体区分), labels normalised ("都市Ⅰ－１" → "都市Ⅰ-1"). Where a body has no loaded
/// group, <see cref="Estimate"/> derives one from population and industry structure with the documented
/// thresholds, which are unconfirmed for the 令和2年 regrouping: such a group is always shown as 推計（未検証）.
/// </summary>
public static class SimilarGroups
{
    public const string EstimatedSourceId = "estimate";

    private static readonly string[] Named = ["政令指定都市", "特別区", "中核市", "施行時特例市"];

    /// <summary>"都市Ⅳ－３", "都市IV-3", "町村Ⅱ-1", "中核市" … as the canonical label, or an error naming the value.</summary>
    public static Result<string> Normalise(string text)
    {
        var folded = new StringBuilder();
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormKC))
        {
            folded.Append(c is '－' or '‐' or '−' or '―' or 'ー' ? '-' : c);
        }

        // NFKC turns Ⅳ into "IV": put the Roman numerals back as the 総務省 files write them.
        var s = folded.ToString().Replace(" ", "", StringComparison.Ordinal);
        s = s == "特例市" ? "施行時特例市" : s;
        if (Named.Contains(s))
        {
            return s;
        }

        foreach (var prefix in new[] { "都市", "町村" })
        {
            if (!s.StartsWith(prefix, StringComparison.Ordinal) || s.IndexOf('-', StringComparison.Ordinal) is not (var dash and > 2))
            {
                continue;
            }

            var roman = Array.IndexOf(["I", "II", "III", "IV", "V"], s[prefix.Length..dash]);
            var maxRoman = prefix == "都市" ? 3 : 4;
            var maxIndustry = prefix == "都市" ? 3 : 2;
            if (roman >= 0 && roman <= maxRoman && int.TryParse(s[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var industry) && industry <= maxIndustry)
            {
                return $"{prefix}{"ⅠⅡⅢⅣⅤ"[roman]}-{industry}";
            }
        }

        return Errors.GroupInvalid(text);
    }

    /// <summary>
    /// The documented thresholds (local-government-codes.md §4.2, [U] for the 令和2年 regrouping): 都市 by population
    /// (&lt;50,000 / &lt;100,000 / &lt;150,000 / more) × industry (Ⅱ次+Ⅲ次 ≥ 95% and Ⅲ次 ≥ 65% → 3, ≥ 95% → 2,
    /// Ⅲ次 ≥ 55% → 1, else 0); 町村 by population (&lt;5,000 … ≥20,000 in steps of 5,000) × industry (Ⅱ次+Ⅲ次 ≥ 80%
    /// and Ⅲ次 ≥ 55% → 2, ≥ 80% → 1, else 0). 政令指定都市, 特別区 and 中核市 are groups of their own.
    /// Null when the kind needs industry shares that are missing.
    /// </summary>
    public static string? Estimate(LocalGovernmentKind kind, int population, decimal? secondaryShare, decimal? tertiaryShare)
    {
        switch (kind)
        {
            case LocalGovernmentKind.DesignatedCity: return "政令指定都市";
            case LocalGovernmentKind.SpecialWard: return "特別区";
            case LocalGovernmentKind.CoreCity: return "中核市";
            case LocalGovernmentKind.Prefecture or LocalGovernmentKind.Ward: return null;
        }

        if (secondaryShare is not { } secondary || tertiaryShare is not { } tertiary)
        {
            return null;
        }

        var nonPrimary = secondary + tertiary;
        if (kind == LocalGovernmentKind.City)
        {
            var band = population < 50_000 ? 0 : population < 100_000 ? 1 : population < 150_000 ? 2 : 3;
            var industry = nonPrimary >= 95 ? (tertiary >= 65 ? 3 : 2) : (tertiary >= 55 ? 1 : 0);
            return $"都市{"ⅠⅡⅢⅣ"[band]}-{industry}";
        }

        var townBand = Math.Min(population / 5_000, 4);
        var townIndustry = nonPrimary >= 80 ? (tertiary >= 55 ? 2 : 1) : 0;
        return $"町村{"ⅠⅡⅢⅣⅤ"[townBand]}-{townIndustry}";
    }

    /// <summary>Loads a 類似団体区分 file (団体コード, 年度, 類似団体区分), replacing the years it covers; all or nothing.</summary>
    public static async Task<Result<(int Rows, IReadOnlyList<ImportProblem> Problems)>> ImportAsync(
        AppDbContext db, Stream file, string fileName, StatisticsSource source, DateTime nowUtc, CancellationToken ct)
    {
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
        var (code, year, group) = (headers.FindIndex(h => h is "団体コード" or "lgcode"), headers.FindIndex(h => h is "年度" or "fiscal_year"),
            headers.FindIndex(h => h is "類似団体区分" or "類団区分" or "similar_group"));
        var problems = new List<ImportProblem>();
        foreach (var (index, label) in new[] { (code, "団体コード"), (year, "年度"), (group, "類似団体区分") }.Where(x => x.Item1 < 0))
        {
            problems.Add(new ImportProblem(new CellRef(fileName, table.Sheet, table.HeaderRow, null), null, Errors.MissingColumn(label, label).Message));
        }

        var rows = new Dictionary<(string, int), SimilarGroupAssignment>();
        if (problems.Count == 0)
        {
            foreach (var row in table.Rows)
            {
                string Cell(int i) => (i < row.Cells.Count ? row.Cells[i] : null)?.Trim() ?? "";
                var parsedCode = LocalGovernmentCode.Parse(Cell(code));
                var parsedGroup = Normalise(Cell(group));
                var error = !parsedCode.IsSuccess ? parsedCode.Error
                    : !int.TryParse(Cell(year), NumberStyles.None, CultureInfo.InvariantCulture, out var fy) || fy is < FiscalYear.Min or > FiscalYear.Max ? Errors.FiscalYearInvalid(Cell(year))
                    : !parsedGroup.IsSuccess ? parsedGroup.Error
                    : !rows.TryAdd((parsedCode.Value.Value, fy), new SimilarGroupAssignment { Code = parsedCode.Value.Value, FiscalYear = fy, Group = parsedGroup.Value, SourceId = source.Id })
                        ? Errors.DuplicateRow(parsedCode.Value.Value, fy, 0) : null;
                if (error is not null && problems.Count < 1000)
                {
                    problems.Add(new ImportProblem(new CellRef(fileName, table.Sheet, row.SourceRow, null), null, error.Message));
                }
            }
        }

        if (problems.Count > 0)
        {
            return (rows.Count, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var years = rows.Keys.Select(k => k.Item2).Distinct().ToList();
        await db.SimilarGroups.Where(g => years.Contains(g.FiscalYear)).ExecuteDeleteAsync(ct);
        var existing = await db.StatisticsSources.SingleOrDefaultAsync(s => s.Id == source.Id, ct);
        if (existing is null)
        {
            db.StatisticsSources.Add(source);
            existing = source;
        }

        existing.RowCount = rows.Count;
        existing.LoadedAtUtc = nowUtc;
        await db.SaveChangesAsync(ct);
        await Database.BulkInsert.InsertAsync(db, rows.Values, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (rows.Count, (IReadOnlyList<ImportProblem>)[]);
    }
}
