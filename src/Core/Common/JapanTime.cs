using System.Globalization;

namespace InfraLedger.Core.Common;

/// <summary>
/// Times shown to people: stored values are UTC, every page, table and message shows 日本標準時 (JST, UTC+9 all year,
/// no daylight saving). The one place that turns a stored UTC time into text (issue 21 item 7).
/// </summary>
public static class JapanTime
{
    /// <summary>The offset of 日本標準時 from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>Written after a time where a reader could take it for another zone (a table column, an export).</summary>
    public const string Label = "（日本時間）";

    /// <summary>The JST wall-clock time of a UTC instant.</summary>
    public static DateTime FromUtc(DateTime utc) => utc.Add(Offset);

    /// <summary>2026-04-01 09:30: tables and staff pages.</summary>
    public static string Minute(DateTime utc) => FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>2026-04-01: the JST date of a UTC instant.</summary>
    public static string Date(DateTime utc) => FromUtc(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>2026年4月1日 09:30: residents' pages and sentences.</summary>
    public static string Written(DateTime utc) => FromUtc(utc).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Today's date in Japan.</summary>
    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(FromUtc(utcNow));
}
