using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Inspections;

public static partial class InspectionRecords
{
    /// <summary>A facility's latest grade and the date of the inspection that gave it, on the scale its kind uses now.</summary>
    public sealed record Latest(string FacilityCode, AssetKind Kind, string Scheme, int Grade, DateOnly InspectedOn);

    /// <summary>
    /// Each facility's latest grade: the whole-facility record of the latest date, or failing one the worst member grade
    /// of that date (the worst-member rule is common practice, not confirmed in the 要領: labelled 未検証 where shown).
    /// Only records on the scale the facility's kind uses now count: grades of another scale do not compare.
    /// </summary>
    public static async Task<List<(string FacilityCode, AssetKind Kind, int Grade)>> LatestGradesAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await LatestAsync(db, ct)).Select(l => (l.FacilityCode, l.Kind, l.Grade))];

    /// <summary>The rule of <see cref="LatestGradesAsync"/>, with the scale and the inspection date.</summary>
    public static async Task<List<Latest>> LatestAsync(AppDbContext db, CancellationToken ct)
    {
        var scales = await GradeScales.LoadAsync(db, ct);
        var all = await (from i in db.Inspections.AsNoTracking()
                         join f in db.Facilities.AsNoTracking() on i.FacilityCode equals f.Code
                         select new { i.FacilityCode, i.Member, i.InspectedOn, i.Grade, i.Scheme, f.Kind }).ToListAsync(ct);
        var rows = all.Where(r => r.Scheme == scales.For(r.Kind).Code).ToList();
        return [.. rows.GroupBy(r => r.FacilityCode).Select(g =>
        {
            var date = g.Max(r => r.InspectedOn);
            var ofDate = g.Where(r => r.InspectedOn == date).ToList();
            var whole = ofDate.Where(r => r.Member.Length == 0).ToList();
            return new Latest(g.Key, g.First().Kind, g.First().Scheme, (whole.Count > 0 ? whole : ofDate).Max(r => r.Grade), date);
        }).OrderBy(x => x.FacilityCode, StringComparer.Ordinal)];
    }
}
