using System.Globalization;
using InfraLedger.Core.Planning;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>
/// The expected grade distribution per plan year as 100% stacked bars (server-drawn SVG, no script); the figures are
/// the grade columns of 年度別計画表, shown under it.
/// </summary>
public sealed record PlanChart(PlanResult Result, string TableTitle)
{
    // I (best) to the worst grade: distinguishable, each at least 3:1 against white (WCAG 1.4.11).
    private static readonly string[] Palette = ["#0017c1", "#197a4b", "#d16d00", "#c2001a", "#6b4fbb", "#4d4d4d"];

    public static string Colour(int grade) => Palette[Math.Min(grade, Palette.Length - 1)];

    /// <summary>Each year's share of each grade (0–1); a year with no facility is empty.</summary>
    public IReadOnlyList<(int Year, double[] Shares)> Years =>
        [.. Result.Years.Select(y => (y.Year, y.Grades.Sum() is var total and > 0 ? y.Grades.Select(g => g / total).ToArray() : new double[y.Grades.Count]))];

    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
