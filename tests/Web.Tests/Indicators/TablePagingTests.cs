using InfraLedger.Core.Common;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Tests.Indicators;

/// <summary>The paging of long tables (the ≈300-row indicator drill-down, the 1,741-row dashboard table): pure.</summary>
public sealed class TablePagingTests
{
    private static readonly Table Assets = new("assets", "資産", ["資産番号"],
        [.. Enumerable.Range(1, 301).Select(i => (IReadOnlyList<TableCell>)[new TableCell($"A-{i}")])]);

    [Theory]
    [InlineData(1, 100, "A-1", "301件中 1–100件")]
    [InlineData(4, 1, "A-301", "301件中 301–301件")]
    [InlineData(99, 1, "A-301", "301件中 301–301件")] // beyond the last page: the last page
    [InlineData(-3, 100, "A-1", "301件中 1–100件")]
    public void a_page_holds_its_rows_and_says_where_it_is(int asked, int rows, string first, string range)
    {
        var (page, pager) = TablePaging.Of(Assets, asked, p => $"?p={p}");

        page.Rows.Count.ShouldBe(rows);
        page.Rows[0][0].Text.ShouldBe(first);
        (page.Name, page.Title).ShouldBe(("assets", "資産"));
        pager.Range.ShouldBe(range);
        pager.PageCount.ShouldBe(4);
    }

    [Fact]
    public void an_estimated_count_says_about_and_shows_no_last_page()
    {
        var pager = new Pages.Register.Pager(1_000_000, 3, 50, 20_000, p => $"?p={p}") { Estimated = true, RowCount = 50, NextHref = "?after=x", PreviousHref = "?before=y" };

        pager.Range.ShouldBe("約 1,000,000 件中 101–150件");
        pager.Pages().ShouldBe([1, 2, 3, 4, 5, 0]);
        (pager.Previous, pager.Next).ShouldBe(("?before=y", "?after=x"));
    }
}
