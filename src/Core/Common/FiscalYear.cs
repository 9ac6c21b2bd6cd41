using System.Globalization;

namespace InfraLedger.Core.Common;

/// <summary>
/// A Japanese fiscal year (年度): 1 April of <see cref="Year"/> to 31 March of the next year (地方自治法 第208条).
/// </summary>
public readonly record struct FiscalYear(int Year) : IComparable<FiscalYear>
{
    public const int Min = 1868;
    public const int Max = 2200;

    public DateOnly Start => new(Year, 4, 1);

    /// <summary>年度末: the date "as of" figures for this fiscal year refer to.</summary>
    public DateOnly End => new(Year + 1, 3, 31);

    public static FiscalYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Months of this fiscal year from <paramref name="date"/>'s month to March, that month included (April → 12, March → 1).</summary>
    public static int MonthsFrom(DateOnly date) => date.Month >= 4 ? 16 - date.Month : 4 - date.Month;

    public int CompareTo(FiscalYear other) => Year.CompareTo(other.Year);

    public static bool operator <(FiscalYear a, FiscalYear b) => a.Year < b.Year;

    public static bool operator >(FiscalYear a, FiscalYear b) => a.Year > b.Year;

    public static bool operator <=(FiscalYear a, FiscalYear b) => a.Year <= b.Year;

    public static bool operator >=(FiscalYear a, FiscalYear b) => a.Year >= b.Year;

    /// <summary>"2021年度（令和3年度）".</summary>
    public override string ToString()
    {
        var calendar = new JapaneseCalendar();
        var date = new DateTime(Year, 4, 1, 0, 0, 0, DateTimeKind.Unspecified);
        if (date < calendar.MinSupportedDateTime)
        {
            return $"{Year}年度";
        }

        // The fiscal year takes the era in force on its first day (2019年度 = 平成31年度 = 令和元年度; 令和元年度 is the usual name).
        var era = calendar.GetEra(Year == 2019 ? new DateTime(2019, 5, 1, 0, 0, 0, DateTimeKind.Unspecified) : date);
        var eraYear = calendar.GetYear(Year == 2019 ? new DateTime(2019, 5, 1, 0, 0, 0, DateTimeKind.Unspecified) : date);
        string[] names = ["", "明治", "大正", "昭和", "平成", "令和"];
        return string.Create(CultureInfo.InvariantCulture, $"{Year}年度（{names[era]}{(eraYear == 1 ? "元" : eraYear.ToString(CultureInfo.InvariantCulture))}年度）");
    }
}
