namespace InfraLedger.Core.Indicators;

/// <summary>
/// Where one body's value stands in a comparison group (類似団体, the prefecture, the nation): the group's size,
/// average and median, the body's rank by value (1 = largest) and its percentile rank. Values are unrounded.
/// </summary>
public sealed record Standing(int Count, decimal? Average, decimal? Median, int? Rank, decimal? Percentile)
{
    public static readonly Standing None = new(0, null, null, null, null);

    /// <summary>
    /// The standing of <paramref name="value"/> among <paramref name="group"/> (which includes the body itself when it
    /// has a value). Rank: 1 + the number of larger values (ties share a rank). Percentile rank: the share of the
    /// group below the value plus half of those equal to it, × 100 (the usual "percent rank" with mid-rank ties).
    /// </summary>
    public static Standing Of(decimal? value, IReadOnlyCollection<decimal> group)
    {
        var sorted = group.Order().ToArray();
        return OfSorted(value, sorted, sorted.Sum());
    }

    /// <summary>The same as <see cref="Of"/> over values already sorted ascending, with their sum (binary searches, no copy).</summary>
    public static Standing OfSorted(decimal? value, decimal[] sorted, decimal sum)
    {
        if (sorted.Length == 0)
        {
            return None;
        }

        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        var average = sum / sorted.Length;
        if (value is not { } v)
        {
            return new Standing(sorted.Length, average, median, null, null);
        }

        var below = FirstIndex(sorted, x => x >= v);
        var equal = FirstIndex(sorted, x => x > v) - below;
        var above = sorted.Length - below - equal;
        return new Standing(sorted.Length, average, median, above + 1, (below + (equal / 2m)) * 100 / sorted.Length);
    }

    /// <summary>The first index whose value satisfies <paramref name="atOrAfter"/> (monotone over the sorted values), or the length.</summary>
    private static int FirstIndex(decimal[] sorted, Func<decimal, bool> atOrAfter)
    {
        var (lo, hi) = (0, sorted.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = atOrAfter(sorted[mid]) ? (lo, mid) : (mid + 1, hi);
        }

        return lo;
    }
}
