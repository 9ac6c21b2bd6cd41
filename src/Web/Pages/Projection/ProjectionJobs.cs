using InfraLedger.Core.Jobs;
using InfraLedger.Core.Projection;
using InfraLedger.Web.Jobs;

namespace InfraLedger.Web.Pages.Projection;

/// <summary>
/// Large projections as background jobs: a register over <c>Projection:JobThreshold</c> facilities (default 20,000) is
/// projected by Core's <see cref="ProjectionRun"/> in a job with a progress bar; smaller ones at once by the page.
/// </summary>
public sealed class ProjectionJobs(JobRegistry jobs, IConfiguration configuration)
{
    public int JobThreshold => configuration.GetValue("Projection:JobThreshold", 20_000);

    /// <summary>Runs the request as a background job of the tenant; its result is a <see cref="ProjectionOutcome"/>.</summary>
    public JobState Start(string tenantId, string actor, ProjectionRequest request, int facilities) =>
        jobs.Enqueue(Core.Jobs.JobKind.Projection, facilities, tenantId, $"更新費用の推計: {request.Scenario}（{request.BaseYear}年度から）", actor, request, async (state, db, ct) =>
        {
            var outcome = await ProjectionRun.RunAsync(db, request, new RowProgress(state, Math.Max(1, facilities)), ct);
            state.Result = outcome.IsSuccess ? outcome.Value : null;
            state.Message = outcome.IsSuccess ? "推計が終わりました。" : outcome.Error!.Message;
            state.Status = outcome.IsSuccess ? JobStatus.Succeeded : JobStatus.Failed;
        });

    public Task<JobState?> FindAsync(string tenantId, Guid id, CancellationToken ct) => jobs.FindAsync(tenantId, id, ct);

    /// <summary>Rows read so far, on the job's own thread.</summary>
    private sealed class RowProgress(JobState state, int total) : IProgress<long>
    {
        public void Report(long value)
        {
            state.Rows = value;
            state.Fraction = Math.Min(1, (double)value / total);
        }
    }
}
