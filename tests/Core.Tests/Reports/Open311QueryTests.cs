using InfraLedger.Core.Reports;

namespace InfraLedger.Core.Tests.Reports;

/// <summary>The Open311 GET filters (open311.md §8): W3C datetimes, the 90-day window, empty = absent, paging, circles.</summary>
[Trait("Database", "any")] // no database
public sealed class Open311QueryTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-11-01T09:00:00Z", "2026-11-01T09:00:00")]
    [InlineData("2026-11-01T09:00:00+09:00", "2026-11-01T00:00:00")]
    [InlineData("2026-11-01T09:00:00-05:00", "2026-11-01T14:00:00")]
    [InlineData("2026-11-01T09:00:00", "2026-11-01T00:00:00")] // no zone: Japan time
    [InlineData("2026-11-01", "2026-10-31T15:00:00")] // a date: its midnight in Japan
    public void w3c_datetimes_are_read_with_their_zone_or_as_japan_time(string text, string utc)
    {
        Open311Query.TryDate(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void datetimes_are_written_in_japan_time_with_the_offset() =>
        Open311Query.Format(new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc)).ShouldBe("2026-11-23T00:00:00+09:00");

    [Fact]
    public void without_dates_the_last_90_days_are_listed_and_at_most_1000()
    {
        var filter = Parse([]).Filter;
        filter.RequestedFromUtc.ShouldBe(Now.AddDays(-90));
        filter.RequestedToUtc.ShouldBeNull();
        filter.Take.ShouldBe(1000);
        filter.Skip.ShouldBe(0);
        filter.IncludeHidden.ShouldBeFalse();
    }

    [Fact]
    public void a_start_alone_reaches_90_days_on_and_an_end_alone_90_days_back()
    {
        Parse(new() { ["start_date"] = "2026-01-01T00:00:00Z" }).Filter.RequestedToUtc.ShouldBe(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));
        Parse(new() { ["end_date"] = "2026-04-01T00:00:00Z" }).Filter.RequestedFromUtc.ShouldBe(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z", "end_date", "90日以内")]
    [InlineData("start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z", "end_date", "より前")]
    [InlineData("status=pending", "status", "open か closed")]
    [InlineData("service_request_id=12,x", "service_request_id", "「x」")]
    [InlineData("lat=34.8", "lat", "両方")]
    [InlineData("radius=100", "radius", "lat と long")]
    [InlineData("lat=34.8&long=138.3&radius=0", "radius", "0より大きく")]
    [InlineData("page=0", "page", "1以上")]
    [InlineData("page_size=1001", "page_size", "1〜1000")]
    [InlineData("detailed_status=DONE", "detailed_status", "FIXED")]
    public void bad_parameters_are_refused_naming_the_parameter(string query, string field, string says)
    {
        var result = Open311Query.Parse(Query(query), includeHidden: false, Now);
        result.IsSuccess.ShouldBeFalse();
        result.Error!.Field.ShouldBe(field);
        result.Error.Message.ShouldContain(says);
    }

    [Fact]
    public void empty_parameters_are_absent_ones()
    {
        var empty = Parse(new() { ["service_code"] = "", ["status"] = " ", ["start_date"] = "", ["page"] = "", ["lat"] = "", ["long"] = "" }).Filter;
        empty.ShouldBe(Parse([]).Filter with { ServiceCodes = null });
        empty.ServiceCodes.ShouldBeNull();
        empty.Statuses.ShouldBeNull();
        empty.Near.ShouldBeNull();
    }

    [Fact]
    public void service_request_id_overrides_every_other_filter()
    {
        var filter = Parse(new() { ["service_request_id"] = "3, 5", ["status"] = "open", ["start_date"] = "2020-01-01" }).Filter;
        filter.Ids.ShouldBe([3L, 5L]);
        filter.Statuses.ShouldBeNull();
        filter.RequestedFromUtc.ShouldBeNull();
    }

    [Fact]
    public void status_and_detailed_status_select_the_japanese_states()
    {
        Parse(new() { ["status"] = "open" }).Filter.Statuses.ShouldBe([ReportStatus.Received, ReportStatus.InProgress, ReportStatus.Scheduled]);
        Parse(new() { ["status"] = "closed" }).Filter.Statuses.ShouldBe([ReportStatus.Fixed, ReportStatus.Unable, ReportStatus.Duplicate, ReportStatus.NotResponsible]);
        Parse(new() { ["status"] = "closed", ["detailed_status"] = "FIXED,IN_PROGRESS" }).Filter.Statuses.ShouldBe([ReportStatus.Fixed]);
    }

    [Fact]
    public void pages_skip_whole_pages()
    {
        var filter = Parse(new() { ["page"] = "3", ["page_size"] = "50" }).Filter;
        (filter.Skip, filter.Take).ShouldBe((100, 50));
    }

    [Fact]
    public void one_degree_of_latitude_is_111195_metres_on_the_mean_sphere()
    {
        // 2π × 6,371,008.8 m (IUGG mean radius) ÷ 360 = 111,195.08 m.
        GeoCircle.Metres(34, 138, 35, 138).ShouldBe(111_195.08, 0.01);
        new GeoCircle(34.8670, 138.3240, 200).Contains(34.8686, 138.3240).ShouldBeTrue(); // 178 m north
        new GeoCircle(34.8670, 138.3240, 200).Contains(34.8690, 138.3240).ShouldBeFalse(); // 222 m north
    }

    private static Open311Query.Parsed Parse(Dictionary<string, string> values)
    {
        var result = Open311Query.Parse(name => values.GetValueOrDefault(name), includeHidden: false, Now);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value;
    }

    private static Func<string, string?> Query(string query)
    {
        var values = query.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return name => values.GetValueOrDefault(name);
    }
}
