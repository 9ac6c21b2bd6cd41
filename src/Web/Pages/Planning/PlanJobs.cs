using InfraLedger.Core.Common;
using InfraLedger.Core.Jobs;
using InfraLedger.Core.Planning;
using InfraLedger.Web.Jobs;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>
/// Plan runs of a large register as background jobs, as the projection does: over <c>Planning:JobThreshold</c> facilities
/// (default 2,000) the page starts Core's <see cref="WorksPlans.RunAsync"/> in a job and shows a progress bar; a
/// smaller register is planned within the request. The job's result is the kept plan's id, or the refusal.
/// </summary>
public sealed class PlanJobs(JobRegistry jobs, IConfiguration configuration)
{
    public int JobThreshold => configuration.GetValue("Planning:JobThreshold", 2_000);

    /// <summary>
    /// The exact solver's time limit when the plan is run within the request (seconds, <c>Planning:PageTimeLimitSeconds</c>,
    /// default 10): the request waits for it. A job uses the CLI's default (60 s).
    /// </summary>
    public double PageTimeLimit => configuration.GetValue("Planning:PageTimeLimitSeconds", 10.0);

    public JobState Start(string tenantId, string actor, PlanInputs inputs, int facilities) =>
        jobs.Enqueue(Core.Jobs.JobKind.Plan, facilities, tenantId, $"個別施設計画の計算: {inputs.FirstYear}〜{inputs.LastYear}年度", actor, inputs, async (state, db, ct) =>
        {
            var run = await WorksPlans.RunAsync(db, inputs, DateTime.UtcNow, ct);
            state.Result = run.IsSuccess ? run.Value.Summary.Id : run.Error;
            // The kept plan's id in the jobs table too: the page on any instance opens the plan (ADR 0033).
            state.ResultRef = run.IsSuccess ? run.Value.Summary.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            state.Message = run.IsSuccess ? "計画を計算しました。" : run.Error!.Message;
            state.Status = run.IsSuccess ? JobStatus.Succeeded : JobStatus.Failed;
        });

    public Task<JobState?> FindAsync(string tenantId, Guid id, CancellationToken ct) => jobs.FindAsync(tenantId, id, ct);

    /// <summary>The kept plan of a finished job, or why there is none.</summary>
    public static Result<int> Outcome(JobState job) => job.Result switch
    {
        int id => id,
        Error error => error,
        _ when job.Status == JobStatus.Succeeded && int.TryParse(job.ResultRef, System.Globalization.CultureInfo.InvariantCulture, out var id) => id,
        _ => WebErrors.JobFailed(job.Message),
    };
}
