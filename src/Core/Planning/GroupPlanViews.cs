using InfraLedger.Core.Common;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Planning;

/// <summary>Who asks to see a group plan: the body the user is signed in to and the user's role there.</summary>
public sealed record GroupCaller(string TenantId, TenantRole Role);

/// <summary>A package as the caller may see it: with the caller's part only, unless the caller sees the whole plan.</summary>
/// <param name="Id">The package's id (<see cref="Packages.Id"/>).</param>
/// <param name="Year">The plan year of its works.</param>
/// <param name="Kind">The asset kind of its works.</param>
/// <param name="Area">Its area (<see cref="PackageArea"/>).</param>
/// <param name="Count">The works of the package the caller sees (all of them for the whole view).</param>
/// <param name="Cost">Their cost.</param>
/// <param name="MembersInvolved">How many bodies share the contract (a member is told how many, not who or for how much).</param>
/// <param name="Shares">Each member's part: all of them for the whole view, the caller's own otherwise.</param>
/// <param name="Works">The works the caller sees.</param>
public sealed record PackageView(string Id, int Year, AssetKind Kind, string Area, int Count, decimal Cost, int MembersInvolved,
    IReadOnlyList<PackageShare> Shares, IReadOnlyList<GroupWork> Works);

/// <summary>
/// What one caller sees of a group plan. <paramref name="Whole"/> is true for the group's admin: all works, packages,
/// budgets and spending. Otherwise only the caller's own works, its part of each package it takes part in, its own
/// budgets (none when the budget is shared) and its own spending.
/// </summary>
public sealed record GroupPlanView(
    long GroupId,
    string GroupName,
    string Viewer,
    bool Whole,
    GroupBudgetMode Mode,
    SolveMethod Method,
    IReadOnlyList<GroupWork> Works,
    IReadOnlyList<PackageView> Packages,
    IReadOnlyList<GroupBudget> Budgets,
    IReadOnlyDictionary<(string Member, int Year, string Source), decimal> Spending)
{
    public decimal Cost => Works.Sum(w => w.Candidate.Cost);

    public decimal Benefit => Works.Sum(w => w.Candidate.Benefit);
}

/// <summary>
/// The only way a group plan is shown or exported (issue 20 item 5): filtered here, in Core, by the caller, so no host
/// can forget to. The group's admin is its 幹事団体 (<c>wide_area_group_members.is_admin</c>); its users of role editor
/// or admin see the whole plan. Any other user of a member body — the admin body's viewers included — sees the body's
/// share. A body that is not a member gets "not found", exactly as for a group that does not exist.
/// </summary>
public static class GroupPlanViews
{
    /// <summary>Whether the caller sees the whole of the plan of a group whose admin body is <paramref name="admin"/>.</summary>
    public static bool SeesWhole(string? admin, GroupCaller caller) =>
        admin is not null && caller.TenantId == admin && caller.Role >= TenantRole.Editor;

    public static Result<GroupPlanView> For(GroupPlan plan, GroupCaller caller)
    {
        if (!plan.Members.Contains(caller.TenantId, StringComparer.Ordinal))
        {
            return Errors.GroupPlanNotFound(plan.GroupId);
        }

        var whole = SeesWhole(plan.Admin, caller);
        bool Mine(string member) => whole || member == caller.TenantId;
        var works = plan.Works.Where(w => Mine(w.Member)).ToList();
        var packages = plan.Packages.Where(p => p.Shares.Any(s => Mine(s.Member))).Select(p =>
        {
            var seen = p.Works.Where(w => Mine(w.Member)).ToList();
            return new PackageView(p.Id, p.Year, p.Kind, p.Area, seen.Count, seen.Sum(w => w.Candidate.Cost), p.Shares.Count,
                [.. p.Shares.Where(s => Mine(s.Member))], seen);
        }).ToList();
        var budgets = plan.Budgets.Where(b => whole || (b.Member.Length > 0 && b.Member == caller.TenantId)).ToList();
        var spending = works.GroupBy(w => (w.Member, w.Candidate.Year, w.Candidate.Source))
            .OrderBy(g => g.Key.Member, StringComparer.Ordinal).ThenBy(g => g.Key.Year).ThenBy(g => g.Key.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(w => w.Candidate.Cost));
        return new GroupPlanView(plan.GroupId, plan.GroupName, caller.TenantId, whole, plan.Mode, plan.Method, works, packages, budgets, spending);
    }
}
