using System.Collections.Concurrent;
using InfraLedger.Core.Database;
using InfraLedger.Core.Jobs;

namespace InfraLedger.Web.Jobs;

/// <summary>
/// The observable state of one background job (an import, a projection), for its progress page: of a job this instance
/// runs (<see cref="IsLocal"/>), live, with its input and result; of a job another instance runs, as the jobs table last
/// showed it (ADR 0033).
/// </summary>
public sealed class JobState(Guid id, JobKind kind, long size, Core.Tenancy.LocalGovernmentCode tenant, string title, string actor)
{
    public Guid Id { get; } = id;

    public JobKind Kind { get; } = kind;

    /// <summary>The job's size in its kind's unit (the upload's bytes, the register's facilities).</summary>
    public long Size { get; } = size;

    /// <summary>The tenant the job belongs to; the runner enters its scope before the job starts.</summary>
    public Core.Tenancy.LocalGovernmentCode Tenant { get; } = tenant;

    public string TenantId => Tenant.Value;

    public string Title { get; } = title;

    public string Actor { get; } = actor;

    public DateTime QueuedAtUtc { get; init; } = DateTime.UtcNow;

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>Whether this instance runs the job (and holds its input, result and cancellation).</summary>
    public bool IsLocal { get; init; } = true;

    /// <summary>Set once the finished job has been written to the jobs table: the heartbeat leaves it then.</summary>
    internal bool Recorded { get; set; }

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

    /// <summary>The result as other instances can open it (a works plan's id), kept in the jobs table.</summary>
    public string? ResultRef { get; set; }

    public CancellationTokenSource Cancellation { get; } = new();

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled or JobStatus.Interrupted;

    /// <summary>The row of the jobs table for this state, as <paramref name="owner"/> reports it.</summary>
    internal JobRecord ToRecord(string owner, DateTime leaseUntilUtc)
    {
        // Status first (volatile): the message and result written before a final status are then the final ones.
        var status = Status;
        return new JobRecord
        {
            TenantId = TenantId, Id = Id, Kind = Kind.Name, Title = Title, Actor = Actor, Status = status, Fraction = Fraction, Rows = Rows,
            Message = Message, ResultRef = ResultRef, QueuedAtUtc = QueuedAtUtc, StartedAtUtc = StartedAtUtc, FinishedAtUtc = FinishedAtUtc,
            Owner = owner, LeaseExpiresAtUtc = leaseUntilUtc,
        };
    }

    /// <summary>A job another instance runs (or ran), as the jobs table shows it.</summary>
    internal static JobState Of(JobRecord row, JobKind kind) =>
        new(row.Id, kind, 0, Core.Tenancy.LocalGovernmentCode.Parse(row.TenantId).Value, row.Title, row.Actor)
        {
            IsLocal = false, QueuedAtUtc = row.QueuedAtUtc, StartedAtUtc = row.StartedAtUtc, FinishedAtUtc = row.FinishedAtUtc,
            Status = row.Status, Fraction = row.Fraction, Rows = row.Rows, Message = row.Message, ResultRef = row.ResultRef,
        };
}

/// <summary>
/// Background jobs of this instance (issue 17 F1): queued per tenant and started in turn (<see cref="FairScheduler{T}"/>) by
/// <c>Jobs:Workers</c> workers, at most <c>Jobs:PerTenant</c> of one tenant at a time; a job over its kind's size is refused
/// before it is queued, one over its time limit is cancelled (<see cref="JobRunner"/>). Every job is also a row of the
/// jobs table (ADR 0033), so that any instance shows it and can cancel it; <see cref="JobHeartbeat"/> keeps the row up
/// to date. A job cut off by a restart leaves nothing behind, because an import commits in one transaction at its very end;
/// its row is marked 中断 once its lease runs out. Every job's start, end, failure, cancellation and refusal is logged with
/// its tenant.
/// </summary>
public sealed class JobRegistry : IDisposable
{
    private readonly ConcurrentDictionary<Guid, JobState> jobs = new();
    private readonly FairScheduler<Queued> queue;
    private readonly Lock gate = new();
    private readonly SemaphoreSlim signal = new(0);
    private readonly IConfiguration configuration;
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<JobRegistry> logger;

    public JobRegistry(IConfiguration configuration, IServiceScopeFactory scopes, ILogger<JobRegistry> logger)
    {
        this.configuration = configuration;
        this.scopes = scopes;
        this.logger = logger;
        Lease = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Jobs:LeaseSeconds", 30.0)));
        queue = new FairScheduler<Queued>(Math.Max(1, configuration.GetValue("Jobs:PerTenant", 1)));
        Workers = Math.Max(1, configuration.GetValue("Jobs:Workers", 2));
        Grace = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Jobs:CancelGraceSeconds", 10)));
    }

    /// <summary>How many jobs run at the same time, all tenants together (<c>Jobs:Workers</c>, default 2).</summary>
    public int Workers { get; }

    /// <summary>How long a cancelled job has to stop before its worker moves on without it (<c>Jobs:CancelGraceSeconds</c>).</summary>
    public TimeSpan Grace { get; }

    /// <summary>This instance, as the jobs table names the owner of a job: host, process and a random part (two hosts of one process differ).</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>How long a job's row stays vouched for without a heartbeat (<c>Jobs:LeaseSeconds</c>, default 30); then it is 中断.</summary>
    public TimeSpan Lease { get; }

    /// <summary>Released when a job's state changes in a way other instances should see soon (queued, started, ended).</summary>
    internal SemaphoreSlim Changed { get; } = new(0);

    /// <summary>This instance's jobs whose final state is not yet in the jobs table.</summary>
    internal IReadOnlyList<JobState> Unrecorded => [.. jobs.Values.Where(j => !j.Recorded)];

    /// <summary>A job kind with the limits of this deployment's settings.</summary>
    public JobKind Kind(JobKind kind) => kind.With(
        configuration.GetValue<int?>($"Jobs:{kind.Name}:TimeLimitSeconds"), configuration.GetValue<long?>($"Jobs:{kind.Name}:MaxSize"));

    /// <summary>
    /// Queues a job of <paramref name="kind"/> (its limits from settings) for the tenant; a job over the kind's size is
    /// returned already failed with the reason, never queued. The work gets a database context already in the tenant's
    /// scope, with the job's actor (<see cref="JobRunner"/>): a job never sets its own tenant.
    /// </summary>
    public JobState Enqueue(JobKind kind, long size, string tenantId, string title, string actor, object? input, Func<JobState, AppDbContext, CancellationToken, Task> work)
    {
        kind = Kind(kind);
        // The tenant comes from the request's resolved route: a code that does not parse is a bug, not a refusal.
        var tenant = Core.Tenancy.LocalGovernmentCode.Parse(tenantId) is { IsSuccess: true } parsed ? parsed.Value : throw new ArgumentException($"not a tenant code: {tenantId}", nameof(tenantId));
        var state = new JobState(Guid.NewGuid(), kind, size, tenant, title, actor) { Input = input };
        Forget(DateTime.UtcNow.AddDays(-1));
        var refused = size > kind.MaxSize;
        if (refused)
        {
            state.Message = Errors.TooLarge(kind, size).Message;
            state.Status = JobStatus.Failed;
            state.FinishedAtUtc = DateTime.UtcNow;
        }
        else
        {
            state.Message = "順番を待っています。";
        }

        Record(state);
        jobs[state.Id] = state;
        if (refused)
        {
            logger.LogWarning("Job {JobId} ({Kind}) of tenant {Tenant} refused: size {Size} over {MaxSize} ({Title}, {Actor})",
                state.Id, kind.Name, tenantId, size, kind.MaxSize, title, actor);
            return state;
        }

        lock (gate)
        {
            queue.Enqueue(tenantId, new Queued(state, work));
        }

        state.Cancellation.Token.Register(() => CancelQueued(state));
        logger.LogInformation("Job {JobId} ({Kind}) of tenant {Tenant} queued: {Title}, size {Size}, by {Actor}", state.Id, kind.Name, tenantId, title, size, actor);
        signal.Release();
        return state;
    }

    /// <summary>
    /// The job, only for its own tenant (another tenant's job id is as good as unknown): this instance's own, live; or
    /// another instance's, from the jobs table.
    /// </summary>
    public async Task<JobState?> FindAsync(string tenantId, Guid id, CancellationToken ct)
    {
        if (jobs.TryGetValue(id, out var job))
        {
            return job.TenantId == tenantId ? job : null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var row = await JobLedger.FindAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), tenantId, id, ct);
        return row is null ? null : JobState.Of(row, KindNamed(row.Kind));
    }

    /// <summary>
    /// Cancels the tenant's job wherever it runs: here at once, on another instance at that instance's next heartbeat (the
    /// flag in the jobs table). False when the tenant has no such job.
    /// </summary>
    public async Task<bool> CancelAsync(string tenantId, Guid id, CancellationToken ct)
    {
        if (jobs.TryGetValue(id, out var job))
        {
            if (job.TenantId != tenantId)
            {
                return false;
            }

            await job.Cancellation.CancelAsync();
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await JobLedger.RequestCancelAsync(db, tenantId, id, ct))
        {
            logger.LogInformation("Job {JobId} of tenant {Tenant} asked to stop; its instance stops it at its next heartbeat", id, tenantId);
            return true;
        }

        return await JobLedger.FindAsync(db, tenantId, id, ct) is not null;
    }

    private JobKind KindNamed(string name) => Kind(
        name == JobKind.Projection.Name ? JobKind.Projection : name == JobKind.Plan.Name ? JobKind.Plan : JobKind.Import);

    /// <summary>The new job's row, written before its id is shown to anybody, so that every instance knows it at once.</summary>
    private void Record(JobState state)
    {
        using var scope = scopes.CreateScope();
        JobLedger.Add(scope.ServiceProvider.GetRequiredService<AppDbContext>(), state.ToRecord(Instance, DateTime.UtcNow + Lease));
        state.Recorded = state.IsFinished;
    }

    /// <summary>The next job in turn, waiting until there is one.</summary>
    internal async Task<Queued> TakeAsync(CancellationToken ct)
    {
        while (true)
        {
            // Once the host stops, nothing more starts: a job still waiting stays queued and is 中断 at shutdown (ADR 0033).
            ct.ThrowIfCancellationRequested();
            lock (gate)
            {
                if (queue.TryTake(out _, out var next))
                {
                    next.State.StartedAtUtc = DateTime.UtcNow;
                    next.State.Status = JobStatus.Running;
                    next.State.Message = null;
                    Changed.Release();
                    return next;
                }
            }

            await signal.WaitAsync(ct);
        }
    }

    /// <summary>A job taken by <see cref="TakeAsync"/> has really ended: its tenant may start the next one.</summary>
    internal void Finished(JobState state)
    {
        state.FinishedAtUtc ??= DateTime.UtcNow;
        lock (gate)
        {
            queue.Finished(state.TenantId);
        }

        signal.Release();
        Changed.Release();
    }

    /// <summary>A job cancelled while it waits leaves the queue at once.</summary>
    private void CancelQueued(JobState state)
    {
        bool removed;
        lock (gate)
        {
            removed = queue.Remove(state.TenantId, new Queued(state, null!));
        }

        if (removed)
        {
            state.Message = "取り消しました。何も書き込まれていません。";
            state.Status = JobStatus.Cancelled;
            state.FinishedAtUtc = DateTime.UtcNow;
            Changed.Release();
            logger.LogInformation("Job {JobId} ({Kind}) of tenant {Tenant} cancelled before it started", state.Id, state.Kind.Name, state.TenantId);
        }
    }

    /// <summary>Finished jobs are kept for their pages for a day.</summary>
    private void Forget(DateTime beforeUtc)
    {
        foreach (var old in jobs.Values.Where(j => j.IsFinished && j.FinishedAtUtc < beforeUtc))
        {
            jobs.TryRemove(old.Id, out _);
        }
    }

    // Changed is not disposed: a job given up on may still end (and release it) after the host has stopped.
    public void Dispose() => signal.Dispose();

    /// <summary>A queued job: equal by its state, so that a cancelled one can be found in the queue.</summary>
    internal sealed record Queued(JobState State, Func<JobState, AppDbContext, CancellationToken, Task> Work)
    {
        public bool Equals(Queued? other) => other is not null && other.State == State;

        public override int GetHashCode() => State.GetHashCode();
    }
}
