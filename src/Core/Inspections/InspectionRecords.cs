using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tables;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Inspections;

/// <summary>The current tenant's inspection records and works: record, import (all or nothing), list, grade distribution.</summary>
public static partial class InspectionRecords
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
        var scales = await GradeScales.LoadAsync(db, ct);
        return [.. (await query.ToListAsync(ct)).Select(x => new Row(x.i, x.Name, x.Kind, scales.ByCode(x.i.Scheme) ?? scales.For(x.Kind)))];
    }

    public static Task<List<MaintenanceWork>> WorksAsync(AppDbContext db, string? facilityCode, CancellationToken ct) =>
        db.MaintenanceWorks.AsNoTracking().Where(w => facilityCode == null || w.FacilityCode == facilityCode)
            .OrderBy(w => w.FacilityCode).ThenByDescending(w => w.CompletedOn).ToListAsync(ct);

    public static Task<Result<Inspection>> RecordAsync(AppDbContext db, Input input, DateOnly today, CancellationToken ct) =>
        RecordAsync(db, input, [], null, today, ct);

    /// <summary>
    /// Records an inspection with its photos in one save: a refused record or a refused photo (<see cref="InspectionPhotos"/>)
    /// writes nothing.
    /// </summary>
    public static async Task<Result<Inspection>> RecordAsync(AppDbContext db, Input input, IReadOnlyList<InspectionPhotos.Upload> photos, string? caption,
        DateOnly today, CancellationToken ct)
    {
        var facilities = await FacilitySchemesAsync(db, ct);
        var next = await NextIdAsync(db.Inspections, ct);
        var checkedRow = Check(db.Scope.TenantId!, input, facilities, today, next);
        if (!checkedRow.IsSuccess)
        {
            return checkedRow.Error!;
        }

        var rows = await InspectionPhotos.PrepareAsync(db.Scope.TenantId!, next, [], photos, caption, ct);
        if (!rows.IsSuccess)
        {
            return rows.Error!;
        }

        db.Inspections.Add(checkedRow.Value);
        db.InspectionPhotos.AddRange(rows.Value);
        await db.SaveChangesAsync(ct);
        return checkedRow.Value;
    }

    public static async Task<Result<MaintenanceWork>> RecordWorkAsync(AppDbContext db, WorkInput input, DateOnly today, CancellationToken ct)
    {
        var facilities = await FacilitySchemesAsync(db, ct);
        var work = CheckWork(db.Scope.TenantId!, input, facilities, today, await NextIdAsync(db.MaintenanceWorks, ct));
        if (!work.IsSuccess)
        {
            return work.Error!;
        }

        db.MaintenanceWorks.Add(work.Value);
        await db.SaveChangesAsync(ct);
        return work.Value;
    }

    /// <summary>
    /// The latest grade of each facility (whole-facility records; else its worst member's at that date) counted per
    /// asset kind and level: the I–IV distribution of the tenant's stock.
    /// </summary>
    public static async Task<List<(AssetKind Kind, GradeScheme Scheme, int[] Counts)>> DistributionAsync(AppDbContext db, CancellationToken ct)
    {
        var latest = await LatestGradesAsync(db, ct);
        var scales = await GradeScales.LoadAsync(db, ct);
        return [.. latest.GroupBy(x => x.Kind).OrderBy(g => g.Key).Select(g =>
        {
            var scheme = scales.For(g.Key);
            var counts = new int[scheme.Levels.Count];
            foreach (var x in g)
            {
                counts[x.Grade - 1]++;
            }

            return (g.Key, scheme, counts);
        })];
    }

    private static Result<Inspection> Check(string tenantId, Input input, Dictionary<string, GradeScheme> facilities, DateOnly today, long id)
    {
        var code = CellText.Normalize(input.FacilityCode ?? "");
        if (!facilities.TryGetValue(code, out var scheme))
        {
            return Errors.FacilityNotFound(input.FacilityCode ?? "");
        }

        var date = ParseDate(input.InspectedOn ?? "", today);
        if (!date.IsSuccess)
        {
            return date.Error!;
        }

        if (scheme.Parse(input.Grade) is not { } grade)
        {
            return Errors.GradeInvalid(input.Grade ?? "", scheme);
        }

        var measure = string.IsNullOrWhiteSpace(input.Countermeasure) ? null : CellText.Normalize(input.Countermeasure).ToUpperInvariant();
        if (measure is not null && !GradeScheme.Countermeasures.Contains(measure))
        {
            return Errors.CountermeasureInvalid(input.Countermeasure!);
        }

        foreach (var (value, field, label, max) in new[] { (input.Member, "Member", "部材", 100), (input.Inspector, "Inspector", "点検者", 100), (input.Findings, "Findings", "所見", 4000), (input.Photos, "Photos", "写真の参照", 4000) })
        {
            if ((value?.Trim().Length ?? 0) > max)
            {
                return Errors.TooLong(field, label, max);
            }
        }

        return new Inspection
        {
            TenantId = tenantId, Id = id, FacilityCode = code, Member = input.Member?.Trim() ?? "", InspectedOn = date.Value,
            Inspector = Blank(input.Inspector), Scheme = scheme.Code, Grade = grade, Countermeasure = measure, Findings = Blank(input.Findings), Photos = Blank(input.Photos),
        };
    }

    private static Result<MaintenanceWork> CheckWork(string tenantId, WorkInput input, Dictionary<string, GradeScheme> facilities, DateOnly today, long id)
    {
        var code = CellText.Normalize(input.FacilityCode ?? "");
        if (!facilities.TryGetValue(code, out var scheme))
        {
            return Errors.FacilityNotFound(input.FacilityCode ?? "");
        }

        var date = ParseDate(input.CompletedOn ?? "", today, "CompletedOn");
        if (!date.IsSuccess)
        {
            return date.Error!;
        }

        int? after = null;
        if (!string.IsNullOrWhiteSpace(input.GradeAfter))
        {
            after = scheme.Parse(input.GradeAfter);
            if (after is null)
            {
                return Errors.GradeInvalid(input.GradeAfter, scheme) with { Field = "GradeAfter" };
            }
        }

        decimal? cost = null;
        if (!string.IsNullOrWhiteSpace(input.Cost))
        {
            var text = CellText.Normalize(input.Cost).Replace(",", "", StringComparison.Ordinal);
            if (!decimal.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c > 999_999_999_999_999m)
            {
                return Errors.CostInvalid(input.Cost);
            }

            cost = c;
        }

        if (string.IsNullOrWhiteSpace(input.Description))
        {
            return Errors.DescriptionRequired;
        }

        foreach (var (value, field, label, max) in new[] { (input.Member, "Member", "部材", 100), (input.Description, "Description", "内容", 1000) })
        {
            if ((value?.Trim().Length ?? 0) > max)
            {
                return Errors.TooLong(field, label, max);
            }
        }

        return new MaintenanceWork
        {
            TenantId = tenantId, Id = id, FacilityCode = code, Member = input.Member?.Trim() ?? "", CompletedOn = date.Value,
            Description = input.Description.Trim(), GradeAfter = after, Cost = cost,
        };
    }

    private static Result<DateOnly> ParseDate(string text, DateOnly today, string field = "InspectedOn")
    {
        var parsed = CellText.ParseDate(text);
        if (!parsed.IsSuccess || parsed.Value is not { Month: not null, Day: not null } d)
        {
            return Errors.DateInvalid(text) with { Field = field };
        }

        var date = d.ToDateOnly();
        return date > today ? Errors.DateInFuture(date) with { Field = field } : date;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Each facility's grade scale: the tenant's scale for its kind (<see cref="GradeScales"/>).</summary>
    private static async Task<Dictionary<string, GradeScheme>> FacilitySchemesAsync(AppDbContext db, CancellationToken ct)
    {
        var scales = await GradeScales.LoadAsync(db, ct);
        return await db.Facilities.AsNoTracking().Select(f => new { f.Code, f.Kind }).ToDictionaryAsync(f => f.Code, f => scales.For(f.Kind), StringComparer.Ordinal, ct);
    }

    private static async Task<long> NextIdAsync<T>(IQueryable<T> set, CancellationToken ct)
        where T : class, Tenancy.ITenantOwned =>
        (await set.Select(x => (long?)EF.Property<long>(x, "Id")).MaxAsync(ct) ?? 0) + 1;
}
