using System.Reflection;
using System.Text.Json;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;

namespace InfraLedger.Core.Reports;

/// <summary>
/// Which body a place belongs to, from the administrative boundaries the project ships (Web/Data/Boundaries/SOURCE.md:
/// geoshape 2021-01-01, CC BY-SA 4.0, embedded unmodified): 市区町村 polygons (a 政令市 as one) and 都道府県 polygons.
/// Read once per process on first use; each lookup is an envelope index search and an indexed point-in-polygon test.
/// </summary>
public sealed class ReportAreas
{
    /// <summary>
    /// How far outside its own boundary a pin is still taken. The shipped polygons are coarse (焼津市 has 39 vertices):
    /// of the 693 facilities with coordinates in 焼津市's own open data, 3 fall outside it, the farthest by 193 m
    /// (治長請所公園). 300 m keeps every one of them with a margin; a pin further out is another body's place.
    /// </summary>
    public const double ToleranceMetres = 300;

    private static readonly Lazy<ReportAreas> Embedded = new(() => new ReportAreas(
        Read("boundaries/jp_city_dc_geoshape_20210101.geojson"), Read("boundaries/jp_pref_geoshape_20210101.geojson")));

    private readonly Dictionary<string, Area> cities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Area> prefectures = new(StringComparer.Ordinal);
    private readonly STRtree<Area> index = new();

    private ReportAreas(byte[] cityGeoJson, byte[] prefectureGeoJson)
    {
        foreach (var area in Areas(cityGeoJson))
        {
            cities[area.Code] = area;
            index.Insert(area.Geometry.EnvelopeInternal, area);
        }

        index.Build();
        foreach (var area in Areas(prefectureGeoJson))
        {
            prefectures[area.Code] = area;
        }
    }

    /// <summary>The boundaries shipped with the application.</summary>
    public static ReportAreas Shipped => Embedded.Value;

    /// <summary>A shipped polygon: the 5-digit code of a 市区町村 (N03_007) or the 2-digit code of a 都道府県.</summary>
    private sealed record Area(string Code, Geometry Geometry, IPointOnGeometryLocator Locator);

    /// <summary>
    /// Whether the place is the body's (within <see cref="ToleranceMetres"/> of its boundary), by the body's 6-digit
    /// 団体コード and whether it is a prefecture. Null when no boundary of the body is shipped (a 政令市's ward, a body
    /// created after 2021-01-01): then nothing can be checked.
    /// </summary>
    public bool? IsInside(string bodyCode, bool prefecture, double latitude, double longitude)
    {
        var area = prefecture ? prefectures.GetValueOrDefault(bodyCode[..2]) : cities.GetValueOrDefault(bodyCode[..5]);
        if (area is null)
        {
            return null;
        }

        var point = Point(latitude, longitude);
        if (area.Locator.Locate(point.Coordinate) != Location.Exterior)
        {
            return true;
        }

        var nearest = DistanceOp.NearestPoints(area.Geometry, point);
        return GeoCircle.Metres(latitude, longitude, nearest[0].Y, nearest[0].X) <= ToleranceMetres;
    }

    /// <summary>The 5-digit code of the 市区町村 whose shipped polygon holds the place, or null (the sea, outside Japan).</summary>
    public string? MunicipalityAt(double latitude, double longitude)
    {
        var point = Point(latitude, longitude);
        return index.Query(point.EnvelopeInternal).FirstOrDefault(a => a.Locator.Locate(point.Coordinate) != Location.Exterior)?.Code;
    }

    private static Point Point(double latitude, double longitude) => new(longitude, latitude);

    private static IEnumerable<Area> Areas(byte[] geoJson)
    {
        using var document = JsonDocument.Parse(geoJson);
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            // A few features have no code (e.g. 所属未定地): they are no body's.
            if (!feature.GetProperty("properties").TryGetProperty("N03_007", out var code) || code.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var geometry = feature.GetProperty("geometry");
            var coordinates = geometry.GetProperty("coordinates");
            var polygons = geometry.GetProperty("type").GetString() switch
            {
                "Polygon" => [Polygon(factory, coordinates)],
                "MultiPolygon" => coordinates.EnumerateArray().Select(p => Polygon(factory, p)).ToArray(),
                var other => throw new InvalidDataException($"境界データの形「{other}」は読めません。"),
            };
            Geometry shape = polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
            yield return new Area(code.GetString()!, shape, new IndexedPointInAreaLocator(shape));
        }
    }

    private static Polygon Polygon(GeometryFactory factory, JsonElement rings)
    {
        var linear = rings.EnumerateArray().Select(r => factory.CreateLinearRing(
            [.. r.EnumerateArray().Select(c => new Coordinate(c[0].GetDouble(), c[1].GetDouble()))])).ToList();
        return factory.CreatePolygon(linear[0], [.. linear.Skip(1)]);
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"境界データ {name} が組み込まれていません。");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
