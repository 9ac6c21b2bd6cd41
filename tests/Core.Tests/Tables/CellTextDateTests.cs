using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Tests.Tables;

public class CellTextDateTests
{
    [Theory]
    [InlineData("令和5年4月1日", "2023-04-01")]
    [InlineData("令和元年5月1日", "2019-05-01")]
    [InlineData("R5.4.1", "2023-04-01")]
    [InlineData("R05.04.01", "2023-04-01")]
    [InlineData("r5/4/1", "2023-04-01")]
    [InlineData("H30.3.31", "2018-03-31")]
    [InlineData("平成31年4月30日", "2019-04-30")]
    [InlineData("昭和64年1月7日", "1989-01-07")]
    [InlineData("平成元年1月8日", "1989-01-08")]
    [InlineData("㍻30年3月31日", "2018-03-31")]
    [InlineData("令和５年４月１日", "2023-04-01")]
    [InlineData("2023/4/1", "2023-04-01")]
    [InlineData("2023-04-01", "2023-04-01")]
    [InlineData("2023年4月1日", "2023-04-01")]
    [InlineData("2023.4.1", "2023-04-01")]
    [InlineData("２０２３／４／１", "2023-04-01")]
    [InlineData("20230401", "2023-04-01")]
    [InlineData("2023-04-01 00:00:00", "2023-04-01")]
    [InlineData("2024/2/29", "2024-02-29")]
    [InlineData("45017", "2023-04-01")] // Excel serial of 2023-04-01
    [InlineData("45017.5", "2023-04-01")]
    [InlineData("2023/4", "2023-04")]
    [InlineData("2023年4月", "2023-04")]
    [InlineData("平成31年4月", "2019-04")]
    [InlineData("2023", "2023")]
    [InlineData("2023年", "2023")]
    [InlineData("2023年度", "2023")]
    [InlineData("平成元年", "1989")]
    [InlineData("平成30年", "2018")]
    [InlineData("平成31年", "2019")]
    [InlineData("令和元年", "2019")]
    [InlineData("H30", "2018")]
    [InlineData("S50", "1975")]
    [InlineData("昭和50年度", "1975")]
    [InlineData("大正15年", "1926")]
    [InlineData("明治45年", "1912")]
    public void parse_date_reads_western_era_and_serial_dates(string text, string expected) =>
        CellText.ParseDate(text).Value!.ToString().ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("―")]
    [InlineData("不明")]
    public void parse_date_gives_null_for_missing_values(string? text) => CellText.ParseDate(text).Value.ShouldBeNull();

    [Theory]
    [InlineData("2023/2/30", "tables.date_not_exist")]
    [InlineData("2023/13/1", "tables.date_not_exist")]
    [InlineData("2023/0/1", "tables.date_not_exist")]
    [InlineData("令和5年2月29日", "tables.date_not_exist")]
    [InlineData("令和0年", "tables.date_not_exist")]
    [InlineData("来年度", "tables.not_a_date")]
    [InlineData("23/4/1", "tables.not_a_date")]
    [InlineData("X5.4.1", "tables.not_a_date")]
    [InlineData("2023/4/1頃", "tables.not_a_date")]
    public void parse_date_refuses_impossible_and_unreadable_dates(string text, string code)
    {
        var result = CellText.ParseDate(text);

        result.Error!.Code.ShouldBe(code);
        result.Error.Message.ShouldContain($"「{text}」");
    }

    // 平成 ended on 2019-04-30 and 令和 began on 2019-05-01 (元号を改める政令, 平成31年政令第143号); dates drafted
    // before the change still say 平成31年5月 or 平成32年度.
    [Theory]
    [InlineData("平成31年5月1日", "2019年5月1日は令和元年5月1日")]
    [InlineData("平成31年5月", "2019年5月は令和元年5月")]
    [InlineData("平成32年", "2020年は令和2年")]
    [InlineData("H32.4.1", "2020年4月1日は令和2年4月1日")]
    [InlineData("令和元年4月30日", "2019年4月30日は平成31年4月30日")]
    [InlineData("昭和64年1月8日", "1989年1月8日は平成元年1月8日")]
    public void parse_date_refuses_a_date_outside_its_era_naming_the_right_one(string text, string explanation)
    {
        var result = CellText.ParseDate(text);

        result.Error!.Code.ShouldBe("tables.era_not_exist");
        result.Error.Message.ShouldContain(explanation);
    }

    [Theory]
    [InlineData(2023, null, null, 4, 1, "2023-04-01")]
    [InlineData(2023, 2, null, 1, 31, "2023-02-28")]
    [InlineData(2023, 6, 15, 4, 1, "2023-06-15")]
    public void partial_date_fills_unknown_parts_with_the_defaults(int year, int? month, int? day, int defaultMonth, int defaultDay, string expected) =>
        new PartialDate(year, month, day).ToDateOnly(defaultMonth, defaultDay).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
}
