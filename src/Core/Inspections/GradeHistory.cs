namespace InfraLedger.Core.Inspections;

/// <summary>
/// A facility's grades over time, one column per member (the whole facility first), one row per inspection date: the
/// table a facility's grade-history chart is drawn from. A cell is empty when that member was not graded that day.
/// </summary>
public sealed record GradeHistory(IReadOnlyList<string> Members, IReadOnlyList<GradeHistory.Row> Rows)
{
    public sealed record Row(DateOnly On, IReadOnlyList<int?> Grades);

    public static GradeHistory Of(IEnumerable<Inspection> inspections)
    {
        var list = inspections.ToList();
        var members = list.Select(i => i.Member).Distinct().OrderBy(m => m.Length == 0 ? 0 : 1).ThenBy(m => m, StringComparer.Ordinal).ToList();
        var rows = list.GroupBy(i => i.InspectedOn).OrderBy(g => g.Key).Select(g => new Row(g.Key,
            // Two records of one member on one day: the worse grade (the import keeps one per member and day anyway).
            [.. members.Select(m => g.Where(i => i.Member == m).Max(i => (int?)i.Grade))])).ToList();
        return new GradeHistory(members, rows);
    }
}
