using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Planning;

/// <summary>A kept plan as a list shows it.</summary>
public sealed record WorksPlanSummary(
    int Id, string Title, WorksPlanStatus Status, int? BasedOn, DateTime CreatedAtUtc, DateTime? DecidedAtUtc,
    int FirstYear, int Horizon, string Method, decimal Benefit, decimal Cost, int Works, decimal? Gap)
{
    public string StatusLabel => WorksPlans.Label(Status);
}

/// <summary>A kept plan with its inputs and result.</summary>
public sealed record WorksPlanView(WorksPlanSummary Summary, PlanInputs Inputs, PlanResult Result);

/// <summary>
/// The current tenant's works plans (個別施設計画), kept and versioned (ADR 0026): run one (a 案), list, show, decide (案 →
/// 決定; the plan decided before becomes 旧決定), re-run a plan on today's data (a new 案 based on it) and compare it with
/// the plan it re-runs. Every write goes through the DbContext, so each is an audit event; another tenant's plans are
/// never found (the tenant filter).
/// </summary>
public static partial class WorksPlans
{
    public static string Label(WorksPlanStatus status) => status switch
    {
        WorksPlanStatus.Decided => "決定",
        WorksPlanStatus.Superseded => "旧決定",
        _ => "案",
    };

    /// <summary>Runs the programme on the register and keeps it as a 案; nothing is kept when the run is refused.</summary>
    public static async Task<Result<WorksPlanView>> RunAsync(AppDbContext db, PlanInputs inputs, DateTime nowUtc, CancellationToken ct, int? basedOn = null)
    {
        var result = await PlanRun.RunAsync(db, inputs, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        var id = (await db.WorksPlans.Select(p => (int?)p.Id).MaxAsync(ct) ?? 0) + 1;
        var plan = new WorksPlan
        {
            TenantId = db.Scope.TenantId!,
            Id = id,
            Title = inputs.Title is { Length: > 0 } t ? t[..Math.Min(t.Length, 200)] : $"{inputs.FirstYear}〜{inputs.LastYear}年度 個別施設計画",
            Status = WorksPlanStatus.Draft,
            BasedOn = basedOn,
            Inputs = PlanJson.Bytes(inputs),
            Result = PlanJson.Bytes(result.Value),
            CreatedAtUtc = Millis(nowUtc),
        };
        db.WorksPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return View(plan);
    }

    /// <summary>The tenant's plans, newest first.</summary>
    public static async Task<List<WorksPlanSummary>> ListAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.WorksPlans.AsNoTracking().OrderByDescending(p => p.Id).ToListAsync(ct)).Select(p => View(p).Summary)];

    public static async Task<Result<WorksPlanView>> FindAsync(AppDbContext db, int id, CancellationToken ct) =>
        await db.WorksPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } plan ? View(plan) : Errors.PlanNotFound(id);

    /// <summary>案 → 決定. The plan decided before (if any) becomes 旧決定 in the same save.</summary>
    public static async Task<Result<WorksPlanSummary>> DecideAsync(AppDbContext db, int id, DateTime nowUtc, CancellationToken ct)
    {
        var plan = await db.WorksPlans.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return Errors.PlanNotFound(id);
        }

        if (plan.Status != WorksPlanStatus.Draft)
        {
            return Errors.PlanNotDraft(id, Label(plan.Status));
        }

        foreach (var decided in await db.WorksPlans.Where(p => p.Status == WorksPlanStatus.Decided).ToListAsync(ct))
        {
            decided.Status = WorksPlanStatus.Superseded;
        }

        plan.Status = WorksPlanStatus.Decided;
        plan.DecidedAtUtc = Millis(nowUtc);
        await db.SaveChangesAsync(ct);
        return View(plan).Summary;
    }

    /// <summary>The same inputs on today's register (new inspections, works, settings): a new 案 based on plan <paramref name="id"/>.</summary>
    public static async Task<Result<WorksPlanView>> RerunAsync(AppDbContext db, int id, DateTime nowUtc, CancellationToken ct)
    {
        var found = await FindAsync(db, id, ct);
        return found.IsSuccess ? await RunAsync(db, found.Value.Inputs, nowUtc, ct, basedOn: id) : found.Error!;
    }

    /// <summary>What changed from the plan <paramref name="id"/> re-runs (or, when it re-runs none, from the decided plan) to it.</summary>
    public static async Task<Result<PlanDiff>> DiffAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var plan = await FindAsync(db, id, ct);
        if (!plan.IsSuccess)
        {
            return plan.Error!;
        }

        var baseId = plan.Value.Summary.BasedOn
            ?? await db.WorksPlans.Where(p => p.Status == WorksPlanStatus.Decided && p.Id != id).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (baseId is not { } b || (await FindAsync(db, b, ct)) is not { IsSuccess: true } before)
        {
            return Errors.NoBasePlan(id);
        }

        return PlanDiff.Between(before.Value, plan.Value);
    }

    private static WorksPlanView View(WorksPlan p)
    {
        var inputs = PlanJson.Read<PlanInputs>(p.Inputs);
        var result = PlanJson.Read<PlanResult>(p.Result);
        return new WorksPlanView(
            new WorksPlanSummary(p.Id, p.Title, p.Status, p.BasedOn, p.CreatedAtUtc, p.DecidedAtUtc, inputs.FirstYear, inputs.Horizon, result.Method,
                result.Benefit, result.Cost, result.Works.Count, result.Gap),
            inputs, result);
    }

    /// <summary>Millisecond precision: what both SQLite text and PostgreSQL timestamptz give back unchanged.</summary>
    private static DateTime Millis(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
