using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Planning;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>
/// The new-plan form (editors): horizon, first year, budgets by year and funding source, committed works, deadline and
/// share targets, solver. The run is kept as a 案 by Core's <see cref="WorksPlans"/>; a refused run keeps nothing and
/// shows each refusal at its field.
/// </summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class NewModel(AppDbContext db, IConfiguration configuration) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    [BindProperty]
    public PlanForm Input { get; set; } = new();

    /// <summary>
    /// The exact solver's time limit on a page request (seconds, <c>Planning:PageTimeLimitSeconds</c>, default 10): the
    /// request waits for the solve, so the limit is kept small; the CLI's <c>plan run</c> has the full 60 s default.
    /// </summary>
    public double TimeLimit => configuration.GetValue("Planning:PageTimeLimitSeconds", 10.0);

    public static int DefaultFirstYear => FiscalYear.Of(DateOnly.FromDateTime(DateTime.Today)).Year + 1;

    public async Task<IActionResult> OnGetAsync(int? from, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
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

        var run = await WorksPlans.RunAsync(db, inputs.Value, DateTime.UtcNow, ct);
        if (!run.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, run.Error! with { Field = PlanForm.FieldOf(run.Error!) is { Length: > 0 } f ? f : null }, "Input");
            return Page();
        }

        return Redirect(PlanningLinks.Plan(Tenant.Code, run.Value.Summary.Id));
    }
}
