using System.Globalization;
using System.Text;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Projection;

/// <summary>
/// The 総務省 更新費用試算 method (renewal-projection.md §5) over a register. Facilities are first summed into
/// stock by category and year built (as the 総務省 software takes its input); each bucket's costs are then
/// laid out over the horizon. Cost is linear in quantity, so this is exact, and it keeps a large register
/// to one pass over its rows.
/// </summary>
public static class RenewalProjection
{
    public const string Buildings = "建物";
    public const string Infrastructure = "インフラ";
    public const string Road = "道路";
    public const string Bridge = "橋りょう";
    public const string Water = "上水道";
    public const string Sewer = "下水道";

    public const string Rebuild = "建替え";
    public const string RebuildBacklog = "積み残し（建替え）";
    public const string Repair = "修繕";
    public const string InfraRenewal = "更新（インフラ）";
    public const string InfraBacklog = "積み残し（インフラ）";
    public const string InfraUnknownYear = "更新（整備年度不明）";
    public const string ConsolidatedBuild = "集約化による建替え";

    // Years built are bucketed in 1800..2399; anything outside is refused as a typing error.
    private const int FirstYear = 1800;
    private const int YearSlots = 600;
    private const int Examples = 20;

    public static ProjectionResult Run(ScenarioParameters parameters, int baseYear, IEnumerable<Facility> facilities) =>
        new Projector(parameters, baseYear).Project(facilities);

    public static string BacklogOf(string eventName) => $"積み残し（{eventName}）";

    /// <summary>Matches 大分類 written with or without 施設, in full- or half-width: 学校教育系施設 = 学校教育系.</summary>
    internal static string FoldCategory(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal).Trim();
        return folded.EndsWith("施設", StringComparison.Ordinal) && folded.Length > 2 ? folded[..^2] : folded;
    }

    private sealed class Stock(string category, decimal price, int cycle)
    {
        public string Category { get; } = category;

        public decimal Price { get; } = price;

        public int Cycle { get; } = cycle;

        public decimal[] ByYear { get; } = new decimal[YearSlots];

        public decimal UnknownYear { get; set; }
    }

    private sealed class Projector(ScenarioParameters p, int baseYear)
    {
        private readonly string[] categories =
            [.. p.BuildingRates.Select(r => r.Category), Road, Bridge, Water, Sewer];

        private readonly Dictionary<string, int> categoryIndex = p.BuildingRates
            .Select((r, i) => (Key: FoldCategory(r.Category), i)).DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);

        private readonly Dictionary<string, int> seenMajors = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> seenBridgeStructures = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> seenSewerMaterials = new(StringComparer.Ordinal);
        private string[]? shortTypes;
        private readonly int inclusiveShift = p.AgeBasis == AgeBasis.Inclusive ? 1 : 0;
        private readonly int end = baseYear + p.Horizon;
        private readonly decimal[][] byCategory = [.. Enumerable.Range(0, p.BuildingRates.Count + 4).Select(_ => new decimal[p.Horizon])];
        private readonly Dictionary<string, decimal[]> byEvent = [];
        private readonly List<string> eventOrder = [];
        private readonly int[] counts = new int[p.BuildingRates.Count + 4];
        private readonly decimal[] quantities = new decimal[p.BuildingRates.Count + 4];
        private readonly Dictionary<string, (int Count, List<string> Examples)> skipped = [];

        private int Fallback => categoryIndex.TryGetValue(FoldCategory(p.FallbackCategory), out var i) ? i : p.BuildingRates.Count - 1;

        private int RoadIndex => p.BuildingRates.Count;

        public ProjectionResult Project(IEnumerable<Facility> facilities)
        {
            var buildings = new decimal[p.BuildingRates.Count, YearSlots];
            var roads = new decimal[p.Roads.Types.Count];
            var bridges = p.Bridges.Rates.Select(r => new Stock(Bridge, r.Price, p.Bridges.Cycle))
                .Append(new Stock(Bridge, p.Bridges.UnknownStructureRate, p.Bridges.Cycle)).ToArray();
            var waterTypes = p.WaterPipes.Tables.Keys.ToArray();
            var water = waterTypes.Select(t => p.WaterPipes.Tables[t].Select(b => new Stock(Water, b.Price, p.WaterPipes.Cycle)).ToArray()).ToArray();
            var sewer = (p.SewerPipes.Pricing == SewerPricing.Material
                ? p.SewerPipes.Materials.Select(m => m.Price) : p.SewerPipes.Diameters.Select(d => d.Price))
                .Select(price => new Stock(Sewer, price, p.SewerPipes.Cycle)).ToArray();
            var excluded = p.Excluded.Count == 0 ? null : p.Excluded.ToHashSet(StringComparer.Ordinal);
            var consolidated = p.Consolidations.SelectMany(c => c.FacilityCodes.Select(code => (code, c.Year)))
                .DistinctBy(x => x.code).ToDictionary(x => x.code, x => x.Year, StringComparer.Ordinal);
            var defaultRoad = Math.Max(0, p.Roads.Types.ToList().FindIndex(t => t.Name == p.Roads.DefaultType));

            foreach (var f in facilities)
            {
                if (f.Status != FacilityStatus.InService)
                {
                    Skip(f.Status == FacilityStatus.Closed ? "廃止" : "計画中", f);
                    continue;
                }

                if (excluded is not null && excluded.Contains(f.Code))
                {
                    Skip("シナリオで除外", f);
                    continue;
                }

                int? year = f.YearBuilt;
                if (year is { } y && (y < FirstYear || y >= FirstYear + YearSlots))
                {
                    Skip("建築・整備年度が範囲外（1800〜2399年）", f);
                    continue;
                }

                switch (f.Kind)
                {
                    case AssetKind.Building:
                        if (f.Quantity is not { } area || area <= 0 || f.QuantityKind is not (null or QuantityKind.FloorArea))
                        {
                            Skip("延床面積がない", f);
                        }
                        else if (year is null)
                        {
                            Skip("建築年度がない", f);
                        }
                        else
                        {
                            var cat = BuildingCategory(f.UsageMajor);
                            Count(cat, area);
                            if (consolidated.TryGetValue(f.Code, out var until))
                            {
                                Building(cat, year.Value, area, until);
                            }
                            else
                            {
                                buildings[cat, year.Value - FirstYear] += area;
                            }
                        }

                        break;

                    case AssetKind.Road:
                        var roadType = RoadType(f, defaultRoad);
                        if (Area(f, p.Roads.Types[roadType].DefaultWidth) is { } roadArea)
                        {
                            roads[roadType] += roadArea;
                            Count(RoadIndex, roadArea);
                        }

                        break;

                    case AssetKind.Bridge:
                        if (Area(f, null) is { } deck)
                        {
                            Add(bridges[BridgeRate(f.Structure)], year, deck, RoadIndex + 1);
                        }

                        break;

                    case AssetKind.WaterPipe:
                        WaterPipe(f, year, waterTypes, water);
                        break;

                    case AssetKind.SewerPipe:
                        SewerPipe(f, year, sewer);
                        break;

                    default:
                        Skip("試算方法の対象外の種別（公園・トンネル・その他）", f);
                        break;
                }
            }

            for (var cat = 0; cat < p.BuildingRates.Count; cat++)
            {
                for (var slot = 0; slot < YearSlots; slot++)
                {
                    if (buildings[cat, slot] != 0)
                    {
                        Building(cat, FirstYear + slot, buildings[cat, slot], int.MaxValue);
                    }
                }
            }

            foreach (var c in p.Consolidations)
            {
                var cat = BuildingCategory(c.Category);
                Spread(cat, ConsolidatedBuild, Start(c.Year, p.Cycles[0].RebuildSpread), p.Cycles[0].RebuildSpread, RebuildPrice(cat) * c.FloorArea, int.MaxValue);
                Building(cat, c.Year, c.FloorArea, int.MaxValue, built: true);
            }

            for (var i = 0; i < roads.Length; i++)
            {
                for (var t = baseYear; t < end; t++)
                {
                    Add(RoadIndex, InfraRenewal, t, roads[i] * p.Roads.Types[i].Price / p.Roads.Types[i].Cycle, int.MaxValue);
                }
            }

            foreach (var stock in bridges.Concat(water.SelectMany(w => w)).Concat(sewer))
            {
                Infra(stock);
            }

            return Result();
        }

        private int BuildingCategory(string? major)
        {
            if (string.IsNullOrWhiteSpace(major))
            {
                return Fallback;
            }

            if (!seenMajors.TryGetValue(major, out var cat))
            {
                cat = categoryIndex.TryGetValue(FoldCategory(major), out var i) ? i : Fallback;
                seenMajors[major] = cat;
            }

            return cat;
        }

        private decimal RebuildPrice(int cat) => p.BuildingRates[cat].Rebuild + p.DemolitionAddOn;

        private decimal EventCost(int cat, CycleEvent e) =>
            (e.CostBase == CostBase.Rebuild ? p.BuildingRates[cat].Rebuild : p.BuildingRates[cat].Renovation) * e.Ratio;

        private int Start(int trigger, int spread) => p.SpreadAlignment == SpreadAlignment.Centred ? trigger - (spread / 2) : trigger;

        /// <summary>
        /// A building (or a bucket of buildings) of one category built in one year, costed until <paramref name="until"/>
        /// (the year it is given up in a consolidation). <paramref name="built"/>: a new building of the scenario,
        /// whose construction is costed by the caller; its cycles start then.
        /// </summary>
        private void Building(int cat, int yearBuilt, decimal area, int until, bool built = false)
        {
            var origin = yearBuilt - inclusiveShift;
            var age = baseYear - origin;
            foreach (var c in p.Cycles)
            {
                var share = area * c.Share;
                if (share == 0)
                {
                    continue;
                }

                var o = origin;
                if (!built && age >= c.RebuildAge)
                {
                    // Past its rebuild age: rebuilt over the backlog years; its next cycle counts from the base year ([P]).
                    Spread(cat, RebuildBacklog, baseYear, c.RebuildBacklogYears, RebuildPrice(cat) * share, until);
                    o = baseYear;
                }
                else if (!built && c.BacklogEvent is { } missed && age >= c.BacklogMinAge && age <= c.BacklogMaxAge
                    && c.Events.FirstOrDefault(e => e.Name == missed) is { } backlog)
                {
                    Spread(cat, BacklogOf(missed), baseYear, c.BacklogYears, EventCost(cat, backlog) * share, until);
                }

                for (; o < end && o < until; o += c.RebuildAge)
                {
                    foreach (var e in c.Events)
                    {
                        foreach (var at in e.Ages)
                        {
                            if (o + at >= baseYear)
                            {
                                Spread(cat, e.Name, Start(o + at, e.Spread), e.Spread, EventCost(cat, e) * share, until);
                            }
                        }
                    }

                    if (o + c.RebuildAge >= baseYear)
                    {
                        Spread(cat, Rebuild, Start(o + c.RebuildAge, c.RebuildSpread), c.RebuildSpread, RebuildPrice(cat) * share, until);
                    }
                }
            }

            for (var t = Math.Max(baseYear, yearBuilt); t < end && t < until && p.AnnualRepair != 0; t++)
            {
                Add(cat, Repair, t, p.AnnualRepair * area, until);
            }
        }

        /// <summary>
        /// Bridges and pipes: renewed every cycle from the year built; those past their cycle in the base year over the
        /// infrastructure backlog years ([U]); those of unknown year 1/cycle of the total every year (as for bridges, §4).
        /// </summary>
        private void Infra(Stock stock)
        {
            var cat = Array.IndexOf(categories, stock.Category);
            for (var slot = 0; slot < YearSlots; slot++)
            {
                var quantity = stock.ByYear[slot];
                if (quantity == 0)
                {
                    continue;
                }

                var o = FirstYear + slot - inclusiveShift;
                var cost = quantity * stock.Price;
                if (baseYear - o > stock.Cycle)
                {
                    Spread(cat, InfraBacklog, baseYear, p.InfraBacklogYears, cost, int.MaxValue);
                    o = baseYear;
                }

                for (var t = o + stock.Cycle; t < end; t += stock.Cycle)
                {
                    Add(cat, InfraRenewal, t, cost, int.MaxValue);
                }
            }

            if (stock.UnknownYear != 0)
            {
                for (var t = baseYear; t < end; t++)
                {
                    Add(cat, InfraUnknownYear, t, stock.UnknownYear * stock.Price / stock.Cycle, int.MaxValue);
                }
            }
        }

        private void Spread(int cat, string eventName, int start, int years, decimal amount, int until)
        {
            var part = amount / years;
            for (var t = start; t < start + years; t++)
            {
                Add(cat, eventName, t, part, until);
            }
        }

        private void Add(int cat, string eventName, int year, decimal amount, int until)
        {
            var i = year - baseYear;
            if (i < 0 || i >= p.Horizon || year >= until || amount == 0)
            {
                return;
            }

            byCategory[cat][i] += amount;
            if (!byEvent.TryGetValue(eventName, out var values))
            {
                byEvent[eventName] = values = new decimal[p.Horizon];
                eventOrder.Add(eventName);
            }

            values[i] += amount;
        }

        private void Add(Stock stock, int? year, decimal quantity, int cat)
        {
            Count(cat, quantity);
            if (year is { } y)
            {
                stock.ByYear[y - FirstYear] += quantity;
            }
            else
            {
                stock.UnknownYear += quantity;
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

        private decimal? Length(Facility f)
        {
            if (f.Quantity is { } q && q > 0 && f.QuantityKind is null or QuantityKind.Length)
            {
                return q;
            }

            Skip("延長がない", f);
            return null;
        }

        /// <summary>
        /// The pipe type (導水管, 送水管, 配水管): the 中分類 if it is one, else the first the 中分類 or the name mentions
        /// (with or without 管). Per row and allocation-free: a large register has hundreds of thousands of pipes.
        /// </summary>
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

        private void Count(int cat, decimal quantity)
        {
            counts[cat]++;
            quantities[cat] += quantity;
        }

        private void Skip(string reason, Facility f)
        {
            if (!skipped.TryGetValue(reason, out var entry))
            {
                entry = (0, []);
            }

            if (entry.Examples.Count < Examples)
            {
                entry.Examples.Add(f.Code);
            }

            skipped[reason] = (entry.Count + 1, entry.Examples);
        }

        private ProjectionResult Result()
        {
            var present = Enumerable.Range(0, categories.Length).Where(i => counts[i] > 0 || byCategory[i].Any(v => v != 0)).ToList();
            string Group(int i) => i < RoadIndex ? Buildings : Infrastructure;
            return new ProjectionResult
            {
                BaseYear = baseYear,
                Parameters = p,
                Categories = [.. present.Select(i => new ProjectionSeries(categories[i], Group(i), byCategory[i]))],
                Events = [.. eventOrder.Select(e => new ProjectionSeries(e, "", byEvent[e]))],
                Stock = [.. present.Select(i => new ProjectedStock(categories[i], counts[i], quantities[i], i < RoadIndex + 2 ? "㎡" : "m"))],
                Skipped = [.. skipped.Select(s => new NotProjected(s.Key, s.Value.Count, s.Value.Examples)).OrderByDescending(s => s.Count)],
            };
        }
    }
}
