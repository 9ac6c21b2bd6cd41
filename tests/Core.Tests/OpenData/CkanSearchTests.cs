using InfraLedger.Core.OpenData;

namespace InfraLedger.Core.Tests.OpenData;

[Trait("Database", "any")] // no database
public class CkanSearchTests
{
    [Theory]
    [InlineData(null, null, null, 10, 0, "score desc, metadata_modified desc")]
    [InlineData("0", "5", "id asc", 0, 5, "id asc")]
    [InlineData("1000", "0", "name", 1000, 0, "name asc")]
    [InlineData("1001", "0", "metadata_modified desc, name asc", 1000, 0, "metadata_modified desc, name asc")]
    public void reads_rows_start_and_sort_like_ckan(string? rows, string? start, string? sort, int expectedRows, int expectedStart, string expectedSort)
    {
        var query = CkanSearch.Parse(null, [], rows, start, sort).Value;
        query.Rows.ShouldBe(expectedRows);
        query.Start.ShouldBe(expectedStart);
        string.Join(", ", query.Sort.Select(s => $"{s.Field} {(s.Descending ? "desc" : "asc")}")).ShouldBe(expectedSort);
    }

    [Theory]
    [InlineData("-1", null, null, "rows", "opendata.validation")]
    [InlineData("10.5", null, null, "rows", "opendata.validation")]
    [InlineData(null, "next", null, "start", "opendata.validation")]
    [InlineData(null, null, "views_recent desc", "sort", "opendata.validation")]
    [InlineData(null, null, "name upwards", "sort", "opendata.validation")]
    public void refuses_a_bad_parameter_naming_it(string? rows, string? start, string? sort, string field, string code)
    {
        var error = CkanSearch.Parse(null, [], rows, start, sort).Error!;
        error.Field.ShouldBe(field);
        error.Code.ShouldBe(code);
        error.Message.ShouldContain(field);
    }

    [Theory]
    [InlineData("organization:222127", true)]
    [InlineData("+organization:222127 +tags:公共施設一覧", true)]
    [InlineData("organization:222127 AND res_format:CSV", true)]
    [InlineData("tags:\"公共施設一覧\"", true)]
    [InlineData("metadata_modified:[2026-01-01T00:00:00Z TO *]", true)]
    [InlineData("metadata_modified:[2026-01-01T00:00:00.000000Z TO 2027-01-01T00:00:00Z]", true)]
    [InlineData("dataset_type:dataset", true)]
    [InlineData("groups:roads", false)]
    [InlineData("organization", false)]
    [InlineData("tags:\"unclosed", false)]
    [InlineData("metadata_modified:[last week TO *]", false)]
    [InlineData("metadata_modified:2026-01-01", false)]
    public void reads_the_filter_terms_harvesters_send_and_refuses_the_rest(string fq, bool readable)
    {
        var parsed = CkanSearch.Parse(null, [fq], null, null, null);
        parsed.IsSuccess.ShouldBe(readable, parsed.Error?.Message);
        if (!readable)
        {
            parsed.Error!.Code.ShouldBe(CkanSearch.QueryErrorCode);
            parsed.Error.Field.ShouldBe("fq");
        }
    }
}
