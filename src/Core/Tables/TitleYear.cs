using System.Text.RegularExpressions;

namespace InfraLedger.Core.Tables;

/// <summary>
/// The fiscal year a title states (「全市町村の主要財政指標（令和２年度）」, 「令和2年度決算」, 「2020年度」, 「H27年度」):
/// published tables often give the year only there. 和暦 through <see cref="CellText.ParseDate"/> (元年 included).
/// </summary>
public static partial class TitleYear
{
    /// <summary>The first 年度 any of <paramref name="titles"/> names, or null.</summary>
    public static int? Of(IEnumerable<string> titles)
    {
        foreach (var title in titles)
        {
            foreach (Match match in Year().Matches(CellText.Normalize(title)))
            {
                if (CellText.ParseDate(match.Groups["year"].Value.Replace(" ", "", StringComparison.Ordinal) + "年度") is { IsSuccess: true, Value: { } date })
                {
                    return date.Year;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<year>(?:明治|大正|昭和|平成|令和|[MTSHR])\s*(?:元|\d{1,2})|\d{4})\s*年度", RegexOptions.IgnoreCase)]
    private static partial Regex Year();
}
