using System.Text.RegularExpressions;

namespace InfraLedger.Core.Tables;

/// <summary>
/// The unit written in a header (rules L1-09 and L3-04 ask for one): 「取得価額（千円）」 means values are in
/// thousands of yen. <see cref="Split"/> gives the name without the unit, the factor to the base unit and the base
/// unit (円, ㎡, m), so 「取得価額（千円）」 and 「取得価額(円)」 map to the same column with different factors.
/// </summary>
public static partial class HeaderUnit
{
    private static readonly Dictionary<string, (decimal Factor, string Unit)> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["円"] = (1m, "円"),
        ["千円"] = (1_000m, "円"),
        ["万円"] = (10_000m, "円"),
        ["百万円"] = (1_000_000m, "円"),
        ["億円"] = (100_000_000m, "円"),
        ["㎡"] = (1m, "㎡"),
        ["m2"] = (1m, "㎡"),
        ["平方メートル"] = (1m, "㎡"),
        ["千㎡"] = (1_000m, "㎡"),
        ["ha"] = (10_000m, "㎡"),
        ["m"] = (1m, "m"),
        ["メートル"] = (1m, "m"),
        ["km"] = (1_000m, "m"),
        ["キロメートル"] = (1_000m, "m"),
    };

    /// <summary>Splits 「延床面積（㎡）」 into (延床面積, 1, ㎡); a header without a known unit comes back whole with factor 1.</summary>
    public static (string Name, decimal Factor, string? Unit) Split(string header)
    {
        var normalized = CellText.Normalize(header);
        var match = Bracketed().Match(normalized) is { Success: true } bracketed ? bracketed : Suffixed().Match(normalized);
        if (match.Success && match.Groups["name"].Value.TrimEnd('_', ' ') is { Length: > 0 } name
            && Units.TryGetValue(UnitKey(match.Groups["unit"].Value), out var unit))
        {
            return (name, unit.Factor, unit.Unit);
        }

        return (header.Trim(), 1m, null);
    }

    /// <summary>
    /// The money unit a title row above the table states for the whole table (「単位：千円」, 「（単位：百万円）」):
    /// values of money columns whose header names no unit of its own are in it. Null when the cell states none.
    /// Only money: a table's 「単位：㎡」 may not be meant for its lengths.
    /// </summary>
    public static (decimal Factor, string Unit)? TitleUnit(string? cell) =>
        cell is not null && TitleUnitText().Match(CellText.Normalize(cell)) is { Success: true } match
            && Units.TryGetValue(match.Groups["unit"].Value, out var unit) && unit.Unit == "円"
            ? unit
            : null;

    [GeneratedRegex(@"単位\s*:\s*(?<unit>百万円|千円|万円|億円|円)")]
    private static partial Regex TitleUnitText();

    /// <summary>「（単位：千円）」 reduced to a key of <see cref="Units"/> (the text is already normalised: ：→:, m²→m2).</summary>
    private static string UnitKey(string unit)
    {
        var key = unit.Replace(" ", "", StringComparison.Ordinal);
        return key.StartsWith("単位:", StringComparison.Ordinal) ? key["単位:".Length..] : key;
    }

    /// <summary>A unit in brackets at the end: 取得価額（千円）, 延長(km), 面積【㎡】 (NFKC made （） and ［］ half-width).</summary>
    [GeneratedRegex(@"^(?<name>.+?)\s*[(\[【](?<unit>[^)\]】]+)[)\]】]$")]
    private static partial Regex Bracketed();

    /// <summary>
    /// A unit glued to the name (面積㎡, 延長_m, 取得価額_千円). Letters only after an underscore or a non-ASCII
    /// character, so that an English header ending in m is left alone.
    /// </summary>
    [GeneratedRegex(@"^(?<name>.+?_|.*?[^\x00-\x7F_])(?<unit>㎡|m2|千円|百万円|万円|億円|円|km|m)$")]
    private static partial Regex Suffixed();
}
