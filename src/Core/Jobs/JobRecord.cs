namespace InfraLedger.Core.Jobs;

/// <summary>
/// A background job as every web instance sees it (ADR 0033): its progress, written by the instance that runs it
/// (<see cref="Owner"/>) at each heartbeat together with a lease; a cancellation asked for on any instance
/// (<see cref="CancelRequested"/>), which the owner reads at its next heartbeat; and 中断 (<see cref="JobStatus.Interrupted"/>)
/// once the lease of an unfinished job has run out. The work and its detailed result stay in the owner's memory.
/// </summary>
public sealed class JobRecord
{
    public required string TenantId { get; init; }

    public required Guid Id { get; init; }

    /// <summary>The kind's settings name (<see cref="JobKind.Name"/>): Import, Projection, Plan.</summary>
    public required string Kind { get; init; }

    public required string Title { get; init; }

    public required string Actor { get; init; }

    public JobStatus Status { get; set; }

    public double? Fraction { get; set; }

    public long Rows { get; set; }

    public string? Message { get; set; }

    /// <summary>What the job made, when it is a row others can open (a works plan's id).</summary>
    public string? ResultRef { get; set; }

    public required DateTime QueuedAtUtc { get; init; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>The instance that runs the job (host name, process id and a random part).</summary>
    public required string Owner { get; init; }

    /// <summary>Until when the owner vouches for the job; renewed at every heartbeat.</summary>
    public DateTime LeaseExpiresAtUtc { get; set; }

    public bool CancelRequested { get; set; }

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled or JobStatus.Interrupted;
}
