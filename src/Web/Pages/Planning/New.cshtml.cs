using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Planning;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Jobs;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>
/// The new-plan form (editors): horizon, first year, budgets by year and funding source, committed works, deadline and
/// share targets, solver. The run is kept as a 案 by Core's <see cref="WorksPlans"/>; a refused run keeps nothing and
/// shows each refusal at its field. A large register is planned as a background job with a progress bar.
/// </summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class NewModel(AppDbContext db, PlanJobs runs, TenantScope scope) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public JobState? RunningJob { get; private set; }

    public double TimeLimit => runs.PageTimeLimit;

    public int JobThreshold => runs.JobThreshold;

    public static int DefaultFirstYear => FiscalYear.Of(DateOnly.FromDateTime(DateTime.Today)).Year + 1;

    public async Task<IActionResult> OnGetAsync(int? from, Guid? job, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        if (job is { } jobId)
        {
            if (await runs.FindAsync(Tenant.Code, jobId, ct) is not { } state)
            {
                return NotFound();
            }

            if (!state.IsFinished)
            {
                RunningJob = state;
                return Page();
            }

            var outcome = PlanJobs.Outcome(state);
            if (outcome.IsSuccess)
            {
                return Redirect(PlanningLinks.Plan(Tenant.Code, outcome.Value));
            }

            if (state.Input is PlanInputs posted)
            {
                Input = PlanForm.Of(posted);
            }

            Refused(outcome.Error!);
            return Page();
        }

        if (from is { } id)
        {
            var plan = await WorksPlans.FindAsync(db, id, ct);
            if (!plan.IsSuccess)
            {
                return NotFound();
            }

            Input = PlanForm.Of(plan.Value.Inputs);
        }

        Input.FirstYear ??= DefaultFirstYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var inputs = Input.Read(DefaultFirstYear, TimeLimit, out var errors);
        if (!inputs.IsSuccess)
        {
            errors.ForEach(e => ErrorResponses.AddTo(ModelState, e, "Input"));
            return Page();
        }

        var facilities = await Core.Projection.Projections.CountAsync(db, ct);
        if (facilities > runs.JobThreshold)
        {
            var job = runs.Start(Tenant.Code, scope.Actor, inputs.Value with { TimeLimitSeconds = 60 }, facilities);
            return Redirect($"{PlanningLinks.New(Tenant.Code)}?job={job.Id}");
        }

        var run = await WorksPlans.RunAsync(db, inputs.Value, DateTime.UtcNow, ct);
        if (!run.IsSuccess)
        {
            Refused(run.Error!);
            return Page();
        }

        return Redirect(PlanningLinks.Plan(Tenant.Code, run.Value.Summary.Id));
    }

    private void Refused(Error error) =>
        ErrorResponses.AddTo(ModelState, error with { Field = PlanForm.FieldOf(error) is { Length: > 0 } f ? f : null }, "Input");
}
