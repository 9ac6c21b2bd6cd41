using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Tables;

/// <summary>
/// Reading values out of the cell texts of municipal files, which break rule L2-01 of the machine-readability
/// rules in every possible way: full-width digits, thousands separators, stray spaces, △ for minus, 和暦 dates.
/// </summary>
public static partial class CellText
{
    /// <summary>
    /// Texts that mean "no value" in Japanese tables. 不明 (unknown) and 該当なし (not applicable) are among them:
    /// the value is not there, and a required column then reports it as missing rather than as a malformed number.
    /// ー alone is the long-vowel mark, which people type for a dash. なし is not: for a count it can mean zero.
    /// </summary>
    private static readonly HashSet<string> MissingMarks =
        ["-", "‐", "‑", "‒", "–", "—", "―", "−", "ー", "...", "…", "・", "空欄", "不明", "該当なし", "n/a", "N/A"];

    /// <summary>
    /// NFKC (full-width digits, letters and symbols to half-width, half-width katakana to full-width), keeping ㎡
    /// so that units stay recognisable (NFKC would spell it m2), then trims ASCII and full-width spaces.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (IsNfkcStable(text))
        {
            return text.Trim(); // most cells of a large file take this path: NFKC through ICU costs far more than this check
        }

        var normalized = text.Contains('㎡', StringComparison.Ordinal)
            ? string.Join('㎡', text.Split('㎡').Select(part => part.Normalize(NormalizationForm.FormKC)))
            : text.Normalize(NormalizationForm.FormKC);
        return normalized.Trim().Trim('\uFEFF', '\u200B').Trim();
    }

    /// <summary>
    /// True when every character is one NFKC leaves as it is and none can combine with a neighbour: printable
    /// ASCII, the Japanese punctuation 、。々〆〇〈〉《》「」『』【】, hiragana, full-width katakana with ・ and ー,
    /// and the CJK unified ideographs. Full-width letters, half-width katakana, ㎡, ① and the like are not.
    /// </summary>
    internal static bool IsNfkcStable(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            var stable = c is >= ' ' and <= '~' or >= '\u3001' and <= '\u3002' or >= '\u3005' and <= '\u3011'
                or >= '\u3041' and <= '\u3096' or >= '\u30A1' and <= '\u30FE' or >= '\u4E00' and <= '\u9FFF';
            if (!stable)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsMissing(string? text) => IsMissingNormalized(Normalize(text));

    private static bool IsMissingNormalized(string normalized) => normalized.Length == 0 || MissingMarks.Contains(normalized);

    /// <summary>
    /// A number as people write it: 「32,500 」, 「３２，５００」, 「1,234.5」, 「△1,000」 (△ and ▲ mean minus in
    /// Japanese accounts). Missing marks give null. Thousands separators must group by three, so that 「1,5」
    /// (a European decimal) is refused rather than read as 15.
    /// </summary>
    public static Result<decimal?> ParseNumber(string? text)
    {
        var normalized = Normalize(text);
        if (IsMissingNormalized(normalized))
        {
            return Result<decimal?>.Ok(null);
        }

        var negative = normalized[0] is '△' or '▲' or '-' or '−';
        var digits = negative ? normalized[1..].TrimStart() : normalized.TrimStart('+');
        if (digits.Contains(',', StringComparison.Ordinal))
        {
            if (!ThousandsGrouping().IsMatch(digits))
            {
                return Errors.NumberGrouping(text!);
            }

            digits = digits.Replace(",", "", StringComparison.Ordinal);
        }

        const NumberStyles style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        var startsLikeNumber = digits.Length > 0 && (char.IsAsciiDigit(digits[0]) || digits[0] == '.');
        return startsLikeNumber && decimal.TryParse(digits, style, CultureInfo.InvariantCulture, out var value)
                ? Result<decimal?>.Ok(negative ? -value : value)
                : Errors.NotANumber(text!);
    }

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex ThousandsGrouping();
}
