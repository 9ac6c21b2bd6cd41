using InfraLedger.Core.Planning;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>Plan runs on a tenant's register: kept as 案, identical on re-run, decided with an audit event, re-run after an inspection with a diff, refused when infeasible, never seen by another tenant.</summary>
public sealed class WorksPlansTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private static readonly DateTime Now = new(2026, 6, 1, 3, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.Context(Yaizu);
        await PlanFixture.BridgesAsync(db, "B", ["I", "II", "II", "III", "III", "III", "IV", "IV", "II", "III"]);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>Ten years from 2026, 30,000,000 円 a year from the general budget and 10,000,000 円 of 国費.</summary>
    private static PlanInputs Inputs(PlanSolver solver = PlanSolver.Both, int? noWorstAfter = null, IReadOnlyList<ShareTarget>? shares = null, decimal general = 30_000_000) =>
        new(2026, 10, [.. Enumerable.Range(2026, 10).SelectMany(y => new[] { new Budget(y, "", general), new Budget(y, "国費", 10_000_000) })],
            solver, NoWorstAfter: noWorstAfter, Shares: shares, OutlookYears: 50);

    [Fact]
    public async Task a_run_is_kept_as_a_draft_within_every_budget_and_a_re_run_on_the_same_data_is_identical()
    {
        await using var db = database.Context(Yaizu);

        var first = await WorksPlans.RunAsync(db, Inputs(), Now, default);
        var second = await WorksPlans.RunAsync(db, Inputs(), Now.AddHours(1), default);

        first.IsSuccess.ShouldBeTrue(first.Error?.Message);
        var plan = first.Value;
        plan.Summary.Status.ShouldBe(WorksPlanStatus.Draft);
        plan.Summary.Id.ShouldBe(1);
        second.Value.Summary.Id.ShouldBe(2);
        plan.Result.Works.ShouldNotBeEmpty();
        plan.Result.Works.GroupBy(w => w.Facility).ShouldAllBe(g => g.Count() == 1);
        plan.Result.Works.GroupBy(w => (w.Year, w.Source)).ShouldAllBe(g => g.Sum(w => w.Cost) <= (g.Key.Source == "" ? 30_000_000m : 10_000_000m));
        plan.Result.Gap.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(0m);
        plan.Result.Facilities.Count.ShouldBe(10);
        plan.Result.Years.Count.ShouldBe(10);
        plan.Result.Years[0].Grades.Sum().ShouldBe(10, 1e-9);
        plan.Result.Lcc.Single().Saving.ShouldBeGreaterThan(0, "予防保全 costs less than 事後保全 over 50 years on E1 (maintenance-planning.md §4)");
        plan.Result.Outlook.Count.ShouldBe(50);

        var rows = await db.WorksPlans.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        rows[1].Result.ShouldBe(rows[0].Result, "the same data gives the same result, byte for byte");
        rows[1].Inputs.ShouldBe(rows[0].Inputs);
    }

    [Fact]
    public async Task deciding_a_draft_writes_an_audit_event_and_a_later_decision_supersedes_it()
    {
        await using var db = database.Context(Yaizu);
        var first = (await WorksPlans.RunAsync(db, Inputs(PlanSolver.Heuristic), Now, default)).Value;
        var second = (await WorksPlans.RunAsync(db, Inputs(PlanSolver.Heuristic), Now, default)).Value;

        (await WorksPlans.DecideAsync(db, first.Summary.Id, Now, default)).Value.Status.ShouldBe(WorksPlanStatus.Decided);
        (await WorksPlans.DecideAsync(db, first.Summary.Id, Now, default)).Error!.Code.ShouldBe("planning.plan_status");
        (await WorksPlans.DecideAsync(db, second.Summary.Id, Now, default)).IsSuccess.ShouldBeTrue();

        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(WorksPlan)).OrderBy(e => e.Sequence).ToListAsync();
        events.Take(3).Select(e => $"{e.EntityKey}:{e.Action}").ShouldBe(["1:Added", "2:Added", "1:Modified"]);
        events.Skip(3).Select(e => $"{e.EntityKey}:{e.Action}").ShouldBe(["1:Modified", "2:Modified"], ignoreOrder: true, "the second decision supersedes plan 1 in the same save");
        events[2].After!.ShouldContain("\"Status\":\"Decided\"");
        events[2].After!.ShouldContain("sha256:", Case.Sensitive, "the documents are in the trail as digests");
        (await WorksPlans.ListAsync(db, default)).Select(p => (p.Id, p.Status)).ShouldBe([(2, WorksPlanStatus.Decided), (1, WorksPlanStatus.Superseded)]);
    }

    [Fact]
    public async Task only_the_decided_plan_gives_a_summary_to_publish_and_it_passes_the_publications_checks()
    {
        await using var db = database.Context(Yaizu);
        var plan = (await WorksPlans.RunAsync(db, Inputs(PlanSolver.Heuristic), Now, default)).Value;
        (await WorksPlans.SummaryAsync(db, plan.Summary.Id, default)).Error!.Code.ShouldBe("planning.plan_not_decided");
        await WorksPlans.DecideAsync(db, plan.Summary.Id, Now, default);

        var summary = (await WorksPlans.SummaryAsync(db, plan.Summary.Id, default)).Value;

        summary.Check().ShouldBeNull();
        summary.Years.ShouldBe([.. Enumerable.Range(2026, 10)]);
        summary.Costs.Sum(c => c.Cost).ShouldBe(plan.Result.Cost);
        summary.GradeShares.ShouldAllBe(g => g.Shares.Sum() == 1m);
        summary.Saving.ShouldBeGreaterThan(0m);
        (await PlanSummaryPublication.PublishAsync(db, summary, "cc-by-4.0", Core.OpenData.OpenDataLicences.Default, Now, default)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task re_running_a_decided_plan_after_a_new_inspection_gives_a_new_draft_and_the_diff()
    {
        await using var db = database.Context(Yaizu);
        // The plan's target: no bridge left in IV after 2028 (the presets have no risk cost, so only a target makes a IV
        // repair worth its money: waiting costs nothing in their figures).
        var decided = (await WorksPlans.RunAsync(db, Inputs(PlanSolver.Exact, noWorstAfter: 2028), Now, default)).Value;
        await WorksPlans.DecideAsync(db, decided.Summary.Id, Now, default);
        decided.Result.Works.ShouldNotContain(w => w.Facility == "B0", "B0 is in I");

        // B1 (II) was repaired and is now I; B0 (I) was found in IV.
        await PlanFixture.InspectAsync(db, "B1", "2026-05-01", "I");
        await PlanFixture.InspectAsync(db, "B0", "2026-05-01", "IV");
        var rerun = await WorksPlans.RerunAsync(db, decided.Summary.Id, Now.AddDays(1), default);

        rerun.IsSuccess.ShouldBeTrue(rerun.Error?.Message);
        rerun.Value.Summary.Status.ShouldBe(WorksPlanStatus.Draft);
        rerun.Value.Summary.BasedOn.ShouldBe(decided.Summary.Id);
        var diff = (await WorksPlans.DiffAsync(db, rerun.Value.Summary.Id, default)).Value;
        diff.From.ShouldBe(decided.Summary.Id);
        diff.Changes.ShouldNotBeEmpty();
        diff.CostChange.ShouldBe(rerun.Value.Result.Cost - decided.Result.Cost);
        diff.Of(PlanChangeKind.Added).Select(c => c.Facility).ShouldContain("B0", "B0 is now in IV");
        diff.Of(PlanChangeKind.Added).Single(c => c.Facility == "B0").ToTreatment.ShouldBe("床版取替");
        (await WorksPlans.FindAsync(db, decided.Summary.Id, default)).Value.Summary.Status.ShouldBe(WorksPlanStatus.Decided, "re-running does not touch the decided plan");
    }

    [Fact]
    public async Task a_deadline_the_budget_cannot_meet_is_refused_naming_the_year_and_budget_and_nothing_is_kept()
    {
        await using var db = database.Context(Yaizu);

        // Two bridges in IV cost 22,400,000 円 each (床版取替 224,000 円/㎡ × 100 ㎡); 10,000,000 + 10,000,000 a year cannot pay one by 2026.
        var run = await WorksPlans.RunAsync(db, Inputs(PlanSolver.Exact, noWorstAfter: 2026, general: 10_000_000), Now, default);

        run.Error!.Code.ShouldBe("planning.infeasible");
        run.Error.Message.ShouldContain("2026年度");
        run.Error.Message.ShouldContain("予算");
        (await db.WorksPlans.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_deadline_and_a_share_target_are_met_when_the_budget_allows()
    {
        await using var db = database.Context(Yaizu);

        var plan = (await WorksPlans.RunAsync(db, Inputs(PlanSolver.Both, noWorstAfter: 2027, shares: [new ShareTarget(2028, 0.3m)]), Now, default)).Value;

        plan.Result.Works.Where(w => w.Grade == 4).Select(w => w.Facility).Order().ShouldBe(["B6", "B7"]);
        plan.Result.Works.Where(w => w.Grade == 4).ShouldAllBe(w => w.Year <= 2027);
        plan.Result.Years.Where(y => y.Year >= 2028).ShouldAllBe(y => y.PoorShare <= 0.3 + 1e-9);
    }

    [Fact]
    public async Task another_tenants_plans_are_not_found_not_listed_and_cannot_be_decided_or_compared()
    {
        int id;
        await using (var db = database.Context(Yaizu))
        {
            id = (await WorksPlans.RunAsync(db, Inputs(PlanSolver.Heuristic), Now, default)).Value.Summary.Id;
        }

        await using var theirs = database.Context(Fujieda);
        (await WorksPlans.FindAsync(theirs, id, default)).Error!.Kind.ShouldBe(Common.ErrorKind.NotFound);
        (await WorksPlans.ListAsync(theirs, default)).ShouldBeEmpty();
        (await WorksPlans.DecideAsync(theirs, id, Now, default)).Error!.Kind.ShouldBe(Common.ErrorKind.NotFound);
        (await WorksPlans.RerunAsync(theirs, id, Now, default)).Error!.Kind.ShouldBe(Common.ErrorKind.NotFound);
        (await WorksPlans.DiffAsync(theirs, id, default)).Error!.Kind.ShouldBe(Common.ErrorKind.NotFound);
        (await WorksPlans.RunAsync(theirs, Inputs(), Now, default)).Error!.Code.ShouldBe("planning.nothing", "their register has no bridges, ours are not theirs");

        await using var ours = database.Context(Yaizu);
        (await WorksPlans.FindAsync(ours, id, default)).Value.Summary.Status.ShouldBe(WorksPlanStatus.Draft);
    }
}
