namespace InfraLedger.Core.Maintenance;

/// <summary>
/// One facility as a policy evaluation sees it: its state now (1 = best; null without an inspection on the kind's
/// scale), its age (null without a year built), and the measures its treatments are priced by.
/// </summary>
public readonly record struct StockItem(string Code, int? State, int? Age, double? Area, double? Length, int? Diameter)
{
    /// <summary>The cost of a treatment on this facility (円), or the reason it cannot be priced.</summary>
    public (double Cost, string? Skip) Price(CostRule rule)
    {
        double price;
        if (rule.Bands is { Count: > 0 } bands)
        {
            if (Diameter is not { } d)
            {
                return (0, "口径がない（口径別単価）");
            }

            var band = -1;
            for (var i = 0; i < bands.Count; i++)
            {
                if (d >= (bands[i].From ?? int.MinValue) && d <= (bands[i].UpTo ?? int.MaxValue))
                {
                    band = i;
                    break;
                }
            }

            if (band < 0)
            {
                return (0, "口径が単価表のどの行にも入らない");
            }

            price = (double)bands[band].Price;
        }
        else
        {
            price = (double)rule.Price;
        }

        return rule.Unit switch
        {
            CostUnit.Area => Area is { } a && a > 0 ? (price * a, null) : (0, "面積がない（数量が面積でなく、延長と幅員もない）"),
            CostUnit.Length => Length is { } l && l > 0 ? (price * l, null) : (0, "延長がない"),
            _ => (price, null),
        };
    }
}
