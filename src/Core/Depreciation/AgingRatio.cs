namespace InfraLedger.Core.Depreciation;

/// <summary>Display rounding of a percentage. [U] indicators.md §1.3: the rule a body applies is not known.</summary>
public enum RatioRounding
{
    /// <summary>四捨五入 (0.5 rounds away from zero).</summary>
    HalfUp,

    /// <summary>切捨て (towards zero).</summary>
    Truncate,
}

/// <summary>有形固定資産減価償却率 (asset aging ratio), indicators.md §1.2.</summary>
public static class AgingRatio
{
    /// <summary>[U] indicators.md §1.3: display precision and rounding are configurable; these are the defaults.</summary>
    public const int DefaultDecimals = 2;

    public const RatioRounding DefaultRounding = RatioRounding.HalfUp;

    /// <summary>
    /// 減価償却累計額 ÷ 取得価額(償却資産) × 100 (indicators.md §1.2), unrounded: store this value and round only for display.
    /// Null when there is no depreciable cost.
    /// </summary>
    public static decimal? Of(decimal accumulated, decimal depreciableCost) =>
        depreciableCost == 0m ? null : accumulated * 100m / depreciableCost;

    /// <summary>
    /// The ratio over the positions of depreciable items on the books (Depreciating and FullyDepreciated); land and other
    /// non-depreciable items, items off the books and items with an unknown 取得年月日 are left out of both sides.
    /// </summary>
    public static decimal? Of(IEnumerable<Position> positions)
    {
        decimal accumulated = 0m, cost = 0m;
        foreach (var p in positions)
        {
            if (p.Status is PositionStatus.Depreciating or PositionStatus.FullyDepreciated)
            {
                accumulated += p.Accumulated;
                cost += p.Cost;
            }
        }

        return Of(accumulated, cost);
    }

    /// <summary>Rounds a percentage for display (indicators.md §1.3, rule [U]).</summary>
    public static decimal Round(decimal percent, int decimals, RatioRounding mode) => mode switch
    {
        RatioRounding.HalfUp => Math.Round(percent, decimals, MidpointRounding.AwayFromZero),
        RatioRounding.Truncate => Math.Round(percent, decimals, MidpointRounding.ToZero),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
