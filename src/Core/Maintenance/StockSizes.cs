using System.Runtime.InteropServices;

namespace InfraLedger.Core.Maintenance;

/// <summary>
/// The measures a stock's treatments are priced by, summed per bucket (start state, or age in the cycle) and, where a
/// rule prices by 口径, per 口径. A price is linear in its measure (円/㎡ × ㎡, 円/m × m, 円 × facilities), so a bucket's
/// total equals the sum of its facilities' prices: each facility costs a few additions, and each bucket is priced once
/// per rule (<see cref="StockEvaluation"/>).
/// </summary>
internal sealed class StockSizes(IReadOnlyList<CostRule> rules)
{
    private readonly bool byDiameter = rules.Any(r => r.Bands is { Count: > 0 });
    private readonly bool area = rules.Any(r => r.Unit == CostUnit.Area);
    private readonly bool length = rules.Any(r => r.Unit == CostUnit.Length);
    private readonly Dictionary<(int Bucket, int Diameter), Sum> sums = [];

    /// <summary>Every rule can price <paramref name="f"/> (the reason otherwise comes from <see cref="StockItem.Price"/>, the slow path).</summary>
    public bool Priceable(in StockItem f)
    {
        if ((area && !(f.Area > 0)) || (length && !(f.Length > 0)))
        {
            return false;
        }

        foreach (var rule in rules)
        {
            if (rule.Bands is { Count: > 0 } bands && !(f.Diameter is { } d && InSomeBand(bands, d)))
            {
                return false;
            }
        }

        return true;
    }

    public void Add(int bucket, in StockItem f)
    {
        ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, (bucket, byDiameter ? f.Diameter!.Value : 0), out _);
        sum.Count++;
        sum.Area += area ? f.Area!.Value : 0;
        sum.Length += length ? f.Length!.Value : 0;
    }

    /// <summary>Σ over the bucket's facilities of the price of <paramref name="rule"/>.</summary>
    public double Price(int bucket, CostRule rule)
    {
        var total = 0.0;
        foreach (var ((b, diameter), sum) in sums)
        {
            if (b == bucket)
            {
                var (price, _) = new StockItem("", null, null, sum.Area, sum.Length, diameter).Price(rule);
                total += rule.Unit == CostUnit.Facility ? price * sum.Count : price;
            }
        }

        return total;
    }

    private static bool InSomeBand(IReadOnlyList<CostBand> bands, int d)
    {
        for (var i = 0; i < bands.Count; i++)
        {
            if (d >= (bands[i].From ?? int.MinValue) && d <= (bands[i].UpTo ?? int.MaxValue))
            {
                return true;
            }
        }

        return false;
    }

    private struct Sum
    {
        public double Count;
        public double Area;
        public double Length;
    }
}
