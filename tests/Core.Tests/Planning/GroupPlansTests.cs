using InfraLedger.Core.Common;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Planning;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Core.Tests.Deterioration;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>
/// A group plan from the register (issue 20 item 5): 焼津市 (the group's admin body) and 藤枝市 plan their bridges together on
/// the group's pooled model; 千代田区 (131016) belongs to another group and 中央区 (131024) to none: they see nothing.
/// </summary>
public sealed class GroupPlansTests : IAsyncLifetime
{
    private const string Yaizu = "222127", Fujieda = "222143", OtherGroup = "131016", NoGroup = "131024";
    private static readonly DateOnly Today = new(2025, 6, 1);
    private static readonly DateTime Now = new(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly GroupPlanOptions Options = new(2026, 3, "予防保全");
    private static readonly int[] Years = [2026, 2027, 2028];
    private TestDatabase database = null!;
    private long groupId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using (var platform = database.Context())
        {
            var group = new WideAreaGroup
            {
                Name = "志太榛原インフラ群", Kind = WideAreaGroupKind.InfrastructureGroup,
                Members = [new() { MemberCode = Yaizu, IsAdmin = true }, new() { MemberCode = Fujieda }],
            };
            platform.WideAreaGroups.Add(group);
            platform.WideAreaGroups.Add(new WideAreaGroup { Name = "別の群", Kind = WideAreaGroupKind.InfrastructureGroup, Members = [new() { MemberCode = OtherGroup }] });
            await platform.SaveChangesAsync();
            groupId = group.Id;
        }

        // Both members use the same facility code P1: the plan keys facilities by member. The two P1 lie in 2次メッシュ 523822.
        await using (var a = database.Context(Yaizu))
        {
            await DeteriorationModelsTests.SeedAsync(a); // B0–B9: inspections for the pooled model, no measures (skipped)
            await BridgeAsync(a, "P1", 100, 34.8669, 138.3236, "III");
        }

        await using (var b = database.Context(Fujieda))
        {
            await DeteriorationModelsTests.SeedAsync(b);
            await BridgeAsync(b, "P1", 100, 34.8672, 138.2578, "III");
            await BridgeAsync(b, "P2", 50, null, null, "III");
        }

        await using var fitter = database.Context(Yaizu);
        (await DeteriorationModels.FitAsync(fitter, AssetKind.Bridge, [], groupId, Now, default)).IsSuccess.ShouldBeTrue();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static async Task BridgeAsync(Core.Database.AppDbContext db, string code, decimal area, double? lat, double? lon, string grade)
    {
        var facility = new Facility
        {
            TenantId = db.Scope.TenantId!, Code = code, Name = code + "橋", Kind = AssetKind.Bridge, YearBuilt = 1975,
            Quantity = area, QuantityKind = QuantityKind.Area, Latitude = lat, Longitude = lon,
        };
        (await FacilityRegister.SaveAsync(db, facility, isNew: true, new DateOnly(2020, 4, 1), null, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
        (await InspectionRecords.RecordAsync(db, new(code, null, "2025-05-01", null, grade, null, null, null), Today, default)).IsSuccess.ShouldBeTrue();
    }

    private static GroupBudget[] Own(decimal yaizu, decimal fujieda) =>
        [.. Years.SelectMany(y => new[] { new GroupBudget(Yaizu, y, "", yaizu), new GroupBudget(Fujieda, y, "", fujieda) })];

    private async Task<Result<GroupPlanView>> RunAsync(string tenant, TenantRole role, GroupBudgetMode mode, GroupBudget[] budgets, SolveMethod method = SolveMethod.Exact)
    {
        await using var db = database.Context(tenant);
        return await GroupPlans.RunAsync(db, new GroupCaller(tenant, role), groupId, Options, mode, budgets, method, null, Now, default);
    }

    private async Task<Result<GroupPlanView>> CurrentAsync(string tenant, TenantRole role)
    {
        await using var db = database.Context(tenant);
        return await GroupPlans.CurrentAsync(db, new GroupCaller(tenant, role), groupId, default);
    }

    [Fact]
    public async Task candidates_cover_every_members_facilities_on_the_groups_pooled_model()
    {
        await using var db = database.Context(Yaizu);
        var set = (await GroupPlans.CandidatesAsync(db, new GroupCaller(Yaizu, TenantRole.Editor), groupId, Options, default)).Value;

        set.Admin.ShouldBe(Yaizu);
        set.Members.ShouldBe([Yaizu, Fujieda]);
        set.Kinds.ShouldHaveSingleItem().Kind.ShouldBe(AssetKind.Bridge);
        set.Kinds[0].Model.ShouldContain("広域グループ「志太榛原インフラ群」の2団体の点検から共同推定");
        set.Candidates.Select(c => (c.Member, c.Candidate.Facility)).Distinct().ShouldBe([(Yaizu, "P1"), (Fujieda, "P1"), (Fujieda, "P2")], ignoreOrder: true);
        set.Candidates.Where(c => c.Candidate.Facility == "P1").Select(c => c.Area).Distinct().ShouldBe(["M523822"]);
        set.Candidates.Where(c => c.Candidate.Facility == "P2").Select(c => c.Area).Distinct().ShouldBe(["B" + Fujieda]);
        set.Skipped.Count(s => s.Facility.StartsWith('B')).ShouldBe(20);

        // Another member sees what the plan would be built from for its own facilities only.
        await using var member = database.Context(Fujieda);
        var own = (await GroupPlans.CandidatesAsync(member, new GroupCaller(Fujieda, TenantRole.Admin), groupId, Options, default)).Value;
        own.Candidates.ShouldAllBe(c => c.Member == Fujieda);
        own.Candidates.Select(c => c.Candidate.Facility).Distinct().Order().ShouldBe(["P1", "P2"]);
        own.Skipped.ShouldAllBe(s => s.Member == Fujieda);
    }

    [Theory]
    [InlineData(SolveMethod.Exact)]
    [InlineData(SolveMethod.Heuristic)]
    public async Task own_budgets_keep_each_member_within_its_money_and_a_shared_budget_can_pay_for_anothers_works(SolveMethod method)
    {
        await using var db = database.Context(Yaizu);
        var set = (await GroupCandidates.BuildAsync(db, groupId, Options, default)).Value;
        var costliest = set.Candidates.Max(c => c.Candidate.Cost);

        // 藤枝市 has no money of its own: none of its works is chosen, and 焼津市's budget is not spent on them.
        var own = (await RunAsync(Yaizu, TenantRole.Editor, GroupBudgetMode.PerMember, Own(2 * costliest, 0), method)).Value;
        own.Works.ShouldNotBeEmpty();
        own.Works.ShouldAllBe(w => w.Member == Yaizu);
        own.Spending.ShouldAllBe(s => s.Value <= own.Budgets.Single(b => b.Member == s.Key.Member && b.Year == s.Key.Year).Amount);

        // The same money shared: 藤枝市's bridges are treated too.
        GroupBudget[] shared = [.. Years.Select(y => new GroupBudget("", y, "", 2 * costliest))];
        var pooled = (await RunAsync(Yaizu, TenantRole.Editor, GroupBudgetMode.Shared, shared, method)).Value;
        pooled.Works.Select(w => w.Member).Distinct().ShouldBe([Yaizu, Fujieda], ignoreOrder: true);
        pooled.Benefit.ShouldBeGreaterThan(own.Benefit);
        foreach (var year in Years)
        {
            pooled.Works.Where(w => w.Candidate.Year == year).Sum(w => w.Candidate.Cost).ShouldBeLessThanOrEqualTo(2 * costliest);
        }

        if (method == SolveMethod.Exact)
        {
            var problem = new GroupProblem(groupId, "", Yaizu, set.Members, set.Candidates, GroupBudgetMode.Shared, shared, Exclusivity.OnePerFacility);
            pooled.Benefit.ShouldBe(GroupProgrammeTests.BruteForce(problem));
        }

        foreach (var p in pooled.Packages)
        {
            p.Cost.ShouldBe(p.Works.Sum(w => w.Candidate.Cost));
            p.Shares.Sum(s => s.Cost).ShouldBe(p.Cost);
        }

        pooled.Packages.Sum(p => p.Cost).ShouldBe(pooled.Cost);
    }

    [Fact]
    public async Task a_member_reads_only_its_share_of_the_current_plan_and_only_the_admin_body_runs_one()
    {
        GroupBudget[] shared = [.. Years.Select(y => new GroupBudget("", y, "", 1_000_000_000))];
        var whole = (await RunAsync(Yaizu, TenantRole.Admin, GroupBudgetMode.Shared, shared)).Value;
        whole.Whole.ShouldBeTrue();
        whole.Works.Count.ShouldBe(3);

        var fujieda = (await CurrentAsync(Fujieda, TenantRole.Admin)).Value;
        fujieda.Whole.ShouldBeFalse();
        fujieda.Works.Select(w => w.Candidate.Facility).Order().ShouldBe(["P1", "P2"]);
        fujieda.Works.ShouldAllBe(w => w.Member == Fujieda);
        fujieda.Packages.SelectMany(p => p.Shares).ShouldAllBe(s => s.Member == Fujieda);
        fujieda.Packages.SelectMany(p => p.Works).ShouldAllBe(w => w.Member == Fujieda);
        fujieda.Cost.ShouldBe(whole.Works.Where(w => w.Member == Fujieda).Sum(w => w.Candidate.Cost));
        fujieda.Budgets.ShouldBeEmpty(); // the shared budget is the group's, shown to its admin

        (await CurrentAsync(Yaizu, TenantRole.Viewer)).Value.Works.ShouldAllBe(w => w.Member == Yaizu);
        (await CurrentAsync(Yaizu, TenantRole.Editor)).Value.Works.Count.ShouldBe(3);

        var refused = (await RunAsync(Fujieda, TenantRole.Admin, GroupBudgetMode.Shared, shared)).Error!;
        refused.Kind.ShouldBe(ErrorKind.Forbidden);
        (await RunAsync(Yaizu, TenantRole.Viewer, GroupBudgetMode.Shared, shared)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);

        await using var audit = database.Context(Yaizu);
        (await audit.AuditEvents.CountAsync(e => e.Action == "GroupPlan")).ShouldBe(1);
    }

    [Theory]
    [InlineData(OtherGroup)]
    [InlineData(NoGroup)]
    public async Task a_body_outside_the_group_sees_nothing(string outsider)
    {
        GroupBudget[] shared = [.. Years.Select(y => new GroupBudget("", y, "", 1_000_000_000))];
        (await RunAsync(Yaizu, TenantRole.Admin, GroupBudgetMode.Shared, shared)).IsSuccess.ShouldBeTrue();

        (await CurrentAsync(outsider, TenantRole.Admin)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await RunAsync(outsider, TenantRole.Admin, GroupBudgetMode.Shared, shared)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        await using var db = database.Context(outsider);
        (await GroupPlans.CandidatesAsync(db, new GroupCaller(outsider, TenantRole.Admin), groupId, Options, default)).Error!.Code.ShouldBe("planning.group_not_found");
    }

    [Fact]
    public async Task the_current_plan_is_the_latest_run_and_a_group_without_one_says_so()
    {
        (await CurrentAsync(Fujieda, TenantRole.Viewer)).Error!.Code.ShouldBe("planning.group_plan_not_run");
        (await RunAsync(Yaizu, TenantRole.Editor, GroupBudgetMode.PerMember, Own(1_000_000_000, 1_000_000_000))).IsSuccess.ShouldBeTrue();
        (await RunAsync(Yaizu, TenantRole.Editor, GroupBudgetMode.PerMember, Own(1_000_000_000, 0))).IsSuccess.ShouldBeTrue();

        (await CurrentAsync(Fujieda, TenantRole.Viewer)).Value.Works.ShouldBeEmpty();
        await using var db = database.Context(Yaizu);
        (await db.GroupPlanRecords.Select(r => r.Version).OrderBy(v => v).ToListAsync()).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task bad_options_are_refused_in_japanese()
    {
        await using var db = database.Context(Yaizu);
        (await GroupCandidates.BuildAsync(db, groupId, Options with { Years = 0 }, default)).Error!.Message.ShouldBe("計画期間（年）「0」が範囲外です。");
        (await GroupCandidates.BuildAsync(db, groupId, Options with { Policy = "毎年点検" }, default)).Error!.Message.ShouldBe("橋梁の対策ライブラリに方針「毎年点検」がありません。");
    }
}
