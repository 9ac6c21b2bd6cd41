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

    /// <summary>
    /// A CSV/XLSX with 年度, 既存更新分, 新規整備分, 用地取得分 (円) and 出典: every row checked, then the years in the
    /// file are added or replaced, all or none; other years stay. <paramref name="commit"/> false is a dry run.
    /// </summary>
    public static async Task<Result<MergeOutcome>> ImportAsync(AppDbContext db, Stream file, string fileName, bool commit, CancellationToken ct)
    {
        var tenantId = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。");
        var read = TableFile.Read(file, fileName, Vocabularies.Get(Vocabularies.Investments));
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var t = read.Value;
        var problems = new ProblemList();
        problems.AddRange(t.MissingColumns());
        var rows = new List<RecentInvestment>();
        var seen = new Dictionary<int, int>();
        long count = 0;
        var factors = (Factor(t, "Renewal"), Factor(t, "NewBuild"), Factor(t, "Land"));
        try
        {
            foreach (var row in problems.Count > 0 ? [] : t.Table.Rows)
            {
                count++;
                string Cell(string field) => CellText.Normalize(t.Cell(row, field));
                var checkedRow = int.TryParse(Cell("FiscalYear"), NumberStyles.None, CultureInfo.InvariantCulture, out var fy)
                    ? Check(tenantId, new Input(fy, Cell("Renewal"), Cell("NewBuild"), Cell("Land"), Cell("Source")), factors)
                    : Errors.FiscalYearInvalid(Cell("FiscalYear"));
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
                    problems.Add(t.At(row, FieldOf(checkedRow.Error!.Field) is { } field && t.Match.Column(field) is not null ? field : null), null, checkedRow.Error);
                }
            }
        }
        catch (ImportReadException e)
        {
            // A file that turns unreadable part-way (RawTable documents this): nothing has been written.
            problems.Add(e.Problem);
        }

        if (problems.Count > 0)
        {
            return MergeOutcome.Refused(count, problems, t.Match.Notes);
        }

        var stored = await db.RecentInvestments.ToDictionaryAsync(r => r.FiscalYear, ct);
        var tally = new YearTally();
        foreach (var row in rows)
        {
            if (!stored.TryGetValue(row.FiscalYear, out var existing))
            {
                tally.Added(row.FiscalYear);
                db.RecentInvestments.Add(row);
            }
            else if ((existing.Renewal, existing.NewBuild, existing.Land, existing.Source, existing.IsSample) == (row.Renewal, row.NewBuild, row.Land, row.Source, false))
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

    /// <summary>The yen per unit of an amount column: its header's money unit (「既存更新分（千円）」), else the table's title unit, else 1.</summary>
    private static decimal Factor(MatchedTable table, string field) =>
        table.Header(field) is { } header && HeaderUnit.Split(header) is var (_, factor, unit) && unit is not null
            ? (unit == "円" ? factor : 1m)
            : table.Table.TitleUnit?.Factor ?? 1m;

    /// <summary>The vocabulary field of an input error's field (the amounts are named by their label).</summary>
    private static string? FieldOf(string? errorField) => errorField switch
    {
        "既存更新分" => "Renewal",
        "新規整備分" => "NewBuild",
        "用地取得分" => "Land",
        var f => f,
    };

    private static Result<RecentInvestment> Check(string tenantId, Input input, (decimal Renewal, decimal NewBuild, decimal Land)? factors = null)
    {
        if (input.FiscalYear is < FiscalYear.Min or > FiscalYear.Max)
        {
            return Errors.FiscalYearInvalid(input.FiscalYear.ToString(CultureInfo.InvariantCulture));
        }

        var (renewalFactor, newBuildFactor, landFactor) = factors ?? (1m, 1m, 1m);
        var renewal = Amount("既存更新分", input.Renewal, renewalFactor);
        var newBuild = Amount("新規整備分", input.NewBuild, newBuildFactor);
        var land = Amount("用地取得分", input.Land, landFactor);
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

    /// <summary>An amount in yen: whole and not negative, after the unit of its column (千円 in the header or a title row).</summary>
    private static Result<decimal> Amount(string label, string? text, decimal factor = 1m)
    {
        var parsed = CellText.ParseNumber(text);
        var yen = parsed.IsSuccess ? (parsed.Value ?? 0m) * factor : -1m;
        return yen >= 0 && yen == decimal.Truncate(yen) && yen <= 999_999_999_999_999 ? yen : Errors.AmountInvalid(label, text ?? "");
    }

    private static async Task UpsertAsync(AppDbContext db, RecentInvestment row, CancellationToken ct)
    {
        var existing = await db.RecentInvestments.SingleOrDefaultAsync(r => r.FiscalYear == row.FiscalYear, ct);
        if (existing is null)
        {
            db.RecentInvestments.Add(row);
            return;
        }

        Copy(row, existing);
    }

    private static void Copy(RecentInvestment from, RecentInvestment to)
    {
        to.Renewal = from.Renewal;
        to.NewBuild = from.NewBuild;
        to.Land = from.Land;
        to.Source = from.Source;
        to.IsSample = false;
    }
}
