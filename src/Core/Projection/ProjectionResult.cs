namespace InfraLedger.Core.Projection;

/// <summary>One row of a projection table: a category or an event type, with its cost (円) per year of the horizon.</summary>
public sealed record ProjectionSeries(string Name, string Group, decimal[] Values)
{
    public decimal Total => Values.Sum();
}

/// <summary>Facilities left out of a projection for one reason: how many, and the first few by code.</summary>
public sealed record NotProjected(string Reason, int Count, IReadOnlyList<string> Examples);

/// <summary>The stock a projection covered, per category: how many facilities and how much (㎡ or m).</summary>
public sealed record ProjectedStock(string Category, int Facilities, decimal Quantity, string Unit);

/// <summary>
/// Annual renewal cost for fiscal years <see cref="BaseYear"/> .. BaseYear + Horizon − 1, by category (buildings
/// by 大分類, 道路, 橋りょう, 上水道, 下水道) and by event type, with the parameters it was computed with.
/// </summary>
public sealed class ProjectionResult
{
    public required int BaseYear { get; init; }

    public required ScenarioParameters Parameters { get; init; }

    public required IReadOnlyList<ProjectionSeries> Categories { get; init; }

    public required IReadOnlyList<ProjectionSeries> Events { get; init; }

    public required IReadOnlyList<ProjectedStock> Stock { get; init; }

    public required IReadOnlyList<NotProjected> Skipped { get; init; }

    public int Horizon => Parameters.Horizon;

    public IEnumerable<int> Years => Enumerable.Range(BaseYear, Horizon);

    private decimal[]? total;

    /// <summary>The cost of each year, all categories together (computed once: the result does not change).</summary>
    public IReadOnlyList<decimal> Total => total ??= YearTotals();

    private decimal[] YearTotals()
    {
        var sums = new decimal[Horizon];
        foreach (var series in Categories)
        {
            for (var i = 0; i < Horizon; i++)
            {
                sums[i] += series.Values[i];
            }
        }

        return sums;
    }

    public decimal GrandTotal => Categories.Sum(c => c.Total);

    public decimal AnnualAverage => Horizon == 0 ? 0 : GrandTotal / Horizon;

    /// <summary>Several projections with the same parameters and base year added up (a wide-area group).</summary>
    public static ProjectionResult Sum(int baseYear, ScenarioParameters parameters, IEnumerable<ProjectionResult> parts)
    {
        var list = parts.ToList();
        string[] order = [.. parameters.BuildingRates.Select(r => r.Category), RenewalProjection.Road, RenewalProjection.Bridge, RenewalProjection.Water, RenewalProjection.Sewer];
        static IReadOnlyList<ProjectionSeries> Add(IEnumerable<ProjectionSeries> series, int horizon) =>
            [.. series.GroupBy(s => (s.Name, s.Group)).Select(g => new ProjectionSeries(g.Key.Name, g.Key.Group,
                [.. Enumerable.Range(0, horizon).Select(i => g.Sum(s => s.Values[i]))]))];
        return new ProjectionResult
        {
            BaseYear = baseYear,
            Parameters = parameters,
            Categories = [.. Add(list.SelectMany(r => r.Categories), parameters.Horizon).OrderBy(s => Array.IndexOf(order, s.Name))],
            Events = Add(list.SelectMany(r => r.Events), parameters.Horizon),
            Stock = [.. list.SelectMany(r => r.Stock).GroupBy(s => (s.Category, s.Unit))
                .Select(g => new ProjectedStock(g.Key.Category, g.Sum(s => s.Facilities), g.Sum(s => s.Quantity), g.Key.Unit)).OrderBy(s => Array.IndexOf(order, s.Category))],
            Skipped = [.. list.SelectMany(r => r.Skipped).GroupBy(s => s.Reason)
                .Select(g => new NotProjected(g.Key, g.Sum(s => s.Count), [.. g.SelectMany(s => s.Examples).Take(20)]))],
        };
    }
}
