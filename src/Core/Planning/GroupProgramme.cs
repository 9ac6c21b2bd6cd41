using InfraLedger.Core.Common;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Planning;

/// <summary>
/// A candidate of a wide-area group's plan: the member body whose facility it is (its 6-digit code), the facility's
/// asset kind and its package area (<see cref="PackageArea"/>). The inner <see cref="Candidate"/> keeps the member's
/// own facility code and funding source.
/// </summary>
public sealed record GroupCandidate(string Member, Candidate Candidate, AssetKind Kind, string Area);

/// <summary>How a group plan's money is given (maintenance-planning.md §7).</summary>
public enum GroupBudgetMode
{
    /// <summary>One budget per year and funding source for the whole group.</summary>
    Shared,

    /// <summary>Each member's own budget per year and funding source; a member's works are paid only from it.</summary>
    PerMember,
}

/// <summary>A budget of a group plan: the shared one (<paramref name="Member"/> empty) or a member's own.</summary>
public sealed record GroupBudget(string Member, int Year, string Source, decimal Amount);

/// <summary>
/// A group's programme: its admin body (幹事団体; null when the group has none), its members, the candidates of all
/// members' facilities, and the budgets of <paramref name="Mode"/>.
/// </summary>
public sealed record GroupProblem(
    long GroupId,
    string GroupName,
    string? Admin,
    IReadOnlyList<string> Members,
    IReadOnlyList<GroupCandidate> Candidates,
    GroupBudgetMode Mode,
    IReadOnlyList<GroupBudget> Budgets,
    Exclusivity Exclusivity = Exclusivity.OnePerFacilityPerYear);

/// <summary>A chosen work of a group plan: the member, the candidate as the member knows it, its kind and area.</summary>
public sealed record GroupWork(string Member, Candidate Candidate, AssetKind Kind, string Area);

/// <summary>
/// A solved group plan: the works (sorted by year, member, facility, treatment), the packages they make, the budgets
/// and the solver's outcome. The whole plan: show it only through <see cref="GroupPlanViews.For"/>.
/// </summary>
public sealed record GroupPlan(
    long GroupId,
    string GroupName,
    string? Admin,
    IReadOnlyList<string> Members,
    GroupBudgetMode Mode,
    IReadOnlyList<GroupBudget> Budgets,
    SolveMethod Method,
    IReadOnlyList<GroupWork> Works,
    IReadOnlyList<WorkPackage> Packages,
    bool ProvedOptimal,
    decimal? Bound)
{
    public decimal Benefit => Works.Sum(w => w.Candidate.Benefit);

    public decimal Cost => Works.Sum(w => w.Candidate.Cost);
}

/// <summary>
/// The group plan of maintenance-planning.md §7 on the solvers of the single body's programme (ADR 0025): every member's
/// candidates in one <see cref="ProgrammeProblem"/>, facilities keyed <c>{member}/{code}</c> (codes are unique only
/// within a body) and, with own budgets, funding sources keyed <c>{member}/{source}</c>, so that a member's budget is
/// one more budget "source" of the problem and its works can be paid from nothing else.
/// </summary>
public static class GroupProgramme
{
    public static Result<GroupPlan> Solve(GroupProblem problem, SolveMethod method, ExactOptions? options = null)
    {
        if (Check(problem) is { } error)
        {
            return error;
        }

        var (single, back) = ToProgramme(problem);
        var solved = Programmes.Solve(single, method, options);
        if (!solved.IsSuccess)
        {
            return solved.Error!;
        }

        var works = solved.Value.Chosen.Select(c => back[c].Dequeue())
            .Select(g => new GroupWork(g.Member, g.Candidate, g.Kind, g.Area))
            .OrderBy(w => w.Candidate.Year).ThenBy(w => w.Member, StringComparer.Ordinal).ThenBy(w => w.Candidate.Facility, StringComparer.Ordinal)
            .ThenBy(w => w.Candidate.Treatment, StringComparer.Ordinal).ThenBy(w => w.Candidate.Source, StringComparer.Ordinal).ToList();
        return new GroupPlan(problem.GroupId, problem.GroupName, problem.Admin, problem.Members, problem.Mode, problem.Budgets,
            method, works, Packages.Bundle(works), solved.Value.ProvedOptimal, solved.Value.Bound);
    }

    /// <summary>The single-body problem the solvers take, and for each of its candidates the group candidates it stands for.</summary>
    public static (ProgrammeProblem Problem, Dictionary<Candidate, Queue<GroupCandidate>> Back) ToProgramme(GroupProblem problem)
    {
        var back = new Dictionary<Candidate, Queue<GroupCandidate>>();
        var candidates = new List<Candidate>(problem.Candidates.Count);
        foreach (var g in problem.Candidates)
        {
            var c = g.Candidate with { Facility = FacilityKey(g.Member, g.Candidate.Facility), Source = SourceKey(problem.Mode, g.Member, g.Candidate.Source) };
            candidates.Add(c);
            if (!back.TryGetValue(c, out var queue))
            {
                back[c] = queue = new Queue<GroupCandidate>();
            }

            queue.Enqueue(g);
        }

        var budgets = problem.Budgets.Select(b => new Budget(b.Year, SourceKey(problem.Mode, b.Member, b.Source), b.Amount)).ToList();
        return (new ProgrammeProblem(candidates, budgets, problem.Exclusivity), back);
    }

    /// <summary>A facility of the group: <c>{member}/{code}</c>.</summary>
    public static string FacilityKey(string member, string facility) => $"{member}/{facility}";

    /// <summary>The funding source of the single problem: the source itself when shared, <c>{member}/{source}</c> with own budgets.</summary>
    public static string SourceKey(GroupBudgetMode mode, string member, string source) =>
        mode == GroupBudgetMode.Shared ? source : $"{member}/{source}";

    /// <summary>The group-level checks, so that an error names the member rather than a composed key.</summary>
    private static Error? Check(GroupProblem p)
    {
        var members = p.Members.ToHashSet(StringComparer.Ordinal);
        if (p.Admin is { } admin && !members.Contains(admin))
        {
            return Errors.GroupMemberUnknown(admin);
        }

        var budgets = new HashSet<(string, int, string)>();
        foreach (var b in p.Budgets)
        {
            if (p.Mode == GroupBudgetMode.Shared && b.Member.Length > 0)
            {
                return Errors.GroupBudgetNotShared(b.Member, b.Year);
            }

            if (p.Mode == GroupBudgetMode.PerMember && !members.Contains(b.Member))
            {
                return b.Member.Length == 0 ? Errors.GroupBudgetWithoutMember(b.Year) : Errors.GroupMemberUnknown(b.Member);
            }

            if (b.Amount < 0)
            {
                return Errors.GroupBudgetInvalid(b.Member, b.Year, b.Source, b.Amount);
            }

            if (!budgets.Add((b.Member, b.Year, b.Source)))
            {
                return Errors.GroupBudgetDuplicate(b.Member, b.Year, b.Source);
            }
        }

        foreach (var c in p.Candidates)
        {
            if (!members.Contains(c.Member))
            {
                return Errors.GroupMemberUnknown(c.Member);
            }

            var owner = p.Mode == GroupBudgetMode.Shared ? "" : c.Member;
            if (!budgets.Contains((owner, c.Candidate.Year, c.Candidate.Source)))
            {
                return Errors.GroupNoBudget(c.Member, c.Candidate.Facility, owner, c.Candidate.Year, c.Candidate.Source);
            }
        }

        return null;
    }
}
