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

    /// <summary>
    /// Loads a 類似団体区分 file (団体コード, 年度, 類似団体区分): the (body, year) pairs in the file are added or
    /// replaced, all or none; other bodies and years stay. <paramref name="commit"/> false is a dry run.
    /// </summary>
    public static async Task<Result<MergeOutcome>> ImportAsync(
        AppDbContext db, Stream file, string fileName, StatisticsSource source, bool commit, DateTime nowUtc, CancellationToken ct)
    {
        var read = TableFile.Read(file, fileName, Vocabularies.Get(Vocabularies.SimilarGroups));
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var t = read.Value;
        var problems = new ProblemList();
        problems.AddRange(t.MissingColumns());
        var rows = new Dictionary<(string Code, int Year), (SimilarGroupAssignment Row, int SourceRow)>();
        long count = 0;
        try
        {
            foreach (var row in problems.Count > 0 ? [] : t.Table.Rows)
            {
                count++;
                string Cell(string field) => CellText.Normalize(t.Cell(row, field));
                var parsedCode = LocalGovernmentCode.Parse(Cell("Code"));
                var parsedGroup = Normalise(t.Cell(row, "Group") ?? "");
                var yearOk = int.TryParse(Cell("FiscalYear"), NumberStyles.None, CultureInfo.InvariantCulture, out var fy) && fy is >= FiscalYear.Min and <= FiscalYear.Max;
                var (error, field) = !parsedCode.IsSuccess ? (parsedCode.Error, "Code")
                    : !yearOk ? (Errors.FiscalYearInvalid(Cell("FiscalYear")), "FiscalYear")
                    : !parsedGroup.IsSuccess ? (parsedGroup.Error, "Group")
                    : rows.TryGetValue((parsedCode.Value.Value, fy), out var first) ? (Errors.DuplicateRow(parsedCode.Value.Value, fy, first.SourceRow), "Code")
                    : (null, null);
                if (error is not null)
                {
                    problems.Add(t.At(row, field), t.Cell(row, field!), error);
                    continue;
                }

                rows[(parsedCode.Value.Value, fy)] = (new SimilarGroupAssignment { Code = parsedCode.Value.Value, FiscalYear = fy, Group = parsedGroup.Value, SourceId = source.Id }, row.SourceRow);
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

        var years = rows.Keys.Select(k => k.Year).Distinct().ToList();
        var stored = await db.SimilarGroups.AsNoTracking().Where(g => years.Contains(g.FiscalYear)).ToDictionaryAsync(g => (g.Code, g.FiscalYear), ct);
        var tally = new YearTally();
        var changed = new List<SimilarGroupAssignment>();
        foreach (var ((code, year), (row, _)) in rows)
        {
            if (!stored.TryGetValue((code, year), out var existing))
            {
                tally.Added(year);
                changed.Add(row);
            }
            else if (existing.Group == row.Group && existing.SourceId == row.SourceId)
            {
                tally.Unchanged(year);
            }
            else
            {
                tally.Replaced(year);
                changed.Add(row);
            }
        }

        if (commit)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var year in changed.GroupBy(r => r.FiscalYear))
            {
                var codes = year.Select(r => r.Code).ToList();
                await db.SimilarGroups.Where(g => g.FiscalYear == year.Key && codes.Contains(g.Code)).ExecuteDeleteAsync(ct);
            }

            var existingSource = await db.StatisticsSources.SingleOrDefaultAsync(s => s.Id == source.Id, ct);
            if (existingSource is null)
            {
                db.StatisticsSources.Add(source);
                existingSource = source;
            }

            await db.SaveChangesAsync(ct);
            await Database.BulkInsert.InsertAsync(db, changed, ct);
            existingSource.RowCount = await db.SimilarGroups.CountAsync(g => g.SourceId == source.Id, ct);
            existingSource.LoadedAtUtc = nowUtc;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        return new MergeOutcome(count, tally.Years, 0, [], commit, t.Match.Notes);
    }
}
