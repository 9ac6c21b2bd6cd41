using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Maintenance;

namespace InfraLedger.Core.Planning;

/// <summary>
/// A works programme for the current tenant's register (issue 20 item 3): candidates of each kind's policy, budgets by
/// year and funding source, committed works, deadlines and share targets, solved by the chosen solver(s); the result has
/// everything the 個別施設計画 shows (domain doc §2). Pure given the database: the same data gives the same result.
/// </summary>
public static class PlanRun
{
    public const string DefaultPolicy = "予防保全";

    public static async Task<Result<PlanResult>> RunAsync(AppDbContext db, PlanInputs inputs, CancellationToken ct)
    {
        if (Check(inputs) is { } invalid)
        {
            return invalid;
        }

        var settings = await Consequences.LoadAsync(db, ct);
        var network = await PlanNetwork.LoadAsync(db, inputs, settings, ct);
        if (network.Facilities.Count == 0)
        {
            return Errors.NothingToPlan();
        }

        network.Rank(settings, await Consequences.ValuesAsync(db, ct));
        if (Commit(network, inputs) is { } committedError)
        {
            return committedError;
        }

        var problem = Problem(network, inputs);
        var solved = await Task.Run(() => Solve(problem, inputs), ct);
        if (!solved.IsSuccess)
        {
            return solved.Error!;
        }

        var lcc = await LccAsync(db, network, inputs, ct);
        return PlanAssembly.Result(network, inputs, settings, solved.Value.Plan, solved.Value.Heuristic, lcc);
    }

    private static Error? Check(PlanInputs i)
    {
        if (i.Horizon is < 1 or > 50)
        {
            return Errors.HorizonInvalid(i.Horizon);
        }

        if (i.FirstYear is < 1900 or > 2200)
        {
            return Errors.FirstYearInvalid(i.FirstYear);
        }

        if (i.Budgets.FirstOrDefault(b => b.Year < i.FirstYear || b.Year > i.LastYear) is { } outside)
        {
            return Errors.BudgetOutside(outside.Year, i.FirstYear, i.LastYear);
        }

        if (i.Budgets.Count == 0)
        {
            return Errors.BudgetText("");
        }

        if (i.NoWorstAfter is { } n && (n < i.FirstYear || n > i.LastYear))
        {
            return Errors.TargetYearOutside(n, i.FirstYear, i.LastYear);
        }

        if ((i.Shares ?? []).FirstOrDefault(s => s.FromYear < i.FirstYear || s.FromYear > i.LastYear) is { } share)
        {
            return Errors.TargetYearOutside(share.FromYear, i.FirstYear, i.LastYear);
        }

        if ((i.Shares ?? []).FirstOrDefault(s => s.MaxShare is < 0 or > 1) is { } bad)
        {
            return Errors.ShareInvalid(bad.MaxShare);
        }

        if (i.PoorFrom < 2 || i.OutlookYears is < 1 or > 100 || !(i.Rate > 0 && i.Rate <= 1) || i.TimeLimitSeconds <= 0)
        {
            return Errors.PlanParameters();
        }

        return null;
    }

    /// <summary>Marks (or adds) the committed works: the facility's candidate copy of that year and source, else a work of its own cost.</summary>
    private static Error? Commit(PlanNetwork n, PlanInputs inputs)
    {
        foreach (var w in inputs.Committed ?? [])
        {
            if (!n.Names.ContainsKey(w.Facility))
            {
                return Errors.FacilityNotFound(w.Facility);
            }

            var at = n.Candidates.FindIndex(c => c.Facility == w.Facility && c.Year == w.Year && c.Source == w.Source && (w.Treatment is null || c.Treatment == w.Treatment));
            if (at >= 0)
            {
                n.Candidates[at] = n.Candidates[at] with { Committed = true, Cost = w.Cost ?? n.Candidates[at].Cost };
                continue;
            }

            if (w.Cost is not { } cost)
            {
                return Errors.CommittedWithoutCandidate(w.Facility, w.Year);
            }

            n.Candidates.Add(new Candidate(w.Facility, w.Year, w.Treatment ?? "確約済みの工事", cost, 0, w.Source, Committed: true));
            var known = n.Facilities.TryGetValue(w.Facility, out var f);
            n.Options.Add(new PlanOption(known ? f.Kind : null, null, "確約済み", known ? f.Untreated : []));
        }

        return null;
    }

    private static ProgrammeProblem Problem(PlanNetwork n, PlanInputs inputs)
    {
        var deadlines = new List<Deadline>();
        if (inputs.NoWorstAfter is { } by)
        {
            foreach (var (code, f) in n.Facilities.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                if (f.Item.State == f.Kind.Library.Library.Levels)
                {
                    deadlines.Add(new Deadline(code, by, $"判定区分{f.Kind.Levels[^1]}を{by}年度までに解消"));
                }
            }
        }

        var poor = (double[] d) => d.Skip(inputs.PoorFrom - 1).Sum();
        var untreated = n.Facilities.ToDictionary(f => f.Key, f => f.Value.Untreated.Select(poor).ToArray(), StringComparer.Ordinal);
        var treated = n.Options.Select(o => o.Distributions.Select(poor).ToArray()).ToList();
        return new ProgrammeProblem(n.Candidates, inputs.Budgets, Exclusivity.OnePerFacility, deadlines, inputs.Shares ?? [],
            new ConditionForecast(inputs.FirstYear, inputs.PoorFrom, untreated, treated));
    }

    private static Result<(ProgrammePlan Plan, ProgrammePlan? Heuristic)> Solve(ProgrammeProblem problem, PlanInputs inputs)
    {
        var options = new ExactOptions(inputs.TimeLimitSeconds);
        if (inputs.Solver == PlanSolver.Both)
        {
            var both = Programmes.Compare(problem, options);
            return both.IsSuccess ? (both.Value.Exact, both.Value.Heuristic) : both.Error!;
        }

        var one = Programmes.Solve(problem, inputs.Solver == PlanSolver.Exact ? SolveMethod.Exact : SolveMethod.Heuristic, options);
        return one.IsSuccess ? (one.Value, (ProgrammePlan?)null) : one.Error!;
    }

    /// <summary>Each kind's policy against 事後保全 over the outlook (Core/Maintenance's comparison of the same stock and library).</summary>
    private static async Task<List<(PlanKind Kind, StockResult Policy, StockResult Corrective)>> LccAsync(AppDbContext db, PlanNetwork n, PlanInputs inputs, CancellationToken ct)
    {
        var list = new List<(PlanKind, StockResult, StockResult)>();
        foreach (var kind in n.Kinds)
        {
            var comparison = await MaintenancePlanning.CompareAsync(db, kind.Kind, inputs.OutlookYears, inputs.Rate, inputs.FirstYear, ct);
            if (comparison.IsSuccess && comparison.Value.Results.FirstOrDefault(r => r.Policy.Name == kind.Policy.Name) is { } policy
                && comparison.Value.Results.FirstOrDefault(r => r.Policy.Name == LccTables.Corrective) is { } corrective)
            {
                list.Add((kind, policy, corrective));
            }
        }

        return list;
    }
}
