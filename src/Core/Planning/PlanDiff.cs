namespace InfraLedger.Core.Planning;

/// <summary>How one facility's work differs between two plans.</summary>
public enum PlanChangeKind
{
    /// <summary>Only in the newer plan.</summary>
    Added,

    /// <summary>Only in the older plan.</summary>
    Removed,

    /// <summary>In both, in another year.</summary>
    Moved,

    /// <summary>In both, in the same year, with another treatment, source or cost.</summary>
    Changed,
}

/// <summary>One facility's change: its work before and after (year, treatment, cost).</summary>
public sealed record PlanChange(
    PlanChangeKind Kind, string Facility, string Name, int? FromYear, int? ToYear, string? FromTreatment, string? ToTreatment, decimal FromCost, decimal ToCost);

/// <summary>
/// What changed from plan <paramref name="From"/> to plan <paramref name="To"/> (a re-run after new inspections): works
/// added, removed, moved to another year or changed, facility by facility (a plan has at most one work per facility),
/// and the total cost before and after.
/// </summary>
public sealed record PlanDiff(int From, int To, IReadOnlyList<PlanChange> Changes, decimal CostBefore, decimal CostAfter)
{
    public decimal CostChange => CostAfter - CostBefore;

    public IEnumerable<PlanChange> Of(PlanChangeKind kind) => Changes.Where(c => c.Kind == kind);

    public static PlanDiff Between(WorksPlanView before, WorksPlanView after)
    {
        var old = before.Result.Works.ToDictionary(w => w.Facility, StringComparer.Ordinal);
        var now = after.Result.Works.ToDictionary(w => w.Facility, StringComparer.Ordinal);
        var changes = new List<PlanChange>();
        foreach (var code in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var (o, n) = (old.GetValueOrDefault(code), now.GetValueOrDefault(code));
            var kind = o is null ? PlanChangeKind.Added
                : n is null ? PlanChangeKind.Removed
                : o.Year != n.Year ? PlanChangeKind.Moved
                : o.Treatment != n.Treatment || o.Source != n.Source || o.Cost != n.Cost ? PlanChangeKind.Changed
                : (PlanChangeKind?)null;
            if (kind is { } k)
            {
                changes.Add(new PlanChange(k, code, (n ?? o)!.Name, o?.Year, n?.Year, o?.Treatment, n?.Treatment, o?.Cost ?? 0, n?.Cost ?? 0));
            }
        }

        return new PlanDiff(before.Summary.Id, after.Summary.Id, changes, before.Result.Cost, after.Result.Cost);
    }
}
