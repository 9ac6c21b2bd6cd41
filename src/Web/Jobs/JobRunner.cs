using InfraLedger.Core.Database;
using InfraLedger.Core.Jobs;

namespace InfraLedger.Web.Jobs;

/// <summary>
/// Runs queued jobs on <see cref="JobRegistry.Workers"/> workers, each job in its own DI scope and on the thread pool. A
/// job is cancelled from its page, by shutdown or when it reaches its kind's time limit; a job that does not stop within
/// <see cref="JobRegistry.Grace"/> of being cancelled is given up on: its worker takes the next job at once, and its tenant's
/// next job waits until it has really ended (so one tenant's jobs never overlap).
/// </summary>
public sealed class JobRunner(JobRegistry registry, IServiceScopeFactory scopes, ILogger<JobRunner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, registry.Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            JobRegistry.Queued next;
            try
            {
                next = await registry.TakeAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }

            await RunAsync(next.State, next.Work, stopping);
        }
    }

    private async Task RunAsync(JobState state, Func<JobState, AppDbContext, CancellationToken, Task> work, CancellationToken stopping)
    {
        var kind = state.Kind;
        var started = DateTime.UtcNow;
        logger.LogInformation("Job {JobId} ({Kind}) of tenant {Tenant} started after {Waited:F1} s in the queue: {Title}",
            state.Id, kind.Name, state.TenantId, (started - state.QueuedAtUtc).TotalSeconds, state.Title);
        var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping, state.Cancellation.Token);
        limit.CancelAfter(kind.TimeLimit);
        var scope = scopes.CreateAsyncScope();
        // The job runs in its own tenant's scope, taken from its record, as the person who started it.
        var tenantScope = scope.ServiceProvider.GetRequiredService<Core.Tenancy.TenantScope>();
        tenantScope.Enter(state.Tenant);
        tenantScope.Actor = state.Actor;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // On the thread pool: a job that computes without awaiting must not hold this worker's loop.
        var task = Task.Run(() => work(state, db, limit.Token), CancellationToken.None);
        var cancelled = new TaskCompletionSource();
        await using (limit.Token.Register(() => cancelled.TrySetResult()))
        {
            if (await Task.WhenAny(task, cancelled.Task) != task)
            {
                await Task.WhenAny(task, Task.Delay(registry.Grace, CancellationToken.None));
            }
        }

        if (!task.IsCompleted)
        {
            // It does not stop: say so now, free this worker, and release the tenant and the scope when it really ends.
            Stopped(state, started, stopping);
            logger.LogWarning("Job {JobId} ({Kind}) of tenant {Tenant} did not stop within {Grace} s of being cancelled; its worker goes on without it",
                state.Id, kind.Name, state.TenantId, registry.Grace.TotalSeconds);
            _ = task.ContinueWith(async _ =>
            {
                await scope.DisposeAsync();
                limit.Dispose();
                registry.Finished(state);
                logger.LogWarning("Job {JobId} ({Kind}) of tenant {Tenant} ended {Elapsed:F1} s after it started, after it was given up on",
                    state.Id, kind.Name, state.TenantId, (DateTime.UtcNow - started).TotalSeconds);
            }, TaskScheduler.Default);
            return;
        }

        try
        {
            await task;
            if (state.Status == JobStatus.Running)
            {
                state.Status = JobStatus.Succeeded;
            }

            state.FinishedAtUtc = DateTime.UtcNow;
            if (state.Status == JobStatus.Succeeded)
            {
                logger.LogInformation("Job {JobId} ({Kind}) of tenant {Tenant} succeeded in {Elapsed:F1} s", state.Id, kind.Name, state.TenantId, (DateTime.UtcNow - started).TotalSeconds);
            }
            else
            {
                logger.LogInformation("Job {JobId} ({Kind}) of tenant {Tenant} ended {Status} in {Elapsed:F1} s: {Message}",
                    state.Id, kind.Name, state.TenantId, state.Status, (DateTime.UtcNow - started).TotalSeconds, state.Message);
            }
        }
        catch (OperationCanceledException)
        {
            Stopped(state, started, stopping);
        }
#pragma warning disable CA1031 // A failed job must not stop the runner; the failure is shown on its page and logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Job {JobId} ({Kind}) of tenant {Tenant} failed after {Elapsed:F1} s: {Title}", state.Id, kind.Name, state.TenantId, (DateTime.UtcNow - started).TotalSeconds, state.Title);
            state.Message = "処理中にエラーが発生しました。何も書き込まれていません。管理者に連絡してください。";
            state.Status = JobStatus.Failed;
        }
        finally
        {
            if (task.IsCompleted)
            {
                await scope.DisposeAsync();
                limit.Dispose();
                registry.Finished(state);
            }
        }
    }

    /// <summary>A cancelled job's state and log line: by its page, by shutdown, or at its kind's time limit.</summary>
    private void Stopped(JobState state, DateTime started, CancellationToken stopping)
    {
        var byUser = state.Cancellation.IsCancellationRequested;
        var timedOut = !byUser && !stopping.IsCancellationRequested;
        // Stopped by shutdown, the job is 中断 (ADR 0033): it can be run again, on this instance or another.
        state.Message = timedOut ? Errors.TimedOut(state.Kind).Message : byUser ? "取り消しました。何も書き込まれていません。" : JobLedger.InterruptedMessage;
        state.Status = timedOut ? JobStatus.Failed : byUser ? JobStatus.Cancelled : JobStatus.Interrupted;
        state.FinishedAtUtc = DateTime.UtcNow;
        logger.LogWarning("Job {JobId} ({Kind}) of tenant {Tenant} {Reason} after {Elapsed:F1} s",
            state.Id, state.Kind.Name, state.TenantId, timedOut ? $"stopped at its time limit of {state.Kind.TimeLimit.TotalSeconds:F0} s" : byUser ? "cancelled by its page" : "cancelled by shutdown",
            (DateTime.UtcNow - started).TotalSeconds);
    }
}
