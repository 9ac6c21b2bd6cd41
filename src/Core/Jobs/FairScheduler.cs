namespace InfraLedger.Core.Jobs;

/// <summary>
/// Background jobs queued per tenant and taken in turn: the next job is the oldest job of the next tenant in the rotation
/// that has fewer than <c>perTenant</c> jobs running, and that tenant then goes to the back of the rotation. One tenant's
/// many or slow jobs therefore hold at most <c>perTenant</c> workers, and a job of another tenant waits for at most one job
/// of each tenant ahead of it in the rotation (docs/operations.md states the bound). Not thread-safe: the owner locks.
/// </summary>
/// <typeparam name="T">A queued job.</typeparam>
/// <param name="perTenant">How many jobs of one tenant may run at the same time (at least 1).</param>
public sealed class FairScheduler<T>(int perTenant)
    where T : class
{
    private readonly LinkedList<string> rotation = new();
    private readonly Dictionary<string, List<T>> queued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> running = new(StringComparer.Ordinal);

    public int PerTenant { get; } = perTenant >= 1 ? perTenant : throw new ArgumentOutOfRangeException(nameof(perTenant), "1 以上にしてください。");

    /// <summary>How many jobs wait, all tenants together.</summary>
    public int Waiting => queued.Values.Sum(q => q.Count);

    public void Enqueue(string tenant, T job)
    {
        if (!queued.TryGetValue(tenant, out var jobs))
        {
            queued[tenant] = jobs = [];
            rotation.AddLast(tenant);
        }

        jobs.Add(job);
    }

    /// <summary>The next job to start, counted as running for its tenant; false when every waiting tenant is at its limit.</summary>
    public bool TryTake(out string tenant, out T job)
    {
        for (var node = rotation.First; node is not null; node = node.Next)
        {
            if (running.GetValueOrDefault(node.Value) >= PerTenant)
            {
                continue;
            }

            (tenant, var jobs) = (node.Value, queued[node.Value]);
            job = jobs[0];
            jobs.RemoveAt(0);
            rotation.Remove(node);
            if (jobs.Count == 0)
            {
                queued.Remove(tenant);
            }
            else
            {
                rotation.AddLast(tenant);
            }

            running[tenant] = running.GetValueOrDefault(tenant) + 1;
            return true;
        }

        (tenant, job) = ("", null!);
        return false;
    }

    /// <summary>A job taken by <see cref="TryTake"/> has ended: its tenant may start another.</summary>
    public void Finished(string tenant)
    {
        if (running.TryGetValue(tenant, out var n) && n <= 1)
        {
            running.Remove(tenant);
        }
        else if (n > 1)
        {
            running[tenant] = n - 1;
        }
    }

    /// <summary>Takes a job out of the queue before it started (it was cancelled); false when it is not waiting.</summary>
    public bool Remove(string tenant, T job)
    {
        if (!queued.TryGetValue(tenant, out var jobs) || !jobs.Remove(job))
        {
            return false;
        }

        if (jobs.Count == 0)
        {
            queued.Remove(tenant);
            rotation.Remove(tenant);
        }

        return true;
    }
}
