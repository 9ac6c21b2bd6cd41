using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Register.Import;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Inspections;

/// <summary>The current tenant's inspection records and works: record, import (all or nothing), list, grade distribution.</summary>
public static class Inspections
{
    /// <summary>What a form or a file row gives, as text; checked before anything is written.</summary>
    public sealed record Input(string FacilityCode, string? Member, string InspectedOn, string? Inspector, string Grade,
        string? Countermeasure, string? Findings, string? Photos);

    public sealed record WorkInput(string FacilityCode, string? Member, string CompletedOn, string Description, string? GradeAfter, string? Cost);

    /// <summary>An inspection with its facility's name and kind, and whether its 対策区分 disagrees with its grade.</summary>
    public sealed record Row(Inspection Inspection, string FacilityName, AssetKind Kind, GradeScheme Scheme)
    {
        public bool CountermeasureDisagrees =>
            Scheme == GradeScheme.RoadStructure && GradeScheme.GradeOfCountermeasure(Inspection.Countermeasure) is { } g && g != Inspection.Grade;
    }

    public static async Task<List<Row>> ListAsync(AppDbContext db, string? facilityCode, CancellationToken ct)
    {
        var query = from i in db.Inspections.AsNoTracking()
                    join f in db.Facilities.AsNoTracking() on i.FacilityCode equals f.Code
                    where facilityCode == null || i.FacilityCode == facilityCode
                    orderby i.FacilityCode, i.Member, i.InspectedOn descending, i.Id
                    select new { i, f.Name, f.Kind };
        return [.. (await query.ToListAsync(ct)).Select(x => new Row(x.i, x.Name, x.Kind, GradeScheme.For(x.Kind)))];
    }

    public static Task<List<MaintenanceWork>> WorksAsync(AppDbContext db, string? facilityCode, CancellationToken ct) =>
        db.MaintenanceWorks.AsNoTracking().Where(w => facilityCode == null || w.FacilityCode == facilityCode)
            .OrderBy(w => w.FacilityCode).ThenByDescending(w => w.CompletedOn).ToListAsync(ct);

    public static async Task<Result<Inspection>> RecordAsync(AppDbContext db, Input input, DateOnly today, CancellationToken ct)
    {
        var facilities = await FacilityKindsAsync(db, ct);
        var next = await NextIdAsync(db.Inspections, ct);
        var checkedRow = Check(db.Scope.TenantId!, input, facilities, today, next);
        if (!checkedRow.IsSuccess)
        {
            return checkedRow.Error!;
        }

        db.Inspections.Add(checkedRow.Value);
        await db.SaveChangesAsync(ct);
        return checkedRow.Value;
    }

    public static async Task<Result<MaintenanceWork>> RecordWorkAsync(AppDbContext db, WorkInput input, DateOnly today, CancellationToken ct)
    {
        var facilities = await FacilityKindsAsync(db, ct);
        if (!facilities.TryGetValue(input.FacilityCode.Trim(), out var kind))
        {
            return Errors.FacilityNotFound(input.FacilityCode);
        }

        var date = ParseDate(input.CompletedOn, today);
        if (!date.IsSuccess)
        {
            return date.Error!;
        }

        int? after = null;
        if (!string.IsNullOrWhiteSpace(input.GradeAfter))
        {
            after = GradeScheme.For(kind).Parse(input.GradeAfter);
            if (after is null)
            {
                return Errors.GradeInvalid(input.GradeAfter, GradeScheme.For(kind));
            }
        }

        decimal? cost = null;
        if (!string.IsNullOrWhiteSpace(input.Cost))
        {
            if (!decimal.TryParse(input.Cost.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var c))
            {
                return Errors.CostInvalid(input.Cost);
            }

            cost = c;
        }

        if (string.IsNullOrWhiteSpace(input.Description))
        {
            return Errors.DescriptionRequired;
        }

        var work = new MaintenanceWork
        {
            TenantId = db.Scope.TenantId!, Id = await NextIdAsync(db.MaintenanceWorks, ct), FacilityCode = input.FacilityCode.Trim(),
            Member = input.Member?.Trim() ?? "", CompletedOn = date.Value, Description = input.Description.Trim(), GradeAfter = after, Cost = cost,
        };
        db.MaintenanceWorks.Add(work);
        await db.SaveChangesAsync(ct);
        return work;
    }

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
                        var column = result.Error!.Field switch
                        {
                            "FacilityCode" => "施設コード", "InspectedOn" => "点検日", "Grade" => "判定区分", "Countermeasure" => "対策区分", var f => f,
                        };
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

    /// <summary>
    /// The latest grade of each facility (whole-facility records; else its worst member's at that date) counted per
    /// asset kind and level: the I–IV distribution of the tenant's stock.
    /// </summary>
    public static async Task<List<(AssetKind Kind, GradeScheme Scheme, int[] Counts)>> DistributionAsync(AppDbContext db, CancellationToken ct)
    {
        var latest = await LatestGradesAsync(db, ct);
        return [.. latest.GroupBy(x => x.Kind).OrderBy(g => g.Key).Select(g =>
        {
            var scheme = GradeScheme.For(g.Key);
            var counts = new int[scheme.Levels.Count];
            foreach (var x in g)
            {
                counts[x.Grade - 1]++;
            }

            return (g.Key, scheme, counts);
        })];
    }

    /// <summary>
    /// Each facility's latest grade: the whole-facility record of the latest date, or failing one the worst member grade
    /// of that date (the worst-member rule is common practice, not confirmed in the 要領: labelled 未検証 where shown).
    /// </summary>
    public static async Task<List<(string FacilityCode, AssetKind Kind, int Grade)>> LatestGradesAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await (from i in db.Inspections.AsNoTracking()
                          join f in db.Facilities.AsNoTracking() on i.FacilityCode equals f.Code
                          select new { i.FacilityCode, i.Member, i.InspectedOn, i.Grade, f.Kind }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.FacilityCode).Select(g =>
        {
            var date = g.Max(r => r.InspectedOn);
            var ofDate = g.Where(r => r.InspectedOn == date).ToList();
            var whole = ofDate.Where(r => r.Member.Length == 0).ToList();
            return (g.Key, g.First().Kind, (whole.Count > 0 ? whole : ofDate).Max(r => r.Grade));
        }).OrderBy(x => x.Key, StringComparer.Ordinal)];
    }

    private static Result<Inspection> Check(string tenantId, Input input, Dictionary<string, AssetKind> facilities, DateOnly today, long id)
    {
        var code = CellText.Normalize(input.FacilityCode);
        if (!facilities.TryGetValue(code, out var kind))
        {
            return Errors.FacilityNotFound(input.FacilityCode);
        }

        var date = ParseDate(input.InspectedOn, today);
        if (!date.IsSuccess)
        {
            return date.Error!;
        }

        var scheme = GradeScheme.For(kind);
        if (scheme.Parse(input.Grade) is not { } grade)
        {
            return Errors.GradeInvalid(input.Grade, scheme);
        }

        var measure = string.IsNullOrWhiteSpace(input.Countermeasure) ? null : CellText.Normalize(input.Countermeasure).ToUpperInvariant();
        if (measure is not null && !GradeScheme.Countermeasures.Contains(measure))
        {
            return Errors.CountermeasureInvalid(input.Countermeasure!);
        }

        foreach (var (value, label, max) in new[] { (input.Member, "部材", 100), (input.Inspector, "点検者", 100), (input.Findings, "所見", 4000), (input.Photos, "写真", 4000) })
        {
            if ((value?.Length ?? 0) > max)
            {
                return Errors.TooLong(label, max);
            }
        }

        return new Inspection
        {
            TenantId = tenantId, Id = id, FacilityCode = code, Member = input.Member?.Trim() ?? "", InspectedOn = date.Value,
            Inspector = Blank(input.Inspector), Scheme = scheme.Code, Grade = grade, Countermeasure = measure, Findings = Blank(input.Findings), Photos = Blank(input.Photos),
        };
    }

    private static Result<DateOnly> ParseDate(string text, DateOnly today)
    {
        var parsed = CellText.ParseDate(text);
        if (!parsed.IsSuccess || parsed.Value is not { Month: not null, Day: not null } d)
        {
            return Errors.DateInvalid(text);
        }

        var date = d.ToDateOnly();
        return date > today ? Errors.DateInFuture(date) : date;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static async Task<Dictionary<string, AssetKind>> FacilityKindsAsync(AppDbContext db, CancellationToken ct) =>
        await db.Facilities.AsNoTracking().Select(f => new { f.Code, f.Kind }).ToDictionaryAsync(f => f.Code, f => f.Kind, StringComparer.Ordinal, ct);

    private static async Task<long> NextIdAsync<T>(IQueryable<T> set, CancellationToken ct)
        where T : class, Tenancy.ITenantOwned =>
        (await set.Select(x => (long?)EF.Property<long>(x, "Id")).MaxAsync(ct) ?? 0) + 1;
}
