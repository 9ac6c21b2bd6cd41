using System.Globalization;
using System.Text.Json;
using InfraLedger.Core.Audit;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Planning;

/// <summary>
/// A stored run of a group plan (群マネ): the group's data, not one tenant's, so it has no tenant filter and is read only
/// through <see cref="GroupPlans"/>, which checks the reader's membership and filters what it returns by the reader.
/// </summary>
public sealed class GroupPlanRecord
{
    public long GroupId { get; init; }

    /// <summary>1, 2, … per group; the highest is the group's current plan.</summary>
    public int Version { get; init; }

    /// <summary>The admin body that ran it.</summary>
    public required string CreatedBy { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    /// <summary>The plan as JSON (<see cref="GroupPlans.Stored"/>): options, budgets, works.</summary>
    public required string Content { get; init; }
}

/// <summary>
/// Runs and reads a wide-area group's plan. Only the group's admin (its 幹事団体's editors and admins) runs one: it reads
/// every member's register and sets everyone's budgets. Every member reads the current one, filtered to what it may see
/// (<see cref="GroupPlanViews"/>); a body outside the group gets "not found".
/// </summary>
public static class GroupPlans
{
    /// <summary>What is stored of a run; the packages are rebuilt from the works (deterministic), the admin is read anew.</summary>
    public sealed record Stored(
        GroupPlanOptions Options, IReadOnlyList<string> Members, GroupBudgetMode Mode, IReadOnlyList<GroupBudget> Budgets,
        SolveMethod Method, IReadOnlyList<GroupWork> Works, bool ProvedOptimal, decimal? Bound);

    /// <summary>
    /// The candidates a group plan would be built from, as the caller may see them: every member's for the group's admin,
    /// the caller's own facilities (and their skip reasons) for any other member; "not found" outside the group.
    /// </summary>
    public static async Task<Result<GroupCandidateSet>> CandidatesAsync(AppDbContext db, GroupCaller caller, long groupId, GroupPlanOptions options, CancellationToken ct)
    {
        CheckCaller(db, caller);
        var set = await GroupCandidates.BuildAsync(db, groupId, options, ct);
        if (!set.IsSuccess || GroupPlanViews.SeesWhole(set.Value.Admin, caller))
        {
            return set;
        }

        return set.Value with
        {
            Candidates = [.. set.Value.Candidates.Where(c => c.Member == caller.TenantId)],
            Skipped = [.. set.Value.Skipped.Where(s => s.Member == caller.TenantId)],
        };
    }

    /// <summary>
    /// Builds the candidates, solves with <paramref name="mode"/>'s budgets, stores the plan as the group's next version
    /// (with an audit event in the admin body's chain) and returns what the caller sees: the whole plan.
    /// </summary>
    public static async Task<Result<GroupPlanView>> RunAsync(AppDbContext db, GroupCaller caller, long groupId, GroupPlanOptions options,
        GroupBudgetMode mode, IReadOnlyList<GroupBudget> budgets, SolveMethod method, ExactOptions? exact, DateTime nowUtc, CancellationToken ct)
    {
        CheckCaller(db, caller);
        var set = await GroupCandidates.BuildAsync(db, groupId, options, ct);
        if (!set.IsSuccess)
        {
            return set.Error!;
        }

        var (group, admin, members) = (set.Value.Group, set.Value.Admin, set.Value.Members);
        if (!GroupPlanViews.SeesWhole(admin, caller))
        {
            return Errors.GroupPlanAdminOnly(group.Name);
        }

        // Candidates of one facility are alternatives over the whole plan (ADR 0024): at most one per facility.
        var plan = GroupProgramme.Solve(new GroupProblem(group.Id, group.Name, admin, members, set.Value.Candidates, mode, budgets, Exclusivity.OnePerFacility), method, exact);
        if (!plan.IsSuccess)
        {
            return plan.Error!;
        }

        var p = plan.Value;
        var json = JsonSerializer.Serialize(new Stored(options, members, mode, budgets, method, p.Works, p.ProvedOptimal, p.Bound));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var version = 1 + (await db.GroupPlanRecords.Where(r => r.GroupId == groupId).MaxAsync(r => (int?)r.Version, ct) ?? 0);
        db.GroupPlanRecords.Add(new GroupPlanRecord { GroupId = groupId, Version = version, CreatedBy = caller.TenantId, CreatedAtUtc = nowUtc, Content = json });
        var last = await db.LastAuditEventAsync(sync: false, ct);
        var summary = new { GroupId = groupId, Version = version, Mode = mode.ToString(), Method = method.ToString(), Works = p.Works.Count, p.Cost, p.Benefit };
        db.AuditEvents.Add(AuditRecorder.Summary("GroupPlan", caller.TenantId, db.Scope.Actor, nameof(GroupPlanRecord),
            string.Create(CultureInfo.InvariantCulture, $"{groupId}/{version}"), JsonSerializer.Serialize(summary), last, nowUtc));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return GroupPlanViews.For(p, caller);
    }

    /// <summary>The group's current plan as the caller may see it; "not found" for a non-member and when none was run.</summary>
    public static async Task<Result<GroupPlanView>> CurrentAsync(AppDbContext db, GroupCaller caller, long groupId, CancellationToken ct)
    {
        CheckCaller(db, caller);
        var group = (await Projection.Projections.GroupsAsync(db, ct)).FirstOrDefault(g => g.Id == groupId);
        if (group is null)
        {
            return Errors.GroupPlanNotFound(groupId);
        }

        // The membership was checked just above: only then is the group's plan read.
        var record = await db.GroupPlanRecords.AsNoTracking().Where(r => r.GroupId == groupId).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        if (record is null)
        {
            return Errors.GroupPlanNotRun(group.Name);
        }

        var stored = JsonSerializer.Deserialize<Stored>(record.Content) ?? throw new InvalidOperationException($"広域グループの計画 {groupId}/{record.Version} を読めません。");
        var admin = group.Members.Where(m => m.IsAdmin).Select(m => m.MemberCode).Order(StringComparer.Ordinal).FirstOrDefault();
        var plan = new GroupPlan(group.Id, group.Name, admin, stored.Members, stored.Mode, stored.Budgets, stored.Method, stored.Works,
            Packages.Bundle(stored.Works), stored.ProvedOptimal, stored.Bound);
        return GroupPlanViews.For(plan, caller);
    }

    /// <summary>A caller other than the scope's tenant is a host's bug, never a user's input.</summary>
    private static void CheckCaller(AppDbContext db, GroupCaller caller)
    {
        if (db.Scope.TenantId is null || caller.TenantId != db.Scope.TenantId)
        {
            throw new InvalidOperationException("広域グループの計画は呼び出した団体の作業単位で扱います。");
        }
    }
}
