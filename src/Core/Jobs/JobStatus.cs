namespace InfraLedger.Core.Jobs;

/// <summary>Where a background job stands; kept in <see cref="JobRecord.Status"/> by name.</summary>
public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,

    /// <summary>
    /// 中断: its instance stopped (a restart, a crash) before it ended, so its lease ran out. Nothing of it was written (an
    /// import commits in one transaction at its very end), and it can be run again.
    /// </summary>
    Interrupted,
}
