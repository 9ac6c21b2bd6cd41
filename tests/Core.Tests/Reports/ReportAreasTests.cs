using InfraLedger.Core.Reports;

namespace InfraLedger.Core.Tests.Reports;

/// <summary>
/// The point-in-polygon rule against the shipped boundaries (geoshape 2021-01-01). Places are real: the town halls of
/// 焼津市 and 藤枝市 (localgovjp, code4fukui), Tokyo Station, and facilities of 焼津市's own open data (公園一覧) that the
/// coarse polygon leaves just outside.
/// </summary>
[Trait("Database", "any")] // no database: the boundaries are embedded
public sealed class ReportAreasTests
{
    private const string Yaizu = "222127", Shizuoka = "220001";

    [Theory]
    [InlineData(34.86695, 138.32391, true)]    // 焼津市役所
    [InlineData(34.8673, 138.2577, false)]     // 藤枝市役所, the neighbour to the west
    [InlineData(35.6812, 139.7671, false)]     // 東京駅 (the report at Tokyo Station)
    [InlineData(34.834078, 138.276241, true)]  // 治長請所公園 (焼津市): 193 m outside the coarse polygon, within the tolerance
    [InlineData(34.867299, 138.277569, true)]  // 保福島公園 (焼津市): 47 m outside it
    [InlineData(34.85, 138.40, false)]         // 駿河湾, 5.8 km off the coast
    public void a_pin_is_the_bodys_inside_its_boundary_or_within_the_tolerance(double latitude, double longitude, bool inside) =>
        ReportAreas.Shipped.IsInside(Yaizu, prefecture: false, latitude, longitude).ShouldBe(inside);

    [Theory]
    [InlineData(34.8673, 138.2577, "22214")]   // 藤枝市
    [InlineData(35.6812, 139.7671, "13101")]   // 千代田区
    [InlineData(34.86695, 138.32391, "22212")] // 焼津市
    [InlineData(34.85, 138.40, null)]          // the sea: nobody's
    public void the_municipality_of_a_place_is_found_by_its_polygon(double latitude, double longitude, string? code) =>
        ReportAreas.Shipped.MunicipalityAt(latitude, longitude).ShouldBe(code);

    [Fact]
    public void a_prefecture_is_checked_against_its_own_polygon_and_a_body_without_a_shipped_boundary_is_not_checked()
    {
        ReportAreas.Shipped.IsInside(Shizuoka, prefecture: true, 34.8673, 138.2577).ShouldBe(true);
        ReportAreas.Shipped.IsInside(Shizuoka, prefecture: true, 35.6812, 139.7671).ShouldBe(false);
        ReportAreas.Shipped.IsInside("221015", prefecture: false, 34.97, 138.38).ShouldBeNull(); // 静岡市葵区: the city is one polygon
    }
}
