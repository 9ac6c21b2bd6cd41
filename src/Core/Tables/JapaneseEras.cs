using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Tables;

/// <summary>
/// 和暦 to 西暦 through <see cref="JapaneseCalendar"/>, which knows where each era starts and ends (Reiwa
/// included). The calendar accepts a date past its era's end as long as the era year is in range (平成31年5月1日
/// would become 2019-05-01), so the era of the result is checked back.
/// </summary>
internal static class JapaneseEras
{
    private static readonly JapaneseCalendar Calendar = new();

    /// <summary>Indexed by JapaneseCalendar's era numbers: 1 = 明治 … 5 = 令和.</summary>
    private static readonly string[] Names = ["", "明治", "大正", "昭和", "平成", "令和"];

    private const string Letters = " MTSHR";

    /// <summary>The western year of each era's year 1 (Dec 31 of that year always lies inside the era).</summary>
    private static readonly int[] FirstYears =
        [.. Enumerable.Range(0, Names.Length).Select(era => era == 0 ? 0 : Calendar.ToDateTime(1, 12, 31, 0, 0, 0, 0, era).Year)];

    public static Result<PartialDate?> ToWestern(string eraText, int eraYear, int? month, int? day, string text)
    {
        var era = Array.IndexOf(Names, eraText) is var byName and > 0 ? byName : Letters.IndexOf(char.ToUpperInvariant(eraText[0]), StringComparison.Ordinal);
        if (eraYear < 1)
        {
            return Errors.DateDoesNotExist(text);
        }

        var year = FirstYears[era] + eraYear - 1;
        if (!CellText.Exists(year, month, day))
        {
            return Errors.DateDoesNotExist(text);
        }

        // The first and last day the value can mean; the era must cover one of them (平成31年 is right for
        // January–April 2019, 令和元年 for May–December).
        var first = new DateTime(year, month ?? 1, day ?? 1, 0, 0, 0, DateTimeKind.Unspecified);
        var last = new DateTime(year, month ?? 12, day ?? DateTime.DaysInMonth(year, month ?? 12), 0, 0, 0, DateTimeKind.Unspecified);
        if (EraOf(first) == era || EraOf(last) == era)
        {
            return Result<PartialDate?>.Ok(new PartialDate(year, month, day));
        }

        var western = $"{year}年{Suffix(month, day)}";
        var actual = EraOf(first) is var actualEra and > 0 ? $"{Names[actualEra]}{YearText(Calendar.GetYear(first))}年{Suffix(month, day)}" : "明治より前";
        return Errors.EraDateDoesNotExist(text, western, actual);
    }

    private static int EraOf(DateTime date) =>
        date >= Calendar.MinSupportedDateTime ? Calendar.GetEra(date) : 0;

    private static string YearText(int eraYear) => eraYear == 1 ? "元" : eraYear.ToString(CultureInfo.InvariantCulture);

    private static string Suffix(int? month, int? day) =>
        month is null ? "" : day is null ? $"{month}月" : $"{month}月{day}日";
}
