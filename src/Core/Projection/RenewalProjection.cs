using System.Text;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Projection;

/// <summary>
/// The 総務省 更新費用試算 method (renewal-projection.md §5) over a register. Facilities are first summed into
/// stock by category and year built (as the 総務省 software takes its input); each bucket's costs are then
/// laid out over the horizon. Cost is linear in quantity, so this is exact, and it keeps a large register
/// to one pass over its rows.
/// </summary>
public static partial class RenewalProjection
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

    /// <summary>
    /// One projection's buckets and results. Split by asset kind as ADR 0009 describes the method: buildings
    /// (RenewalProjection.Buildings.cs), roads and bridges (RenewalProjection.RoadsAndBridges.cs), pipes
    /// (RenewalProjection.Pipes.cs); this part holds the pass over the register and the ledger of costs.
    /// </summary>
    private sealed partial class Projector(ScenarioParameters p, int baseYear)
    {
        // Fields, so that every part of the class reads them (a primary constructor's parameters are seen in one part only).
        private readonly ScenarioParameters p = p;
        private readonly int baseYear = baseYear;

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
            var bridges = BridgeStock();
            var waterTypes = p.WaterPipes.Tables.Keys.ToArray();
            var water = WaterStock(waterTypes);
            var sewer = SewerStock();
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
                        AddBuilding(f, year, buildings, consolidated);
                        break;
                    case AssetKind.Road:
                        AddRoad(f, roads, defaultRoad);
                        break;
                    case AssetKind.Bridge:
                        AddBridge(f, year, bridges);
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

            LayOutBuildings(buildings);
            LayOutRoads(roads);
            foreach (var stock in bridges.Concat(water.SelectMany(w => w)).Concat(sewer))
            {
                Infra(stock);
            }

            return Result();
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
