using InfraLedger.Core.Projection;

namespace InfraLedger.Web.Pages.Projection;

/// <summary>
/// The stacked bar chart of 公共施設等総合管理計画 documents: annual cost by category, with the horizon's annual
/// average and the recent investment as lines. Drawn on the server as SVG; its table is shown under it.
/// </summary>
/// <param name="Id">Element id prefix.</param>
/// <param name="Title">What the chart shows, for its accessible name.</param>
/// <param name="Stack">Series stacked in each year's bar.</param>
/// <param name="BaseYear">The first year.</param>
/// <param name="Average">The annual average line (円).</param>
/// <param name="Investment">The recent-investment line (円), if known.</param>
/// <param name="TableTitle">The table that carries the chart's figures.</param>
public sealed record ProjectionChart(string Id, string Title, IReadOnlyList<ProjectionSeries> Stack, int BaseYear, decimal Average, decimal? Investment, string TableTitle)
{
    // Distinguishable colours, each at least 3:1 against white (WCAG 1.4.11).
    private static readonly string[] Palette =
    [
        "#0017c1", "#d16d00", "#197a4b", "#a3008f", "#4d4d4d", "#c2001a", "#00758a", "#6b4fbb", "#8a5a00", "#0b6e99",
        "#b8336a", "#3b7a00", "#7a3d9c", "#1f5f99", "#9c4a00", "#00805f", "#8f1f3f",
    ];

    public static string Colour(int i) => Palette[i % Palette.Length];

    public int Years => Stack.Count == 0 ? 0 : Stack[0].Values.Length;

    public decimal[] Totals => [.. Enumerable.Range(0, Years).Select(i => Stack.Sum(s => s.Values[i]))];

    /// <summary>A round top of the scale in 億円, above the highest bar and line.</summary>
    public decimal ScaleOku
    {
        get
        {
            var max = Math.Max(Totals.DefaultIfEmpty().Max(), Math.Max(Average, Investment ?? 0)) / 100_000_000m;
            if (max <= 0)
            {
                return 1;
            }

            var step = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
            return Math.Ceiling(max / step) * step;
        }
    }

    public static string Oku(decimal yen) => (yen / 100_000_000m).ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);
}
