using InfraLedger.Core.Reports;

namespace InfraLedger.Core.Tests.Reports;

/// <summary>Issue 17 F2: dates at the ends of the calendar threw (ArgumentOutOfRangeException in Open311Query.Parse and TryDate).</summary>
public sealed class Open311QueryRangeTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

    private static Core.Common.Error? Refusal(params (string Name, string Value)[] query) =>
        Open311Query.Parse(name => query.FirstOrDefault(q => q.Name == name).Value, includeHidden: false, Now).Error;

    [Theory]
    [InlineData("start_date", "9999-12-31T23:59:59Z", "start_date「9999-12-31T23:59:59Z」は1900年から2100年までの日時にしてください。")]
    [InlineData("start_date", "0001-01-01", "start_date「0001-01-01」は1900年から2100年までの日時にしてください。")]
    [InlineData("end_date", "0001-01-01", "end_date「0001-01-01」は1900年から2100年までの日時にしてください。")]
    [InlineData("start_date", "yesterday", "start_date「yesterday」は W3C の日時（例: 2026-11-01T00:00:00+09:00）ではありません。")]
    [InlineData("end_date", "1899-12-31T00:00:00Z", "end_date「1899-12-31T00:00:00Z」は1900年から2100年までの日時にしてください。")]
    [InlineData("updated_after", "2101-01-01", "updated_after「2101-01-01」は1900年から2100年までの日時にしてください。")]
    [InlineData("updated_before", "0001-01-01T00:00:00Z", "updated_before「0001-01-01T00:00:00Z」は1900年から2100年までの日時にしてください。")]
    public void F2_a_date_outside_1900_to_2100_is_refused_with_its_parameter(string name, string value, string message)
    {
        var error = Refusal((name, value)).ShouldNotBeNull();

        error.Field.ShouldBe(name);
        error.Message.ShouldBe(message);
    }

    [Fact]
    public void F2_the_findings_two_dates_together_are_refused_not_thrown()
    {
        Refusal(("start_date", "0001-01-01"), ("end_date", "0001-01-01")).ShouldNotBeNull().Field.ShouldBe("start_date");
    }

    [Theory]
    [InlineData("lat", "NaN")]
    [InlineData("long", "Infinity")]
    [InlineData("radius", "NaN")]
    [InlineData("radius", "1e309")]
    public void F2_a_coordinate_or_radius_that_is_not_a_finite_number_is_refused(string name, string value)
    {
        var query = new List<(string, string)> { ("lat", "34.86"), ("long", "138.31") };
        query.RemoveAll(q => q.Item1 == name);
        query.Add((name, value));

        Refusal([.. query]).ShouldNotBeNull().Field.ShouldBe(name);
    }

    [Fact]
    public void F2_more_ids_than_a_page_holds_are_refused()
    {
        var ids = string.Join(',', Enumerable.Range(1, Open311Query.MaxRequests + 1));

        Refusal(("service_request_id", ids)).ShouldNotBeNull().Message.ShouldBe("service_request_id は一度に1,000件までです。");
    }

    [Fact]
    public void F2_a_date_at_the_edge_of_the_range_is_accepted()
    {
        var parsed = Open311Query.Parse(name => name == "start_date" ? "1900-01-01T00:00:00Z" : null, includeHidden: false, Now);

        parsed.IsSuccess.ShouldBeTrue(parsed.Error?.Message);
        parsed.Value.Filter.RequestedFromUtc.ShouldBe(new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }
}
