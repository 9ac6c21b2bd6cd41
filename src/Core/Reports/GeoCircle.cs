namespace InfraLedger.Core.Reports;

/// <summary>A circle on the WGS84 sphere: the <c>lat</c>/<c>long</c>/<c>radius</c> search and the duplicate suggestion.</summary>
public sealed record GeoCircle(double Latitude, double Longitude, double RadiusMetres)
{
    private const double EarthRadiusMetres = 6_371_008.8; // IUGG mean radius; metres-level accuracy is enough here.

    /// <summary>Great-circle distance by the haversine formula.</summary>
    public static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        var (p1, p2) = (Radians(lat1), Radians(lat2));
        var dp = p2 - p1;
        var dl = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dp / 2), 2) + (Math.Cos(p1) * Math.Cos(p2) * Math.Pow(Math.Sin(dl / 2), 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public bool Contains(double latitude, double longitude) => Metres(Latitude, Longitude, latitude, longitude) <= RadiusMetres;

    /// <summary>A latitude/longitude box around the circle, for the database to narrow the search before the exact test.</summary>
    public (double MinLat, double MaxLat, double MinLon, double MaxLon) Box()
    {
        var dLat = RadiusMetres / EarthRadiusMetres * 180 / Math.PI;
        var dLon = dLat / Math.Max(0.01, Math.Cos(Radians(Latitude)));
        return (Latitude - dLat, Latitude + dLat, Longitude - dLon, Longitude + dLon);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
