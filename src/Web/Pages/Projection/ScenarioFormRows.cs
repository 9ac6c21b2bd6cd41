using InfraLedger.Core.Projection;

namespace InfraLedger.Web.Pages.Projection;

/// <summary>A table row of the scenario form; a row left entirely empty is not saved (that is how rows are removed).</summary>
public interface IFormRow
{
    bool IsBlank { get; }
}

public sealed class BuildingRateRow : IFormRow
{
    public string? Category { get; set; }

    public string? Rebuild { get; set; }

    public string? Renovation { get; set; }

    public bool IsBlank => Empty(Category, Rebuild, Renovation);

    internal static bool Empty(params string?[] values) => values.All(string.IsNullOrWhiteSpace);
}

/// <summary>A building cycle; cycles are neither added nor removed on the form (their shares must add up to 1).</summary>
public sealed class CycleRow
{
    public string? Name { get; set; }

    public string? Share { get; set; }

    public string? RebuildAge { get; set; }

    public string? RebuildSpread { get; set; }

    public string? BacklogEvent { get; set; }

    public string? BacklogMinAge { get; set; }

    public string? BacklogMaxAge { get; set; }

    public string? BacklogYears { get; set; }

    public string? RebuildBacklogYears { get; set; }

    public List<EventRow> Events { get; set; } = [];

    public static CycleRow Of(BuildingCycle c) => new()
    {
        Name = c.Name,
        Share = ScenarioForm.N(c.Share),
        RebuildAge = ScenarioForm.N(c.RebuildAge),
        RebuildSpread = ScenarioForm.N(c.RebuildSpread),
        BacklogEvent = c.BacklogEvent,
        BacklogMinAge = ScenarioForm.N(c.BacklogMinAge),
        BacklogMaxAge = ScenarioForm.N(c.BacklogMaxAge),
        BacklogYears = ScenarioForm.N(c.BacklogYears),
        RebuildBacklogYears = ScenarioForm.N(c.RebuildBacklogYears),
        Events = [.. c.Events.Select(e => new EventRow
        {
            Name = e.Name, Ages = string.Join(", ", e.Ages), Spread = ScenarioForm.N(e.Spread), CostBase = e.CostBase.ToString(), Ratio = ScenarioForm.N(e.Ratio),
        })],
    };
}

public sealed class EventRow : IFormRow
{
    public string? Name { get; set; }

    /// <summary>Ages separated by commas ("20, 60").</summary>
    public string? Ages { get; set; }

    public string? Spread { get; set; }

    public string? CostBase { get; set; } = nameof(Core.Projection.CostBase.Rebuild);

    public string? Ratio { get; set; }

    /// <summary>The select always has a value, so only the typed fields count.</summary>
    public bool IsBlank => BuildingRateRow.Empty(Name, Ages, Spread, Ratio);
}

public sealed class RoadTypeRow : IFormRow
{
    public string? Name { get; set; }

    public string? Price { get; set; }

    public string? Cycle { get; set; }

    public string? DefaultWidth { get; set; }

    public bool IsBlank => BuildingRateRow.Empty(Name, Price, Cycle, DefaultWidth);
}

/// <summary>A bridge rate by 構造 or a sewer rate by material: its name, the texts it matches (comma separated) and its price.</summary>
public sealed class NamedRateRow : IFormRow
{
    public string? Name { get; set; }

    public string? Matches { get; set; }

    public string? Price { get; set; }

    public bool IsBlank => BuildingRateRow.Empty(Name, Matches, Price);

    public static NamedRateRow Of(NamedRate r) => new() { Name = r.Name, Matches = string.Join(", ", r.Matches), Price = ScenarioForm.N(r.Price) };
}

/// <summary>The 口径 bands of one water pipe type (導水管, 送水管, 配水管); the type is fixed.</summary>
public sealed class WaterTableRow
{
    public string? Type { get; set; }

    public List<BandRow> Bands { get; set; } = [];
}

/// <summary>A price for diameters From..To mm; an empty To means "and above".</summary>
public sealed class BandRow : IFormRow
{
    public string? From { get; set; }

    public string? To { get; set; }

    public string? Price { get; set; }

    public bool IsBlank => BuildingRateRow.Empty(From, To, Price);

    public static BandRow Of(DiameterBand b) => new() { From = ScenarioForm.N(b.From), To = b.To is { } to ? ScenarioForm.N(to) : null, Price = ScenarioForm.N(b.Price) };
}

public sealed class ConsolidationRow : IFormRow
{
    public string? Name { get; set; }

    /// <summary>施設コード separated by spaces or commas.</summary>
    public string? FacilityCodes { get; set; }

    public string? Year { get; set; }

    public string? Category { get; set; }

    public string? FloorArea { get; set; }

    public bool IsBlank => BuildingRateRow.Empty(Name, FacilityCodes, Year, Category, FloorArea);
}
