using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfraLedger.Core.Projection;

/// <summary>When a spread event's cost starts relative to its trigger year (renewal-projection.md §3, [U]).</summary>
public enum SpreadAlignment
{
    /// <summary>From the trigger year on: a 3-year rebuild at t costs in t, t+1, t+2.</summary>
    Start = 1,

    /// <summary>Around the trigger year: a 3-year spread costs in t−1, t, t+1; a 2-year one in t−1, t.</summary>
    Centred = 2,
}

/// <summary>How a building's age in the base year is counted (§3, [U]).</summary>
public enum AgeBasis
{
    /// <summary>Base year − fiscal year built (built in FY1990, base FY2020: 30).</summary>
    Elapsed = 1,

    /// <summary>Counting the year built as year one (built in FY1990, base FY2020: 31).</summary>
    Inclusive = 2,
}

/// <summary>The unit price an event's cost is a ratio of.</summary>
public enum CostBase
{
    Rebuild = 1,     // 建替え単価
    Renovation = 2,  // 大規模改修単価
}

/// <summary>How a sewer pipe is priced: by material (confirmed) or by 管径 (unverified table).</summary>
public enum SewerPricing
{
    Material = 1,
    Diameter = 2,
}

/// <summary>Unit prices of a building category (用途分類 大分類), in 円/㎡ of 延床面積.</summary>
public sealed record BuildingRate(string Category, decimal Rebuild, decimal Renovation);

/// <summary>An event of a building's cycle other than the rebuild, at an age after (re)construction.</summary>
/// <param name="Name">大規模改修, 中規模修繕 …</param>
/// <param name="Ages">The ages it happens at (20 and 60 for a 中規模修繕 every 40 years between rebuilds).</param>
/// <param name="Spread">Years its cost is spread over.</param>
/// <param name="CostBase">The unit price its cost is a ratio of.</param>
/// <param name="Ratio">That ratio (1 for the 総務省 大規模改修; 0.3 of the rebuild price for a 中規模修繕).</param>
public sealed record CycleEvent(string Name, IReadOnlyList<int> Ages, int Spread, CostBase CostBase, decimal Ratio);

/// <summary>
/// A building life cycle applied to a share of the stock: rebuilt at <see cref="RebuildAge"/> (and the cycle
/// starts again), with the events between. Buildings past the rebuild age in the base year are rebuilt over
/// the backlog years; those whose <see cref="BacklogEvent"/> was missed (age in the backlog window) get it
/// over the backlog years too.
/// </summary>
public sealed record BuildingCycle(
    string Name,
    decimal Share,
    int RebuildAge,
    int RebuildSpread,
    IReadOnlyList<CycleEvent> Events,
    string? BacklogEvent,
    int BacklogMinAge,
    int BacklogMaxAge,
    int BacklogYears,
    int RebuildBacklogYears);

/// <summary>A road type: its whole area is renewed once a cycle, 1/cycle of it every year.</summary>
/// <param name="Name">一般道路, 自転車歩行者道; a road whose 中分類 names it is of this type.</param>
/// <param name="Price">円/㎡.</param>
/// <param name="Cycle">Years in which the whole area is renewed once (15).</param>
/// <param name="DefaultWidth">幅員 m assumed when a road of this type has only a length (1.5 m for 自転車歩行者道 in 加古川市's plan).</param>
public sealed record RoadType(string Name, decimal Price, int Cycle, decimal? DefaultWidth);

/// <summary>A unit price matched by name against a facility's 構造 (bridges) or material (sewer pipes).</summary>
public sealed record NamedRate(string Name, IReadOnlyList<string> Matches, decimal Price);

/// <summary>A unit price for pipe diameters From..To mm (To null: and above).</summary>
public sealed record DiameterBand(int From, int? To, decimal Price);

public sealed record RoadRule(IReadOnlyList<RoadType> Types, string DefaultType);

/// <param name="Cycle">Years from construction to renewal (60).</param>
/// <param name="Rates">By 構造; the first whose match is contained in the facility's 構造 applies; "その他" has no match and takes any other.</param>
/// <param name="UnknownStructureRate">For a bridge with no 構造 recorded ([P]).</param>
public sealed record BridgeRule(int Cycle, IReadOnlyList<NamedRate> Rates, decimal UnknownStructureRate);

/// <param name="Cycle">Years from laying to renewal (40).</param>
/// <param name="Tables">Price tables by pipe type (導水管, 送水管, 配水管).</param>
public sealed record WaterPipeRule(int Cycle, IReadOnlyDictionary<string, IReadOnlyList<DiameterBand>> Tables);

public sealed record SewerPipeRule(int Cycle, SewerPricing Pricing, IReadOnlyList<NamedRate> Materials, IReadOnlyList<DiameterBand> Diameters);

/// <summary>
/// Several facilities given up in <see cref="Year"/> for one new building (集約化・複合化): they cost nothing
/// from that year; the new one is built then (at the rebuild price, over the rebuild spread) and follows the cycles.
/// </summary>
public sealed record Consolidation(string Name, IReadOnlyList<string> FacilityCodes, int Year, string Category, decimal FloorArea);

/// <summary>A parameter whose value is not confirmed by a primary source, as the domain doc marks it.</summary>
/// <param name="Parameter">The parameter's JSON name (e.g. <c>spreadAlignment</c>).</param>
/// <param name="Confidence">U (unconfirmed) or P (plausible inference).</param>
/// <param name="Note">What is not confirmed, in Japanese, with the domain doc's section.</param>
public sealed record UnverifiedNote(string Parameter, string Confidence, string Note);

/// <summary>
/// Everything a renewal projection is computed with (renewal-projection.md §5): shipped as read-only presets
/// (<see cref="Presets"/>), copied and edited by tenants as scenarios, recorded with every result.
/// Prices are in 円 per ㎡ or m.
/// </summary>
public sealed record ScenarioParameters
{
    public int Horizon { get; init; } = 40;

    public SpreadAlignment SpreadAlignment { get; init; } = SpreadAlignment.Start;

    public AgeBasis AgeBasis { get; init; } = AgeBasis.Elapsed;

    public required IReadOnlyList<BuildingRate> BuildingRates { get; init; }

    /// <summary>The category whose prices apply to buildings with no or an unknown 大分類.</summary>
    public string FallbackCategory { get; init; } = "その他";

    /// <summary>Added to the rebuild price (解体費, [U]; default 0).</summary>
    public decimal DemolitionAddOn { get; init; }

    public required IReadOnlyList<BuildingCycle> Cycles { get; init; }

    /// <summary>Yearly small repairs per ㎡ of every building (修繕; 0 in the 総務省 method).</summary>
    public decimal AnnualRepair { get; init; }

    public required RoadRule Roads { get; init; }

    public required BridgeRule Bridges { get; init; }

    public required WaterPipeRule WaterPipes { get; init; }

    public required SewerPipeRule SewerPipes { get; init; }

    /// <summary>Years over which bridges and pipes already past their cycle in the base year are renewed ([U]).</summary>
    public int InfraBacklogYears { get; init; } = 10;

    public IReadOnlyList<string> Excluded { get; init; } = [];

    public IReadOnlyList<Consolidation> Consolidations { get; init; } = [];

    public IReadOnlyList<UnverifiedNote> Unverified { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        // A parameter left out or null is an error of the file, not a crash of the checks.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ScenarioParameters FromJson(string json) =>
        JsonSerializer.Deserialize<ScenarioParameters>(json, Json) ?? throw new JsonException("シナリオのパラメータが空です。");
}
