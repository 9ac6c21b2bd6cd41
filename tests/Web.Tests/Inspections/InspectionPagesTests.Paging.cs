using AngleSharp.Html.Parser;

namespace InfraLedger.Web.Tests.Inspections;

/// <summary>The inspection records are shown 100 a page (issue 21 item 7), in the same order across pages.</summary>
public sealed partial class InspectionPagesTests
{
    [Fact]
    public async Task the_records_are_paged_100_a_page_in_order_and_a_bad_or_past_the_end_page_number_shows_a_page()
    {
        await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
        {
            var first = new DateOnly(2000, 1, 1);
            for (var i = 0; i < 95; i++)
            {
                var on = first.AddDays(i * 7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                (await Core.Inspections.InspectionRecords.RecordAsync(db, new("BR-5", null, on, "点検太郎", "I", null, null, null), new DateOnly(2025, 1, 1), default)).IsSuccess.ShouldBeTrue();
            }
        }

        var one = await RecordsAsync("/222127/inspections");
        var two = await RecordsAsync("/222127/inspections?p=2");

        one.Rows.Count.ShouldBe(100);
        two.Rows.Count.ShouldBe(15); // 20 seeded + 95
        one.Rows.Concat(two.Rows).Distinct().Count().ShouldBe(115);
        one.Rows[0].ShouldStartWith("BR-0");
        two.Rows[^1].ShouldStartWith("BR-9");
        one.Range.ShouldBe("115件中 1–100件");
        two.Range.ShouldBe("115件中 101–115件");
        one.Next.ShouldBe("/222127/inspections?p=2#records");
        (await RecordsAsync("/222127/inspections?p=abc")).Rows.ShouldBe(one.Rows);
        (await RecordsAsync("/222127/inspections?p=999")).Rows.ShouldBe(two.Rows);
        var filtered = await RecordsAsync("/222127/inspections?facility=BR-5");
        filtered.Rows.Count.ShouldBe(97);
        filtered.Next.ShouldBeNull();
    }

    private async Task<(List<string> Rows, string Range, string? Next)> RecordsAsync(string path)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await yaizuViewer.GetStringAsync(path));
        var table = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent.StartsWith("点検記録", StringComparison.Ordinal) == true);
        var rows = table.QuerySelectorAll("tbody tr").Select(r => $"{r.Children[0].TextContent.Trim()} {r.Children[2].TextContent.Trim()} {r.Children[3].TextContent.Trim()}").ToList();
        var range = table.NextElementSibling?.ClassList.Contains("note") == true ? table.NextElementSibling.TextContent.Trim() : "";
        return (rows, range, page.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href"));
    }
}
