using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Projection;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Jobs;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Projection;

/// <summary>
/// The tenant's renewal-cost projection for a scenario and base year: the stacked bar chart with its table, cost by
/// event type, what was covered and left out, the unverified parameters, and optionally a second scenario compared.
/// A large register is projected as a background job with a progress bar.
/// </summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class IndexModel(AppDbContext db, ProjectionJobs runs, Core.Tenancy.TenantScope scope) : PageModel
{
    public Core.Tenancy.LocalGovernment Tenant { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Scenario { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? BaseYear { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Years { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Compare { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Job { get; set; }

    public IReadOnlyList<(string Name, string Title)> Choices { get; private set; } = [];

    public ProjectionOutcome? Outcome { get; private set; }

    public JobState? RunningJob { get; private set; }

    public Error? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Choices = [.. Presets.All.Select(p => (p.Id, p.Name)), .. (await Scenarios.ListAsync(db, ct)).Select(s => (s.Name, s.Name))];
        Scenario = string.IsNullOrWhiteSpace(Scenario) ? Presets.Baseline : Scenario.Trim();
        BaseYear ??= ProjectionRun.DefaultBaseYear(DateTime.UtcNow);
        var request = new ProjectionRequest(Scenario, BaseYear.Value, Years, string.IsNullOrWhiteSpace(Compare) ? null : Compare.Trim());

        if (Job is { } id)
        {
            if (await runs.FindAsync(Tenant.Code, id, ct) is not { } job)
            {
                return NotFound();
            }

            if (!job.IsFinished)
            {
                RunningJob = job;
            }
            else if (job.Result is ProjectionOutcome outcome)
            {
                Outcome = outcome;
            }
            else
            {
                Error = !job.IsLocal && job.Status == Core.Jobs.JobStatus.Succeeded ? Errors.JobResultElsewhere : Errors.JobFailed(job.Message);
            }

            return Page();
        }

        var resolved = await ProjectionRun.ResolveAsync(db, request, ct);
        if (!resolved.IsSuccess)
        {
            Error = resolved.Error;
            return Page();
        }

        var count = await Projections.CountAsync(db, ct);
        if (count > runs.JobThreshold)
        {
            var job = runs.Start(Tenant.Code, scope.Actor, request, count);
            return Redirect($"/{Tenant.Code}/projection?{request.Query}&job={job.Id}");
        }

        var run = await ProjectionRun.RunAsync(db, request, null, ct);
        Outcome = run.IsSuccess ? run.Value : null;
        Error = run.Error;
        return Page();
    }

    public string ExportUrl(string table) => $"/{Tenant.Code}/projection/export?{Outcome!.Request.Query}&table={table}";
}
