using InfraLedger.Core.Indicators;

namespace InfraLedger.Core.Tests.Indicators;

[Trait("Database", "any")] // no database
public sealed class StandingTests
{
    [Theory]
    // group 10, 20, 20, 30: value 20 → rank 2 (one larger value), percentile (1 below + 2 equal / 2) / 4 = 50%
    [InlineData(20, 2, 50)]
    // value 30 → rank 1, percentile (3 + 0.5) / 4 = 87.5%
    [InlineData(30, 1, 87.5)]
    // value 10 → rank 4, percentile (0 + 0.5) / 4 = 12.5%
    [InlineData(10, 4, 12.5)]
    public void rank_counts_larger_values_and_percentile_splits_ties(int value, int rank, double percentile)
    {
        var standing = Standing.Of(value, [10m, 20m, 20m, 30m]);
        standing.Rank.ShouldBe(rank);
        standing.Percentile.ShouldBe((decimal)percentile);
        standing.Average.ShouldBe(20m);
        standing.Median.ShouldBe(20m);
        standing.Count.ShouldBe(4);
    }

    [Fact]
    public void a_blank_value_has_no_rank_but_the_group_still_has_its_average()
    {
        var standing = Standing.Of(null, [1m, 2m, 4m]);
        standing.Rank.ShouldBeNull();
        standing.Percentile.ShouldBeNull();
        standing.Median.ShouldBe(2m);
        standing.Average.ShouldBe(7m / 3);
    }

    [Fact]
    public void an_empty_group_is_no_comparison() => Standing.Of(5m, []).ShouldBe(Standing.None);
}
