using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Inspections;

/// <summary>
/// The inspection to-dos: facilities in 判定区分 III/IV with no measure since, the 措置着手率, and inspections due in the
/// 5-year cycle. One rule each, used by the tenant home's figures and by the inspections list's filters alike, so that
/// a figure always equals the length of the list it links to.
/// </summary>
/// <remarks>
/// <para><b>措置着手率 (ADR-lite).</b> MLIT's 道路メンテナンス年報 reports, for the road structures graded III or IV, the
/// share whose measures (修繕・更新等) have been started — e.g. local governments' bridges graded III/IV in FY2019: 76%
/// started (MLIT press release 2025-08-25), 1st-cycle III/IV: 65% started as of the FY2021 年報 (shared domain notes,
/// inspections-and-deterioration.md §5). Here: among the in-service facilities whose latest grade on the national I–IV
/// scale (<see cref="GradeScheme.RoadStructure"/>) is III or IV, the share with a work (<see cref="MaintenanceWork"/>,
/// on the facility or any member) completed on or after the date of that latest inspection. A work is recorded when done,
/// so a measure begun but not yet recorded counts as not started: the rate is a lower bound of the 年報's.</para>
/// <para><b>When this does not apply:</b> a tenant's own scale or the pavement and sewer scales have no national III/IV
/// meaning; their facilities are left out. A new inspection after the work restarts the question (its grade decides).</para>
/// </remarks>
public static class InspectionTodos
{
    /// <summary>道路法施行規則: トンネル等 are inspected by close visual inspection once every five years as a rule (domain §1).</summary>
    public const int CycleYears = 5;

    /// <summary>The kinds with a periodic (5-year) inspection duty: bridges and tunnels (道路法施行規則, 「トンネル等」).</summary>
    public static readonly IReadOnlySet<AssetKind> PeriodicKinds = new HashSet<AssetKind> { AssetKind.Bridge, AssetKind.Tunnel };

    /// <summary>The inspections list's to-do filters: <c>?todo=unmeasured</c> and <c>?due=1</c>.</summary>
    public enum Filter
    {
        None,
        Unmeasured,
        Due,
    }

    /// <summary>The filter the list's query names, or why a value is not one (the list then shows everything).</summary>
    public static Result<Filter> ParseFilter(string? todo, string? due)
    {
        if (!string.IsNullOrEmpty(todo) && todo.Trim() != "unmeasured")
        {
            return Errors.TodoFilterUnknown("todo", todo, "todo=unmeasured");
        }

        if (!string.IsNullOrEmpty(due) && due.Trim() is not ("1" or "true"))
        {
            return Errors.TodoFilterUnknown("due", due, "due=1");
        }

        return !string.IsNullOrEmpty(todo) ? Filter.Unmeasured : !string.IsNullOrEmpty(due) ? Filter.Due : Filter.None;
    }

    public sealed record Graded(string FacilityCode, string FacilityName, AssetKind Kind, int Grade, DateOnly InspectedOn, DateOnly? MeasuredOn);

    /// <summary>The III/IV facilities and whether each has a measure since; <see cref="Rate"/> is the 措置着手率 (%).</summary>
    public sealed record MeasureProgress(IReadOnlyList<Graded> Facilities)
    {
        public IReadOnlyList<Graded> NotStarted => [.. Facilities.Where(f => f.MeasuredOn is null)];

        public int Started => Facilities.Count(f => f.MeasuredOn is not null);

        /// <summary>Started ÷ graded III/IV × 100, rounded half away from zero to one decimal; null with no III/IV facility.</summary>
        public decimal? Rate => Facilities.Count == 0 ? null : Math.Round(Started * 100m / Facilities.Count, 1, MidpointRounding.AwayFromZero);
    }

    public sealed record Due(string FacilityCode, string FacilityName, AssetKind Kind, DateOnly? LastInspectedOn)
    {
        /// <summary>The date the next inspection was due: five years after the last; null for a facility never inspected.</summary>
        public DateOnly? DueOn => LastInspectedOn?.AddYears(CycleYears);
    }

    public static async Task<MeasureProgress> MeasuresAsync(AppDbContext db, CancellationToken ct)
    {
        var graded = (await InspectionRecords.LatestAsync(db, ct))
            .Where(l => l.Scheme == GradeScheme.RoadStructure.Code && l.Grade >= 3).ToList();
        var codes = graded.Select(g => g.FacilityCode).ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => codes.Contains(f.Code) && f.Status == FacilityStatus.InService)
            .Select(f => new { f.Code, f.Name }).ToDictionaryAsync(f => f.Code, f => f.Name, StringComparer.Ordinal, ct);
        var works = (await db.MaintenanceWorks.AsNoTracking().Where(w => codes.Contains(w.FacilityCode))
                .Select(w => new { w.FacilityCode, w.CompletedOn }).ToListAsync(ct))
            .ToLookup(w => w.FacilityCode, w => w.CompletedOn, StringComparer.Ordinal);
        return new MeasureProgress([.. graded.Where(g => facilities.ContainsKey(g.FacilityCode)).Select(g =>
        {
            var since = works[g.FacilityCode].Where(d => d >= g.InspectedOn).Order().Cast<DateOnly?>().FirstOrDefault();
            return new Graded(g.FacilityCode, facilities[g.FacilityCode], g.Kind, g.Grade, g.InspectedOn, since);
        })]);
    }

    /// <summary>In-service bridges and tunnels whose last inspection was <see cref="CycleYears"/> or more years before today (in Japan), or never; oldest first.</summary>
    public static async Task<List<Due>> DueAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(nowUtc.AddHours(9)); // the date in Japan (JST, no daylight saving)
        var kinds = PeriodicKinds.ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => kinds.Contains(f.Kind) && f.Status == FacilityStatus.InService)
            .Select(f => new { f.Code, f.Name, f.Kind }).ToListAsync(ct);
        var last = (await db.Inspections.AsNoTracking().GroupBy(i => i.FacilityCode).Select(g => new { Code = g.Key, Last = g.Max(i => i.InspectedOn) }).ToListAsync(ct))
            .ToDictionary(x => x.Code, x => x.Last, StringComparer.Ordinal);
        var limit = today.AddYears(-CycleYears);
        return [.. facilities
            .Select(f => new Due(f.Code, f.Name, f.Kind, last.TryGetValue(f.Code, out var d) ? d : null))
            .Where(d => d.LastInspectedOn is null || d.LastInspectedOn <= limit)
            .OrderBy(d => d.LastInspectedOn ?? DateOnly.MinValue).ThenBy(d => d.FacilityCode, StringComparer.Ordinal)];
    }
}
