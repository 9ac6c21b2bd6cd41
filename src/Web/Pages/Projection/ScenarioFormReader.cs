using System.Globalization;
using System.Text;
using InfraLedger.Core.Common;
using InfraLedger.Core.Projection;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Projection;

/// <summary>
/// Reads a <see cref="ScenarioForm"/> into <see cref="ScenarioParameters"/>. A value that cannot be read becomes a
/// Japanese error keyed by its input's name (<c>Input.Cycles[0].RebuildAge</c>); <see cref="KeyOf"/> moves Core's
/// errors, located by JSON path over the saved lists (<c>cycles[0].rebuildAge</c>), to the same inputs.
/// </summary>
public sealed class ScenarioFormReader
{
    /// <summary>Core's path prefixes whose form field is named differently (the form is flat).</summary>
    private static readonly (string Path, string Form)[] Renames =
    [
        ("roads.types", "roadTypes"), ("roads.defaultType", "defaultRoadType"),
        ("bridges.cycle", "bridgeCycle"), ("bridges.rates", "bridgeRates"), ("bridges.unknownStructureRate", "unknownStructureRate"),
        ("waterPipes.cycle", "waterCycle"),
        ("sewerPipes.cycle", "sewerCycle"), ("sewerPipes.pricing", "sewerPricing"), ("sewerPipes.materials", "sewerMaterials"),
        ("sewerPipes.diameters", "sewerDiameters"),
    ];

    /// <summary>Between the texts a rate matches (which may contain spaces).</summary>
    private static readonly char[] Commas = [',', '，', '、'];

    /// <summary>Between 施設コード and between ages.</summary>
    private static readonly char[] CommasOrSpaces = [',', '，', '、', ' ', '　', '\t', '\r', '\n'];

    private readonly FormValues values = new();

    /// <summary>For each list with skippable rows (by its key): the form row of each saved row, so that index i of Core is row kept[i].</summary>
    private readonly Dictionary<string, List<int>> kept = new(StringComparer.Ordinal);

    private readonly List<string> waterTypes = [];

    public IReadOnlyList<Error> Errors => values.Errors;

    /// <summary>The parameters typed; <paramref name="unverified"/> (not editable) is carried over.</summary>
    public ScenarioParameters Read(ScenarioForm f, IReadOnlyList<UnverifiedNote> unverified) => new()
    {
        Horizon = Int(f.Horizon, "Input.Horizon", "試算期間（年）"),
        SpreadAlignment = Choice<SpreadAlignment>(f.SpreadAlignment, "Input.SpreadAlignment", "費用を計上する年"),
        AgeBasis = Choice<AgeBasis>(f.AgeBasis, "Input.AgeBasis", "築年数の数え方"),
        DemolitionAddOn = Dec(f.DemolitionAddOn, "Input.DemolitionAddOn", "解体費の加算"),
        AnnualRepair = Dec(f.AnnualRepair, "Input.AnnualRepair", "毎年の修繕"),
        FallbackCategory = FormValues.Text(f.FallbackCategory) ?? "",
        InfraBacklogYears = Int(f.InfraBacklogYears, "Input.InfraBacklogYears", "インフラの積み残しの処理期間（年）"),
        BuildingRates = Rows(f.BuildingRates, "Input.BuildingRates", (r, key, n) => new BuildingRate(
            FormValues.Text(r.Category) ?? "",
            Dec(r.Rebuild, key + ".Rebuild", $"建物単価の{n}行目の建替え単価"),
            Dec(r.Renovation, key + ".Renovation", $"建物単価の{n}行目の大規模改修単価"))),
        Cycles = [.. f.Cycles.Select((c, i) => Cycle(c, $"Input.Cycles[{i}]", $"周期{i + 1}の"))],
        Roads = new RoadRule(
            Rows(f.RoadTypes, "Input.RoadTypes", (t, key, n) => new RoadType(
                Required(t.Name, key + ".Name", $"道路の{n}行目の種別"),
                Dec(t.Price, key + ".Price", $"道路の{n}行目の単価"),
                Int(t.Cycle, key + ".Cycle", $"道路の{n}行目の更新年数"),
                values.Number(t.DefaultWidth, key + ".DefaultWidth", $"道路の{n}行目の標準幅員"))),
            FormValues.Text(f.DefaultRoadType) ?? ""),
        Bridges = new BridgeRule(
            Int(f.BridgeCycle, "Input.BridgeCycle", "橋りょうの更新年数"),
            Rows(f.BridgeRates, "Input.BridgeRates", (r, key, n) => Rate(r, key, $"橋りょうの単価の{n}行目")),
            Dec(f.UnknownStructureRate, "Input.UnknownStructureRate", "構造不明の橋りょうの単価")),
        WaterPipes = new WaterPipeRule(Int(f.WaterCycle, "Input.WaterCycle", "上水道管の更新年数"), WaterTables(f.WaterTables)),
        SewerPipes = new SewerPipeRule(
            Int(f.SewerCycle, "Input.SewerCycle", "下水道管の更新年数"),
            Choice<SewerPricing>(f.SewerPricing, "Input.SewerPricing", "下水道管の単価の選び方"),
            Rows(f.SewerMaterials, "Input.SewerMaterials", (r, key, n) => Rate(r, key, $"下水道管の管種別単価の{n}行目")),
            Rows(f.SewerDiameters, "Input.SewerDiameters", (b, key, n) => Band(b, key, $"下水道管の管径別単価の{n}行目"))),
        Excluded = [.. (f.Excluded ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)],
        Consolidations = Rows(f.Consolidations, "Input.Consolidations", (c, key, n) => new Consolidation(
            FormValues.Text(c.Name) ?? "",
            List(c.FacilityCodes, CommasOrSpaces),
            Int(c.Year, key + ".Year", $"集約化の{n}行目の年度"),
            FormValues.Text(c.Category) ?? "",
            Dec(c.FloorArea, key + ".FloorArea", $"集約化の{n}行目の延床面積"))),
        Unverified = unverified,
    };

    /// <summary>The ModelState key of the input Core's <paramref name="field"/> (a JSON path such as <c>waterPipes.tables.配水管[3].from</c>) is about.</summary>
    public string KeyOf(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        var path = field;
        const string Water = "waterPipes.tables.";
        if (path.StartsWith(Water, StringComparison.Ordinal))
        {
            var rest = path[Water.Length..];
            var end = rest.IndexOfAny(['[', '.']);
            var table = waterTypes.IndexOf(end < 0 ? rest : rest[..end]);
            path = $"waterTables[{Math.Max(table, 0)}].bands{(end < 0 ? "" : rest[end..])}";
        }

        foreach (var (from, to) in Renames)
        {
            if (path == from || path.StartsWith(from + "[", StringComparison.Ordinal) || path.StartsWith(from + ".", StringComparison.Ordinal))
            {
                path = to + path[from.Length..];
                break;
            }
        }

        var key = new StringBuilder("Input");
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            if (name.Length == 0)
            {
                continue;
            }

            key.Append('.').Append(char.ToUpperInvariant(name[0])).Append(name[1..]);
            if (bracket >= 0 && int.TryParse(segment[(bracket + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                var row = kept.TryGetValue(key.ToString(), out var rows) && index < rows.Count ? rows[index] : index;
                key.Append('[').Append(row.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return key.ToString();
    }

    private BuildingCycle Cycle(CycleRow c, string key, string label) => new(
        Required(c.Name, key + ".Name", label + "名前"),
        Dec(c.Share, key + ".Share", label + "割合"),
        Int(c.RebuildAge, key + ".RebuildAge", label + "建替えの築年数"),
        Int(c.RebuildSpread, key + ".RebuildSpread", label + "建替え期間（年）"),
        Rows(c.Events, key + ".Events", (e, eventKey, n) => new CycleEvent(
            FormValues.Text(e.Name) ?? "",
            Ages(e.Ages, eventKey + ".Ages", $"{label}{n}行目の改修の築年数"),
            Int(e.Spread, eventKey + ".Spread", $"{label}{n}行目の改修の期間（年）"),
            Choice<CostBase>(e.CostBase, eventKey + ".CostBase", $"{label}{n}行目の改修の単価"),
            Dec(e.Ratio, eventKey + ".Ratio", $"{label}{n}行目の改修の割合"))),
        FormValues.Text(c.BacklogEvent),
        Int(c.BacklogMinAge, key + ".BacklogMinAge", label + "積み残しとする築年数の下限"),
        Int(c.BacklogMaxAge, key + ".BacklogMaxAge", label + "積み残しとする築年数の上限"),
        Int(c.BacklogYears, key + ".BacklogYears", label + "改修の積み残しの処理期間（年）"),
        Int(c.RebuildBacklogYears, key + ".RebuildBacklogYears", label + "建替えの積み残しの処理期間（年）"));

    private Dictionary<string, IReadOnlyList<DiameterBand>> WaterTables(List<WaterTableRow> tables)
    {
        var result = new Dictionary<string, IReadOnlyList<DiameterBand>>(StringComparer.Ordinal);
        for (var i = 0; i < tables.Count; i++)
        {
            var type = FormValues.Text(tables[i].Type) ?? "";
            waterTypes.Add(type);
            var key = $"Input.WaterTables[{i}]";
            var bands = Rows(tables[i].Bands, key + ".Bands", (b, bandKey, n) => Band(b, bandKey, $"{type}の{n}行目"));
            if (type.Length == 0 || !result.TryAdd(type, bands))
            {
                values.Errors.Add(Core.Projection.Errors.WaterTableTypeInvalid(i + 1, type, key + ".Bands"));
            }
        }

        return result;
    }

    private NamedRate Rate(NamedRateRow r, string key, string label) =>
        new(Required(r.Name, key + ".Name", label + "の名前"), List(r.Matches, Commas), Dec(r.Price, key + ".Price", label + "の単価"));

    private DiameterBand Band(BandRow b, string key, string label) =>
        new(Int(b.From, key + ".From", label + "の口径（から）"), values.WholeNumber(b.To, key + ".To", label + "の口径（まで）"), Dec(b.Price, key + ".Price", label + "の単価"));

    /// <summary>The rows not left empty, remembering which form row each one is (for <see cref="KeyOf"/>).</summary>
    private List<TOut> Rows<TRow, TOut>(List<TRow> rows, string key, Func<TRow, string, int, TOut> read)
        where TRow : IFormRow
    {
        var keptRows = new List<int>();
        var result = new List<TOut>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (!rows[i].IsBlank)
            {
                keptRows.Add(i);
                result.Add(read(rows[i], $"{key}[{i}]", i + 1));
            }
        }

        kept[key] = keptRows;
        return result;
    }

    private List<int> Ages(string? text, string key, string label)
    {
        var ages = new List<int>();
        foreach (var part in List(text, CommasOrSpaces))
        {
            if (values.WholeNumber(part, key, label) is { } age)
            {
                ages.Add(age);
            }
            else
            {
                break;
            }
        }

        return ages;
    }

    /// <summary>The texts between separators, as typed (not normalised: the presets match both ＰＣ and PC).</summary>
    private static List<string> List(string? text, char[] separators) =>
        [.. (text ?? "").Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private int Int(string? text, string key, string label) => values.WholeNumber(text, key, label) ?? Missing(key, label, 0);

    private decimal Dec(string? text, string key, string label) => values.Number(text, key, label) ?? Missing(key, label, 0m);

    private T Choice<T>(string? text, string key, string label)
        where T : struct, Enum => values.Choice<T>(text, key, label) ?? Missing(key, label, default(T));

    private string Required(string? text, string key, string label) => FormValues.Text(text) ?? Missing(key, label, "");

    private T Missing<T>(string key, string label, T fallback)
    {
        if (!values.Failed(key))
        {
            values.Errors.Add(Core.Projection.Errors.Required(label, key));
        }

        return fallback;
    }
}
