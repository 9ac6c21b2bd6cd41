namespace InfraLedger.Core.Planning;

/// <summary>
/// One option of the works programme: <paramref name="Facility"/> gets <paramref name="Treatment"/> in plan year
/// <paramref name="Year"/> for <paramref name="Cost"/>, paid from the budget of <paramref name="Source"/>, worth
/// <paramref name="Benefit"/> (ADR 0024). A committed candidate is already contracted: every plan contains it.
/// </summary>
public sealed record Candidate(string Facility, int Year, string Treatment, decimal Cost, decimal Benefit, string Source = "", bool Committed = false);

/// <summary>The money of one funding source in one year; unspent money does not carry over (maintenance-planning.md E3).</summary>
public sealed record Budget(int Year, string Source, decimal Amount);

/// <summary>A condition target on one facility: it must be treated in a year up to <paramref name="ByYear"/> (e.g. no 判定区分 IV left after year N).</summary>
public sealed record Deadline(string Facility, int ByYear, string Reason);

/// <summary>Which candidates exclude each other (maintenance-planning.md §5).</summary>
public enum Exclusivity
{
    /// <summary>At most one treatment per facility per year.</summary>
    OnePerFacilityPerYear,

    /// <summary>At most one candidate per facility over the whole plan (E3: at most one treatment per bridge over the three years).</summary>
    OnePerFacility,
}

/// <summary>
/// The budget-constrained programme of maintenance-planning.md §5: maximise Σ benefit·x subject to the budgets,
/// exclusivity, committed works, deadlines and share targets (which need <paramref name="Condition"/> and at most one
/// candidate per facility).
/// </summary>
public sealed record ProgrammeProblem(
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<Budget> Budgets,
    Exclusivity Exclusivity = Exclusivity.OnePerFacilityPerYear,
    IReadOnlyList<Deadline>? Deadlines = null,
    IReadOnlyList<ShareTarget>? Shares = null,
    ConditionForecast? Condition = null)
{
    public IReadOnlyList<Deadline> Targets => Deadlines ?? [];

    public IReadOnlyList<ShareTarget> ShareTargets => Shares ?? [];
}

/// <summary>How a programme was solved.</summary>
public enum SolveMethod
{
    /// <summary>The integer programme solved by OR-Tools CP-SAT (optimal, or the best found with its bound when stopped).</summary>
    Exact,

    /// <summary>Incremental benefit/cost, for any size.</summary>
    Heuristic,
}

/// <summary>
/// A solved programme: the chosen candidates (sorted by year, facility, treatment), their total benefit and, for the
/// exact solver, whether optimality was proved and the best bound.
/// </summary>
public sealed record ProgrammePlan(SolveMethod Method, IReadOnlyList<Candidate> Chosen, bool ProvedOptimal, decimal? Bound)
{
    public decimal Benefit => Chosen.Sum(c => c.Benefit);

    public decimal Cost => Chosen.Sum(c => c.Cost);

    /// <summary>Spending per year and source.</summary>
    public IReadOnlyDictionary<(int Year, string Source), decimal> Spending =>
        Chosen.GroupBy(c => (c.Year, c.Source)).ToDictionary(g => g.Key, g => g.Sum(c => c.Cost));

    internal static IReadOnlyList<Candidate> Sorted(IEnumerable<Candidate> chosen) =>
        [.. chosen.OrderBy(c => c.Year).ThenBy(c => c.Facility, StringComparer.Ordinal).ThenBy(c => c.Treatment, StringComparer.Ordinal).ThenBy(c => c.Source, StringComparer.Ordinal)];
}

/// <summary>Both solvers on one problem: the heuristic's shortfall against the exact objective.</summary>
public sealed record ProgrammeComparison(ProgrammePlan Exact, ProgrammePlan Heuristic)
{
    /// <summary>(exact − heuristic) / exact, 0 when the exact benefit is 0.</summary>
    public decimal Gap => Exact.Benefit == 0 ? 0 : (Exact.Benefit - Heuristic.Benefit) / Exact.Benefit;
}
