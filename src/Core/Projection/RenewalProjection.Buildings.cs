using InfraLedger.Core.Register;

namespace InfraLedger.Core.Projection;

public static partial class RenewalProjection
{
    private sealed partial class Projector
    {
        /// <summary>A building in service: its floor area in the bucket of its category and year, or costed on its own when consolidated.</summary>
        private void AddBuilding(Facility f, int? year, decimal[,] buckets, Dictionary<string, int> consolidated)
        {
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
                    buckets[cat, year.Value - FirstYear] += area;
                }
            }
        }

        /// <summary>Every bucket of buildings over the horizon, then the scenario's new buildings of consolidation (集約化).</summary>
        private void LayOutBuildings(decimal[,] buckets)
        {
            for (var cat = 0; cat < p.BuildingRates.Count; cat++)
            {
                for (var slot = 0; slot < YearSlots; slot++)
                {
                    if (buckets[cat, slot] != 0)
                    {
                        Building(cat, FirstYear + slot, buckets[cat, slot], int.MaxValue);
                    }
                }
            }

            foreach (var c in p.Consolidations)
            {
                var cat = BuildingCategory(c.Category);
                Spread(cat, ConsolidatedBuild, Start(c.Year, p.Cycles[0].RebuildSpread), p.Cycles[0].RebuildSpread, RebuildPrice(cat) * c.FloorArea, int.MaxValue);
                Building(cat, c.Year, c.FloorArea, int.MaxValue, built: true);
            }
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
    }
}
