namespace InfraLedger.Core.Maintenance;

/// <summary>
/// A policy evaluated for a stock: per year (t = 0 … H−1, decision at the start of the year) the expected cost (円,
/// undiscounted) and the expected number of facilities per state before the decision (last column: state unknown, for
/// age-based policies over facilities without inspections); the totals; and the facilities that could not be evaluated.
/// </summary>
public sealed record StockResult(
    PolicySpec Policy, int Evaluated, IReadOnlyList<double> YearCosts, IReadOnlyList<double[]> Distributions,
    double InfiniteDiscounted, double LongRunAverage, double Rate, IReadOnlyDictionary<string, SkipCount> Skipped)
{
    public double Total(int years) => YearCosts.Take(years).Sum();

    public double DiscountedTotal(int years) => new Trajectory([], [.. YearCosts.Take(years)]).DiscountedTotal(Rate);
}

/// <summary>How many facilities were left out for one reason, and the first few codes.</summary>
public sealed record SkipCount(int Count, IReadOnlyList<string> First);
