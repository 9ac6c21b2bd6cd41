using InfraLedger.Core.Database;
using InfraLedger.Core.Jobs;

namespace InfraLedger.Web.Jobs;

/// <summary>
/// Keeps this instance's jobs in the jobs table (ADR 0033): every <c>Jobs:HeartbeatSeconds</c> (default 2), and at once
/// when a job starts or ends, it writes each unfinished job's progress with a lease of <see cref="JobRegistry.Lease"/>,
/// stops the jobs another instance asked to cancel, and marks 中断 the unfinished jobs of any instance whose lease has
/// run out (their instance is gone). On shutdown, the jobs this instance could not finish are marked 中断 at once.
/// </summary>
public sealed class JobHeartbeat(JobRegistry registry, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<JobHeartbeat> logger)
    : BackgroundService
{
    private readonly TimeSpan interval = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Jobs:HeartbeatSeconds", 2.0), 0.05, 60));
    private DateTime nextForget = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await BeatAsync(stopping: false, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A database hiccup must not end the heartbeat; the next beat tries again (the lease outlasts several beats).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Job heartbeat of instance {Instance} failed; retrying", registry.Instance);
            }

            try
            {
                await registry.Changed.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The runner has stopped before (it was registered after): what is left unfinished here is 中断 now, not only
        // once its lease runs out.
        try
        {
            await BeatAsync(stopping: true, cancellationToken);
        }
#pragma warning disable CA1031 // Shutdown goes on without the database: the leases run out and another instance marks the jobs.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Jobs of instance {Instance} could not be marked interrupted on shutdown; their leases will run out", registry.Instance);
        }
    }

    private async Task BeatAsync(bool stopping, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var job in registry.Unrecorded)
        {
            var row = job.ToRecord(registry.Instance, now + registry.Lease);
            if (stopping && !row.IsFinished)
            {
                row.Status = JobStatus.Interrupted;
                row.Message = JobLedger.InterruptedMessage;
                row.FinishedAtUtc = now;
            }

            var cancel = await JobLedger.ReportAsync(db, row, now + registry.Lease, ct);
            if (row.IsFinished)
            {
                job.Recorded = true;
            }
            else if (cancel && !job.Cancellation.IsCancellationRequested)
            {
                logger.LogInformation("Job {JobId} ({Kind}) of tenant {Tenant} cancelled from another instance", job.Id, job.Kind.Name, job.TenantId);
                await job.Cancellation.CancelAsync();
            }
        }

        if (stopping)
        {
            return;
        }

        var interrupted = await JobLedger.MarkInterruptedAsync(db, now, ct);
        if (interrupted > 0)
        {
            logger.LogWarning("{Count} job(s) whose instance stopped renewing their lease marked interrupted", interrupted);
        }

        if (now >= nextForget)
        {
            nextForget = now.AddMinutes(10);
            await JobLedger.ForgetAsync(db, now.AddDays(-1), ct);
        }
    }
}
