using InfraLedger.Core.Jobs;

namespace InfraLedger.Core.Tests.Jobs;

/// <summary>Issue 17 F1: one queue for all tenants let one tenant's jobs hold everyone's; jobs are now taken in turn per tenant.</summary>
public sealed class FairSchedulerTests
{
    private static List<string> TakeAll(FairScheduler<string> scheduler, bool finishEach = true)
    {
        var order = new List<string>();
        while (scheduler.TryTake(out var tenant, out var job))
        {
            order.Add(job);
            if (finishEach)
            {
                scheduler.Finished(tenant);
            }
        }

        return order;
    }

    [Fact]
    public void F1_tenants_take_turns_whatever_order_their_jobs_were_queued_in()
    {
        var scheduler = new FairScheduler<string>(perTenant: 1);
        foreach (var job in new[] { "A1", "A2", "A3", "A4" })
        {
            scheduler.Enqueue("A", job);
        }

        scheduler.Enqueue("B", "B1");
        scheduler.Enqueue("C", "C1");
        scheduler.Enqueue("B", "B2");

        TakeAll(scheduler).ShouldBe(["A1", "B1", "C1", "A2", "B2", "A3", "A4"]);
    }

    [Fact]
    public void F1_a_tenant_at_its_limit_is_skipped_until_its_job_ends_and_others_go_ahead()
    {
        var scheduler = new FairScheduler<string>(perTenant: 1);
        scheduler.Enqueue("A", "A1");
        scheduler.Enqueue("A", "A2");
        scheduler.Enqueue("B", "B1");

        scheduler.TryTake(out var first, out var slow).ShouldBeTrue();
        (first, slow).ShouldBe(("A", "A1"));
        // A1 is still running: A2 waits, B1 does not.
        scheduler.TryTake(out _, out var next).ShouldBeTrue();
        next.ShouldBe("B1");
        scheduler.TryTake(out _, out _).ShouldBeFalse();

        scheduler.Finished("A");
        scheduler.TryTake(out _, out var last).ShouldBeTrue();
        last.ShouldBe("A2");
    }

    [Fact]
    public void F1_a_cancelled_job_leaves_the_queue_and_the_rotation()
    {
        var scheduler = new FairScheduler<string>(perTenant: 2);
        scheduler.Enqueue("A", "A1");
        scheduler.Enqueue("B", "B1");
        scheduler.Enqueue("B", "B2");

        scheduler.Remove("A", "A1").ShouldBeTrue();
        scheduler.Remove("A", "A1").ShouldBeFalse();

        scheduler.Waiting.ShouldBe(2);
        TakeAll(scheduler, finishEach: false).ShouldBe(["B1", "B2"], "two of one tenant may run with perTenant 2");
    }

    [Fact]
    public void F1_the_limit_per_tenant_is_at_least_one()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new FairScheduler<string>(0));
    }
}
