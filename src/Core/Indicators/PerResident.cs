using InfraLedger.Core.Register;

namespace InfraLedger.Core.Indicators;

/// <summary>
/// 住民一人当たりストック (indicators.md §3): the register's stock of a measure (the facilities' 数量 of one kind)
/// divided by the year's population. A measure the register holds no quantity for has no stock (null, not zero),
/// so a tenant that has not registered its roads is not shown, or compared, as having none.
/// </summary>
public static class PerResident
{
    public sealed record Measure(string Id, string Label, string English, string Unit, QuantityKind Quantity, AssetKind? Kind)
    {
        public decimal? Stock(IEnumerable<Facility> facilities)
        {
            var counted = facilities.Where(f => f.QuantityKind == Quantity && f.Quantity is not null && (Kind is null || f.Kind == Kind)).ToList();
            return counted.Count == 0 ? null : counted.Sum(f => f.Quantity!.Value);
        }
    }

    public static readonly IReadOnlyList<Measure> Measures =
    [
        new("floor-area-per-resident", "延床面積（建物）", "Floor area of buildings", "㎡", QuantityKind.FloorArea, null),
        new("road-length-per-resident", "道路延長", "Road length", "m", QuantityKind.Length, AssetKind.Road),
        new("bridge-length-per-resident", "橋りょう延長", "Bridge length", "m", QuantityKind.Length, AssetKind.Bridge),
        new("water-pipe-length-per-resident", "上水道管延長", "Water main length", "m", QuantityKind.Length, AssetKind.WaterPipe),
        new("sewer-pipe-length-per-resident", "下水道管延長", "Sewer length", "m", QuantityKind.Length, AssetKind.SewerPipe),
        new("park-area-per-resident", "公園面積", "Park area", "㎡", QuantityKind.Area, AssetKind.Park),
    ];

    /// <summary>The stock per resident, unrounded; null without a stock or a population.</summary>
    public static decimal? Of(decimal? stock, int? population) => stock is { } s && population is > 0 ? s / population.Value : null;
}
