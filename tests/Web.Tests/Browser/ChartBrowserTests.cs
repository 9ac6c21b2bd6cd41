using System.Text.Json;

namespace InfraLedger.Web.Tests.Browser;

/// <summary>
/// Every drawn chart of the body dashboard has axis titles and a legend, and no line is drawn through a single point
/// (issue 21 item 7): a series with one value is a bar with its value written on it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Database", "any")] // the browser side: its server side runs on both databases in the HTTP tests
public sealed class ChartBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task dashboard_charts_have_axis_titles_a_legend_and_no_single_point_line()
    {
        await using var session = await browser.OpenAsync();
        await session.Page.GotoAsync("/dashboard/body/222127");
        await session.Page.Locator(".dashboard-chart canvas").First.WaitForAsync();

        var charts = await session.Page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('.dashboard-chart [_echarts_instance_], .dashboard-chart[_echarts_instance_]')].map(el => {
                const o = echarts.getInstanceByDom(el).getOption();
                return {
                    x: o.xAxis[0].name || '', y: o.yAxis[0].name || '', legend: (o.legend[0] && o.legend[0].data || []).length,
                    lines: o.series.filter(s => s.type === 'line').map(s => s.data.filter(v => v !== null && v !== undefined).length),
                    bars: o.series.filter(s => s.type === 'bar').map(s => ({ points: s.data.filter(v => v !== null && v !== undefined).length, label: !!(s.label && s.label.show) })),
                };
            })
            """);

        charts.GetArrayLength().ShouldBePositive();
        foreach (var chart in charts.EnumerateArray())
        {
            chart.GetProperty("x").GetString().ShouldNotBeNullOrEmpty(chart.ToString());
            chart.GetProperty("y").GetString().ShouldNotBeNullOrEmpty(chart.ToString());
            chart.GetProperty("legend").GetInt32().ShouldBePositive(chart.ToString());
            foreach (var points in chart.GetProperty("lines").EnumerateArray())
            {
                points.GetInt32().ShouldBeGreaterThan(1, $"a line through one point: {chart}");
            }
        }

        // The demo publishes its register figures for one year: that series is a labelled bar.
        charts.EnumerateArray().SelectMany(c => c.GetProperty("bars").EnumerateArray())
            .ShouldContain(b => b.GetProperty("points").GetInt32() == 1 && b.GetProperty("label").GetBoolean());
    }
}
