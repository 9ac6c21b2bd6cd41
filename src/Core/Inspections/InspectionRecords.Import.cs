using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tables;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Inspections;

/// <summary>
/// Files of inspections and works, read by the register's import pipeline (TableReader): every row checked first, each
/// problem located (file, sheet, row, column), then all written or none. A record is identified by facility, member
/// and date: a row that names an existing record corrects it, an identical one leaves it alone, so a re-run of the same
/// file changes nothing.
/// </summary>
public static partial class InspectionRecords
{
    /// <summary>What an import did: rows added, rows that corrected an existing record, rows already recorded as they are.</summary>
    public sealed record ImportOutcome(int Added, int Updated, int Unchanged, IReadOnlyList<ImportProblem> Problems)
    {
        public int Rows => Added + Updated + Unchanged;

        /// <summary>What the page and the CLI report, e.g. 「点検記録のファイル 3 行を取り込みました（追加 1 件、修正 1 件、変更なし 1 件）。」</summary>
        public string Summary(string what) => $"{what}のファイル {Rows} 行を取り込みました（追加 {Added} 件、修正 {Updated} 件、変更なし {Unchanged} 件）。";

        public static ImportOutcome Refused(IReadOnlyList<ImportProblem> problems) => new(0, 0, 0, problems);
    }

    /// <summary>Columns 施設コード, 点検日, 判定区分 (required) and 部材, 点検者, 対策区分, 所見, 写真 (or 写真の参照: references, not files).</summary>
    public static async Task<Result<ImportOutcome>> ImportAsync(AppDbContext db, Stream file, string fileName, DateOnly today, CancellationToken ct)
    {
        return await ImportTableAsync(db, db.Inspections, file, fileName, Vocabularies.Inspections,
            ["FacilityCode", "InspectedOn", "Grade", "Member", "Inspector", "Countermeasure", "Findings", "Photos"],
            (cell, facilities, id) => Check(db.Scope.TenantId!, new Input(cell[0] ?? "", cell[3], cell[1] ?? "", cell[4], cell[2] ?? "", cell[5], cell[6], cell[7]), facilities, today, id),
            i => (i.FacilityCode, i.Member, i.InspectedOn), ct);
    }

    /// <summary>Columns 施設コード, 完了日, 内容 (required) and 部材, 完了後の区分, 費用.</summary>
    public static async Task<Result<ImportOutcome>> ImportWorksAsync(AppDbContext db, Stream file, string fileName, DateOnly today, CancellationToken ct)
    {
        return await ImportTableAsync(db, db.MaintenanceWorks, file, fileName, Vocabularies.Works,
            ["FacilityCode", "CompletedOn", "Description", "Member", "GradeAfter", "Cost"],
            (cell, facilities, id) => CheckWork(db.Scope.TenantId!, new WorkInput(cell[0] ?? "", cell[3], cell[1] ?? "", cell[2] ?? "", cell[4], cell[5]), facilities, today, id),
            w => (w.FacilityCode, w.Member, w.CompletedOn), ct);
    }

    private static async Task<Result<ImportOutcome>> ImportTableAsync<T>(AppDbContext db, DbSet<T> set, Stream file, string fileName,
        string vocabulary, string[] fields, Func<string?[], Dictionary<string, GradeScheme>, long, Result<T>> check,
        Func<T, (string, string, DateOnly)> keyOf, CancellationToken ct)
        where T : class, Tenancy.ITenantOwned
    {
        var read = TableFile.Read(file, fileName, Vocabularies.Get(vocabulary));
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var table = read.Value;
        var problems = table.MissingColumns();
        if (problems.Count > 0)
        {
            return ImportOutcome.Refused(problems);
        }

        var facilities = await FacilitySchemesAsync(db, ct);
        var next = await NextIdAsync(set, ct);
        var rows = new List<(int SourceRow, T Record)>();
        var seen = new Dictionary<(string, string, DateOnly), int>();
        try
        {
            foreach (var row in table.Table.Rows)
            {
                var cells = fields.Select(f => table.Cell(row, f)?.Trim()).ToArray();
                var result = check(cells, facilities, next + rows.Count);
                if (!result.IsSuccess)
                {
                    var at = Array.IndexOf(fields, result.Error!.Field);
                    problems.Add(new ImportProblem(table.At(row, at < 0 ? null : fields[at]), at < 0 ? null : cells[at], result.Error.Message));
                }
                else if (seen.TryGetValue(keyOf(result.Value), out var first))
                {
                    problems.Add(new ImportProblem(table.At(row), null, Errors.DuplicateInFile(first).Message));
                }
                else
                {
                    seen[keyOf(result.Value)] = row.SourceRow;
                    rows.Add((row.SourceRow, result.Value));
                }
            }
        }
        catch (ImportReadException e)
        {
            // A file that turns unreadable part-way: nothing has been written.
            problems.Add(e.Problem);
        }

        if (problems.Count > 0)
        {
            return ImportOutcome.Refused(problems);
        }

        var existing = (await set.OrderBy(x => EF.Property<long>(x, "Id")).ToListAsync(ct)).GroupBy(keyOf).ToDictionary(g => g.Key, g => g.First());
        int added = 0, updated = 0, unchanged = 0;
        foreach (var (_, record) in rows)
        {
            if (!existing.TryGetValue(keyOf(record), out var current))
            {
                set.Add(record);
                added++;
                continue;
            }

            // Every field but the key and the sample flag is taken from the row; only a real difference marks it modified.
            var entry = db.Entry(current);
            var source = db.Entry(record);
            foreach (var property in entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && p.Metadata.Name != "IsSample"))
            {
                var value = source.Property(property.Metadata.Name).CurrentValue;
                if (!Equals(property.CurrentValue, value))
                {
                    property.CurrentValue = value;
                }
            }

            if (entry.State == EntityState.Modified)
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new ImportOutcome(added, updated, unchanged, []);
    }
}
