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
        if (group.Count == 0)
        {
            return None;
        }

        var sorted = group.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        var average = sorted.Sum() / sorted.Length;
        if (value is not { } v)
        {
            return new Standing(sorted.Length, average, median, null, null);
        }

        var below = sorted.Count(x => x < v);
        var equal = sorted.Count(x => x == v);
        var above = sorted.Length - below - equal;
        return new Standing(sorted.Length, average, median, above + 1, (below + (equal / 2m)) * 100 / sorted.Length);
    }
}
