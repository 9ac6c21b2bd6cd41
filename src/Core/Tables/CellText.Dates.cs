using System.Globalization;
using System.Text.RegularExpressions;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Tables;

public static partial class CellText
{
    /// <summary>Excel counts days from 1899-12-30 (for serials from 61 on, past its fictitious 1900-02-29).</summary>
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>
    /// A date as written in Japanese registers: 西暦 (2023/4/1, 2023-04-01, 2023年4月1日, 2023.4.1, 20230401,
    /// 2023), 和暦 (令和5年4月1日, 令和元年5月1日, R5.4.1, R05.04.01, H30.3.31, 平成30年, S50) and Excel serial
    /// numbers (45017 = 2023-04-01). A four-digit number is a year; five digits are a serial (10000 = 1927).
    /// 「年度」 is read as its year: 2023年度 and 令和5年度 give 2023, the year the fiscal year starts in; callers
    /// that need its first day pass defaultMonth 4 to <see cref="PartialDate.ToDateOnly"/>.
    /// A 和暦 date outside its era (平成31年5月1日, 平成32年) is refused naming the right era, not silently
    /// converted: such values come from documents drafted before the era changed and deserve a second look.
    /// </summary>
    public static Result<PartialDate?> ParseDate(string? text)
    {
        var normalized = Normalize(text);
        if (IsMissingNormalized(normalized))
        {
            return Result<PartialDate?>.Ok(null);
        }

        normalized = normalized.Contains(':', StringComparison.Ordinal) ? TimeOfDay().Replace(normalized, "") : normalized;
        if (ExcelSerial().Match(normalized) is { Success: true } serial)
        {
            var date = ExcelEpoch.AddDays(int.Parse(serial.Groups["days"].Value, CultureInfo.InvariantCulture));
            return Result<PartialDate?>.Ok(new PartialDate(date.Year, date.Month, date.Day));
        }

        if (WesternDate().Match(normalized) is { Success: true } western)
        {
            var (year, month, day) = (Number(western, "y")!.Value, Number(western, "m"), Number(western, "d"));
            return Exists(year, month, day) ? Result<PartialDate?>.Ok(new PartialDate(year, month, day)) : Errors.DateDoesNotExist(text!);
        }

        if (EraDate().Match(normalized) is { Success: true } era)
        {
            var eraYear = era.Groups["y"].Value == "元" ? 1 : Number(era, "y")!.Value;
            return JapaneseEras.ToWestern(era.Groups["era"].Value, eraYear, Number(era, "m"), Number(era, "d"), text!);
        }

        return Errors.NotADate(text!);
    }

    /// <summary>
    /// A year from any date form the register import reads (1980, 昭和55, 昭和55年, S55, 令和2年, R2, 令和元年,
    /// 1980/4/1 …): the import's rule, shared with the register's edit forms (issue 21 item 7).
    /// </summary>
    public static Result<int?> ParseYear(string? text)
    {
        if (text is { Length: 4 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return year; // the common case: 1975
        }

        var date = ParseDate(text);
        return date.IsSuccess ? date.Value?.Year : date.Error!;
    }

    /// <summary>Whether the (partial) date exists in the proleptic Gregorian calendar (2023/2/30 does not).</summary>
    internal static bool Exists(int year, int? month, int? day) =>
        year is >= 1 and <= 9999
        && (month is null or (>= 1 and <= 12))
        && (day is null || (month is not null && day >= 1 && day <= DateTime.DaysInMonth(year, month.Value)));

    private static int? Number(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^(?<days>\d{5})(\.\d+)?$")]
    private static partial Regex ExcelSerial();

    [GeneratedRegex(@"^(?<y>\d{4})(?:年度?|年(?<m>\d{1,2})月(?:(?<d>\d{1,2})日)?|[/\-.](?<m>\d{1,2})(?:[/\-.](?<d>\d{1,2}))?|(?<m>\d{2})(?<d>\d{2}))?$")]
    private static partial Regex WesternDate();

    [GeneratedRegex(@"^(?<era>明治|大正|昭和|平成|令和|[MTSHR])\.?\s*(?<y>元|\d{1,2})(?:年度?|年(?<m>\d{1,2})月(?:(?<d>\d{1,2})日)?|[/\-.](?<m>\d{1,2})(?:[/\-.](?<d>\d{1,2}))?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex EraDate();

    /// <summary>A time after a date, as Excel and databases export it (2023-04-01 00:00:00, 2023/4/1 9:00).</summary>
    [GeneratedRegex(@"(?<=\d)[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")]
    private static partial Regex TimeOfDay();
}
