using System.Text;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Projection;

public static partial class RenewalProjection
{
    private sealed partial class Projector
    {
        /// <summary>A road's area under its road type (renewed as area ÷ cycle every year of the horizon).</summary>
        private void AddRoad(Facility f, decimal[] areas, int defaultType)
        {
            var roadType = RoadType(f, defaultType);
            if (Area(f, p.Roads.Types[roadType].DefaultWidth) is { } roadArea)
            {
                areas[roadType] += roadArea;
                Count(RoadIndex, roadArea);
            }
        }

        private void LayOutRoads(decimal[] areas)
        {
            for (var i = 0; i < areas.Length; i++)
            {
                for (var t = baseYear; t < end; t++)
                {
                    Add(RoadIndex, InfraRenewal, t, areas[i] * p.Roads.Types[i].Price / p.Roads.Types[i].Cycle, int.MaxValue);
                }
            }
        }

        /// <summary>One stock per bridge structure's price, and one for an unknown structure.</summary>
        private Stock[] BridgeStock() =>
            [.. p.Bridges.Rates.Select(r => new Stock(Bridge, r.Price, p.Bridges.Cycle)), new Stock(Bridge, p.Bridges.UnknownStructureRate, p.Bridges.Cycle)];

        private void AddBridge(Facility f, int? year, Stock[] bridges)
        {
            if (Area(f, null) is { } deck)
            {
                Add(bridges[BridgeRate(f.Structure)], year, deck, RoadIndex + 1);
            }
        }

        private int RoadType(Facility f, int fallback)
        {
            for (var i = 0; i < p.Roads.Types.Count; i++)
            {
                if (f.UsageMinor?.Contains(p.Roads.Types[i].Name, StringComparison.Ordinal) == true)
                {
                    return i;
                }
            }

            return fallback;
        }

        /// <summary>Area ㎡ of a road or bridge: its quantity if that is an area, else length × 幅員 (or the type's usual width).</summary>
        private decimal? Area(Facility f, decimal? defaultWidth)
        {
            if (f.Quantity is not { } q || q <= 0)
            {
                Skip("数量（面積・延長）がない", f);
                return null;
            }

            if (f.QuantityKind is QuantityKind.Area or QuantityKind.FloorArea)
            {
                return q;
            }

            if ((f.Width ?? defaultWidth) is { } width && width > 0)
            {
                return q * width;
            }

            Skip("延長だけで幅員がない（面積を計算できない）", f);
            return null;
        }

        private int BridgeRate(string? structure)
        {
            if (string.IsNullOrWhiteSpace(structure))
            {
                return p.Bridges.Rates.Count;
            }

            if (!seenBridgeStructures.TryGetValue(structure, out var i))
            {
                seenBridgeStructures[structure] = i = Match(p.Bridges.Rates, structure);
            }

            return i;
        }

        private static int Match(IReadOnlyList<NamedRate> rates, string text)
        {
            var folded = text.Normalize(NormalizationForm.FormKC);
            for (var i = 0; i < rates.Count; i++)
            {
                if (rates[i].Matches.Any(m => folded.Contains(m.Normalize(NormalizationForm.FormKC), StringComparison.OrdinalIgnoreCase)))
                {
                    return i;
                }
            }

            var other = rates.ToList().FindIndex(r => r.Matches.Count == 0);
            return other >= 0 ? other : rates.Count - 1;
        }
    }
}
