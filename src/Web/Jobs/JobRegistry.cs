using System.Collections.Concurrent;
using System.Threading.Channels;

namespace InfraLedger.Web.Jobs;

public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>The observable state of one background job (an import), for its progress page.</summary>
public sealed class JobState(Guid id, string tenantId, string title, string actor)
{
    public Guid Id { get; } = id;

    public string TenantId { get; } = tenantId;

    public string Title { get; } = title;

    public string Actor { get; } = actor;

    // Written by the job's thread, read by page requests: volatile, so that a finished status is never seen
    // before the result written ahead of it.
    private volatile JobStatus status = JobStatus.Queued;

    public JobStatus Status
    {
        get => status;
        set => status = value;
    }

    /// <summary>0..1 when known.</summary>
    public double? Fraction { get; set; }

    public long Rows { get; set; }

    public string? Message { get; set; }

    /// <summary>What the job was asked to do (e.g. the uploaded file and import options), for follow-up jobs.</summary>
    public object? Input { get; set; }

    /// <summary>The job's result, e.g. an import report.</summary>
    public object? Result { get; set; }

    public CancellationTokenSource Cancellation { get; } = new();

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;
}

/// <summary>
/// Background jobs of this instance, run one at a time by <see cref="JobRunner"/>. Kept in memory: a job cut
/// off by a restart leaves nothing behind, because an import commits in one transaction at its very end.
/// </summary>
public sealed class JobRegistry
{
    private readonly ConcurrentDictionary<Guid, JobState> jobs = new();
    private readonly Channel<(JobState State, Func<JobState, IServiceProvider, CancellationToken, Task> Work)> queue =
        Channel.CreateUnbounded<(JobState, Func<JobState, IServiceProvider, CancellationToken, Task>)>();

    public JobState Enqueue(string tenantId, string title, string actor, object? input, Func<JobState, IServiceProvider, CancellationToken, Task> work)
    {
        var state = new JobState(Guid.NewGuid(), tenantId, title, actor) { Input = input };
        jobs[state.Id] = state;
        queue.Writer.TryWrite((state, work));
        return state;
    }

    /// <summary>The job, only for its own tenant (another tenant's job id is as good as unknown).</summary>
    public JobState? Find(string tenantId, Guid id) => jobs.TryGetValue(id, out var job) && job.TenantId == tenantId ? job : null;

    internal ChannelReader<(JobState State, Func<JobState, IServiceProvider, CancellationToken, Task> Work)> Reader => queue.Reader;
}

/// <summary>Runs queued jobs, each in its own DI scope; cancellation comes from the job's page or from shutdown.</summary>
public sealed class JobRunner(JobRegistry registry, IServiceScopeFactory scopes, ILogger<JobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (state, work) in registry.Reader.ReadAllAsync(stoppingToken))
        {
            using var link = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, state.Cancellation.Token);
            await using var scope = scopes.CreateAsyncScope();
            state.Status = JobStatus.Running;
            try
            {
                link.Token.ThrowIfCancellationRequested();
                await work(state, scope.ServiceProvider, link.Token);
                if (state.Status == JobStatus.Running)
                {
                    state.Status = JobStatus.Succeeded;
                }
            }
            catch (OperationCanceledException)
            {
                state.Message = "取り消しました。何も書き込まれていません。";
                state.Status = JobStatus.Cancelled;
            }
#pragma warning disable CA1031 // A failed job must not stop the runner; the failure is shown on its page and logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Job {Id} ({Title}) failed", state.Id, state.Title);
                state.Message = "処理中にエラーが発生しました。何も書き込まれていません。管理者に連絡してください。";
                state.Status = JobStatus.Failed;
            }
        }
    }
}
