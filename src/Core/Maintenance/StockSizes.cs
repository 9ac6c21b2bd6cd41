namespace InfraLedger.Core.Maintenance;

/// <summary>
/// The measures a stock's treatments are priced by, summed per bucket (start state, or age in the cycle) and, where a
/// rule prices by 口径, per row of its price table. A price is linear in its measure (円/㎡ × ㎡, 円/m × m, 円 ×
/// facilities), so a bucket's total equals the sum of its facilities' prices: each facility costs a few additions, and
/// each bucket is priced once per rule (<see cref="StockEvaluation"/>).
/// </summary>
internal sealed class StockSizes
{
    private readonly IReadOnlyList<CostBand>[] tables;
    private readonly int[] radix;
    private readonly int combinations;
    private readonly bool area;
    private readonly bool length;
    private readonly Sum[] sums;

    public StockSizes(IReadOnlyList<CostRule> rules, int buckets)
    {
        tables = [.. rules.Select(r => r.Bands).OfType<IReadOnlyList<CostBand>>().Where(b => b.Count > 0).Distinct()];
        radix = new int[tables.Length];
        combinations = 1;
        for (var i = 0; i < tables.Length; i++)
        {
            radix[i] = combinations;
            combinations *= tables[i].Count;
        }

        area = rules.Any(r => r.Unit == CostUnit.Area);
        length = rules.Any(r => r.Unit == CostUnit.Length);
        sums = new Sum[buckets * combinations];
    }

    /// <summary>The facility's row in every price table (as one index), or −1 when a rule cannot price it (the reason comes from <see cref="StockItem.Price"/>).</summary>
    public int Slot(in StockItem f)
    {
        if ((area && !(f.Area > 0)) || (length && !(f.Length > 0)))
        {
            return -1;
        }

        var slot = 0;
        for (var i = 0; i < tables.Length; i++)
        {
            var band = f.Diameter is { } d ? Band(tables[i], d) : -1;
            if (band < 0)
            {
                return -1;
            }

            slot += band * radix[i];
        }

        return slot;
    }

    public void Add(int bucket, int slot, in StockItem f)
    {
        ref var sum = ref sums[(bucket * combinations) + slot];
        sum.Count++;
        sum.Area += area ? f.Area!.Value : 0;
        sum.Length += length ? f.Length!.Value : 0;
    }

    /// <summary>Σ over the bucket's facilities of the price of <paramref name="rule"/>.</summary>
    public double Price(int bucket, CostRule rule)
    {
        var table = rule.Bands is { Count: > 0 } bands ? Array.IndexOf(tables, bands) : -1;
        var total = 0.0;
        for (var slot = 0; slot < combinations; slot++)
        {
            var sum = sums[(bucket * combinations) + slot];
            if (sum.Count == 0)
            {
                continue;
            }

            var price = (double)(table < 0 ? rule.Price : tables[table][slot / radix[table] % tables[table].Count].Price);
            total += price * rule.Unit switch
            {
                CostUnit.Area => sum.Area,
                CostUnit.Length => sum.Length,
                _ => sum.Count,
            };
        }

        return total;
    }

    private static int Band(IReadOnlyList<CostBand> bands, int d)
    {
        for (var i = 0; i < bands.Count; i++)
        {
            if (d >= (bands[i].From ?? int.MinValue) && d <= (bands[i].UpTo ?? int.MaxValue))
            {
                return i;
            }
        }

        return -1;
    }

    private struct Sum
    {
        public double Count;
        public double Area;
        public double Length;
    }
}
