using InfraLedger.Core.Common;

// Not ...Tests.Common: that namespace would hide Core.Common (Result, Error) from the other test files.
namespace InfraLedger.Core.Tests.CommonTime;

[Trait("Database", "any")] // no database
public class JapanTimeTests
{
    // 日本標準時 is UTC+9 all year (標準時に関する法律 since 1948: no daylight saving), so 15:00 UTC on 31 March is already
    // 1 April, the first day of the next fiscal year, in Japan.
    [Theory]
    [InlineData("2026-03-31T15:30:00", "2026-04-01 00:30", "2026-04-01", "2026年4月1日 00:30")]
    [InlineData("2026-03-31T14:59:00", "2026-03-31 23:59", "2026-03-31", "2026年3月31日 23:59")]
    [InlineData("2026-07-01T03:00:00", "2026-07-01 12:00", "2026-07-01", "2026年7月1日 12:00")]
    public void shows_a_stored_utc_time_in_japan_time(string utc, string minute, string date, string longForm)
    {
        var at = DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        JapanTime.Minute(at).ShouldBe(minute);
        JapanTime.Date(at).ShouldBe(date);
        JapanTime.Written(at).ShouldBe(longForm);
        JapanTime.Today(at).ShouldBe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
    }
}
