using System.Globalization;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Projection;

public static partial class RenewalProjection
{
    private sealed partial class Projector
    {
        /// <summary>Per water pipe type, one stock per diameter band of its price table.</summary>
        private Stock[][] WaterStock(string[] types) =>
            [.. types.Select(t => p.WaterPipes.Tables[t].Select(b => new Stock(Water, b.Price, p.WaterPipes.Cycle)).ToArray())];

        /// <summary>One stock per sewer price: by material or by diameter, as the scenario prices sewers.</summary>
        private Stock[] SewerStock() =>
            [.. (p.SewerPipes.Pricing == SewerPricing.Material ? p.SewerPipes.Materials.Select(m => m.Price) : p.SewerPipes.Diameters.Select(d => d.Price))
                .Select(price => new Stock(Sewer, price, p.SewerPipes.Cycle))];

        private void WaterPipe(Facility f, int? year, string[] types, Stock[][] stock)
        {
            var type = PipeType(f, types);
            if (type < 0)
            {
                Skip($"管種（{string.Join("・", types)}）が分からない", f);
            }
            else if (Length(f) is { } length)
            {
                if (f.Diameter is not { } d)
                {
                    Skip("口径がない", f);
                }
                else if (Band(p.WaterPipes.Tables[types[type]], d) is { } band)
                {
                    Add(stock[type][band], year, length, RoadIndex + 2);
                }
                else
                {
                    Skip($"{types[type]}の口径 {d.ToString(CultureInfo.InvariantCulture)}mm に当たる単価がない", f);
                }
            }
        }

        private void SewerPipe(Facility f, int? year, Stock[] stock)
        {
            if (Length(f) is not { } length)
            {
                return;
            }

            if (p.SewerPipes.Pricing == SewerPricing.Material)
            {
                var material = string.IsNullOrWhiteSpace(f.Structure) ? Match(p.SewerPipes.Materials, "")
                    : seenSewerMaterials.TryGetValue(f.Structure, out var m) ? m
                    : seenSewerMaterials[f.Structure] = Match(p.SewerPipes.Materials, f.Structure);
                Add(stock[material], year, length, RoadIndex + 3);
            }
            else if (f.Diameter is not { } d)
            {
                Skip("管径がない", f);
            }
            else if (Band(p.SewerPipes.Diameters, d) is { } band)
            {
                Add(stock[band], year, length, RoadIndex + 3);
            }
            else
            {
                Skip($"管径 {d.ToString(CultureInfo.InvariantCulture)}mm に当たる単価がない", f);
            }
        }

        private int PipeType(Facility f, string[] types)
        {
            var exact = f.UsageMinor is null ? -1 : Array.IndexOf(types, f.UsageMinor);
            if (exact >= 0)
            {
                return exact;
            }

            shortTypes ??= [.. types.Select(t => t.EndsWith('管') ? t[..^1] : t)];
            for (var i = 0; i < types.Length; i++)
            {
                if (f.UsageMinor?.Contains(shortTypes[i], StringComparison.Ordinal) == true || f.Name.Contains(shortTypes[i], StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        private static int? Band(IReadOnlyList<DiameterBand> bands, int diameter)
        {
            for (var i = 0; i < bands.Count; i++)
            {
                if (diameter >= bands[i].From && (bands[i].To is not { } to || diameter <= to))
                {
                    return i;
                }
            }

            return null;
        }
    }
}
