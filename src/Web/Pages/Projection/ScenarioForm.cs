using System.Globalization;
using InfraLedger.Core.Projection;

namespace InfraLedger.Web.Pages.Projection;

/// <summary>
/// A scenario's parameters as typed: every value is text and every table a list of rows, so that the form binds
/// without records and what was typed survives a refusal. Read back with <see cref="ScenarioFormReader"/>.
/// </summary>
public sealed class ScenarioForm
{
    public string? Horizon { get; set; }

    public string? SpreadAlignment { get; set; }

    public string? AgeBasis { get; set; }

    public string? DemolitionAddOn { get; set; }

    public string? AnnualRepair { get; set; }

    public string? FallbackCategory { get; set; }

    public string? InfraBacklogYears { get; set; }

    public List<BuildingRateRow> BuildingRates { get; set; } = [];

    public List<CycleRow> Cycles { get; set; } = [];

    public List<RoadTypeRow> RoadTypes { get; set; } = [];

    public string? DefaultRoadType { get; set; }

    public string? BridgeCycle { get; set; }

    public List<NamedRateRow> BridgeRates { get; set; } = [];

    public string? UnknownStructureRate { get; set; }

    public string? WaterCycle { get; set; }

    public List<WaterTableRow> WaterTables { get; set; } = [];

    public string? SewerCycle { get; set; }

    public string? SewerPricing { get; set; }

    public List<NamedRateRow> SewerMaterials { get; set; } = [];

    public List<BandRow> SewerDiameters { get; set; } = [];

    /// <summary>施設コード, one a line.</summary>
    public string? Excluded { get; set; }

    public List<ConsolidationRow> Consolidations { get; set; } = [];

    public static ScenarioForm From(ScenarioParameters p)
    {
        var form = new ScenarioForm
        {
            Horizon = N(p.Horizon),
            SpreadAlignment = p.SpreadAlignment.ToString(),
            AgeBasis = p.AgeBasis.ToString(),
            DemolitionAddOn = N(p.DemolitionAddOn),
            AnnualRepair = N(p.AnnualRepair),
            FallbackCategory = p.FallbackCategory,
            InfraBacklogYears = N(p.InfraBacklogYears),
            BuildingRates = [.. p.BuildingRates.Select(r => new BuildingRateRow { Category = r.Category, Rebuild = N(r.Rebuild), Renovation = N(r.Renovation) })],
            Cycles = [.. p.Cycles.Select(CycleRow.Of)],
            RoadTypes = [.. p.Roads.Types.Select(t => new RoadTypeRow { Name = t.Name, Price = N(t.Price), Cycle = N(t.Cycle), DefaultWidth = t.DefaultWidth is { } w ? N(w) : null })],
            DefaultRoadType = p.Roads.DefaultType,
            BridgeCycle = N(p.Bridges.Cycle),
            BridgeRates = [.. p.Bridges.Rates.Select(NamedRateRow.Of)],
            UnknownStructureRate = N(p.Bridges.UnknownStructureRate),
            WaterCycle = N(p.WaterPipes.Cycle),
            WaterTables = [.. p.WaterPipes.Tables.Select(t => new WaterTableRow { Type = t.Key, Bands = [.. t.Value.Select(BandRow.Of)] })],
            SewerCycle = N(p.SewerPipes.Cycle),
            SewerPricing = p.SewerPipes.Pricing.ToString(),
            SewerMaterials = [.. p.SewerPipes.Materials.Select(NamedRateRow.Of)],
            SewerDiameters = [.. p.SewerPipes.Diameters.Select(BandRow.Of)],
            Excluded = string.Join("\n", p.Excluded),
            Consolidations = [.. p.Consolidations.Select(c => new ConsolidationRow
            {
                Name = c.Name, FacilityCodes = string.Join(", ", c.FacilityCodes), Year = N(c.Year), Category = c.Category, FloorArea = N(c.FloorArea),
            })],
        };
        form.AddBlankRows();
        return form;
    }

    /// <summary>One empty row at the end of every table whose rows may be added (typing into it adds one).</summary>
    public void AddBlankRows()
    {
        Blank(BuildingRates);
        Blank(RoadTypes);
        Blank(BridgeRates);
        Blank(SewerMaterials);
        Blank(SewerDiameters);
        Blank(Consolidations);
        foreach (var cycle in Cycles)
        {
            Blank(cycle.Events);
        }

        foreach (var table in WaterTables)
        {
            Blank(table.Bands);
        }
    }

    internal static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Blank<T>(List<T> rows)
        where T : IFormRow, new()
    {
        if (rows.Count == 0 || !rows[^1].IsBlank)
        {
            rows.Add(new T());
        }
    }
}
