using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Planning;

/// <summary>The checks both solvers make before solving: amounts, a budget for every candidate, committed works that fit together.</summary>
internal static class ProgrammeCheck
{
    public static Error? Check(ProgrammeProblem p)
    {
        var budgets = new Dictionary<(int, string), decimal>();
        foreach (var b in p.Budgets)
        {
            if (b.Amount < 0)
            {
                return Errors.BudgetInvalid(b.Year, b.Source, b.Amount);
            }

            if (!budgets.TryAdd((b.Year, b.Source), b.Amount))
            {
                return Errors.BudgetDuplicate(b.Year, b.Source);
            }
        }

        for (var i = 0; i < p.Candidates.Count; i++)
        {
            var c = p.Candidates[i];
            if (c.Cost < 0)
            {
                return Errors.CostInvalid(Label(i, c), c.Cost);
            }

            if (!budgets.ContainsKey((c.Year, c.Source)))
            {
                return Errors.NoBudget(Label(i, c), c.Year, c.Source);
            }
        }

        var conflict = p.Candidates.Where(c => c.Committed)
            .GroupBy(c => (c.Facility, Year: p.Exclusivity == Exclusivity.OnePerFacility ? 0 : c.Year))
            .FirstOrDefault(g => g.Count() > 1);
        if (conflict is not null)
        {
            return Errors.CommittedConflict(conflict.Key.Facility, conflict.Key.Year);
        }

        var byFacility = ByFacility(p);
        foreach (var d in p.Targets)
        {
            if (!byFacility.TryGetValue(d.Facility, out var own) || !own.Any(i => p.Candidates[i].Year <= d.ByYear))
            {
                return Errors.DeadlineWithoutCandidate(d.Facility, d.ByYear, d.Reason);
            }
        }

        foreach (var g in p.Candidates.Where(c => c.Committed).GroupBy(c => (c.Year, c.Source)).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Source, StringComparer.Ordinal))
        {
            var committed = g.Sum(c => c.Cost);
            if (committed > budgets[g.Key])
            {
                return Errors.Infeasible(g.Key.Year, g.Key.Source, budgets[g.Key], committed);
            }
        }

        return null;
    }

    /// <summary>The candidates of each facility, by index.</summary>
    public static Dictionary<string, List<int>> ByFacility(ProgrammeProblem p)
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < p.Candidates.Count; i++)
        {
            if (!map.TryGetValue(p.Candidates[i].Facility, out var list))
            {
                map[p.Candidates[i].Facility] = list = [];
            }

            list.Add(i);
        }

        return map;
    }

    /// <summary>How an error names a candidate: its position and what it is.</summary>
    public static string Label(int index, Candidate c) =>
        $"候補 {(index + 1).ToString(CultureInfo.InvariantCulture)}（{c.Facility}・{Errors.Year(c.Year)}{(c.Treatment.Length == 0 ? "" : "・" + c.Treatment)}）";
}
