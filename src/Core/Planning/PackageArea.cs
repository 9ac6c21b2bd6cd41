using System.Globalization;

namespace InfraLedger.Core.Planning;

/// <summary>
/// The area of a package (ADR 0025). A facility with coordinates lies in a standard regional mesh (標準地域メッシュ,
/// JIS X 0410; 総務省統計局「地域メッシュ統計の概要」): the area is <c>M</c> and its 2次メッシュ code (about 10 km square)
/// — areas cross municipal borders, so one package can hold works of several members (共同発注). A facility without
/// coordinates is placed in its member body's whole area, <c>B</c> and the body's code: it is bundled only with
/// works of the same body that also lack coordinates. The register has no 地区 column to use instead.
/// </summary>
public static class PackageArea
{
    /// <summary>The mesh level areas use.</summary>
    public enum Level
    {
        /// <summary>1次メッシュ, 40′ × 1° (about 80 km).</summary>
        First = 1,

        /// <summary>2次メッシュ, 5′ × 7′30″ (about 10 km): the default.</summary>
        Second = 2,

        /// <summary>3次メッシュ (基準地域メッシュ), 30″ × 45″ (about 1 km).</summary>
        Third = 3,
    }

    /// <summary>The area of a facility of <paramref name="member"/>; latitude and longitude in decimal degrees (JGD2011).</summary>
    public static string Of(string member, double? latitude, double? longitude, Level level = Level.Second) =>
        Mesh(latitude, longitude, level) is { } mesh ? "M" + mesh : "B" + member;

    /// <summary>
    /// The mesh code of a point, or null outside the range the meshes cover (20°–46° N, 122°–154° E) or without a point.
    /// Computed in decimal minutes and seconds so a point on a mesh line falls in the mesh to its north-east, as the
    /// standard's floor rule says, without binary rounding.
    /// </summary>
    public static string? Mesh(double? latitude, double? longitude, Level level = Level.Second)
    {
        if (latitude is not { } lat || longitude is not { } lon || !(lat >= 20 && lat < 46 && lon >= 122 && lon < 154))
        {
            return null;
        }

        var latMinutes = (decimal)lat * 60;
        var lonDegrees = (decimal)lon;
        var p = (int)Math.Floor(latMinutes / 40);
        var u = (int)Math.Floor(lonDegrees) - 100;
        var first = string.Create(CultureInfo.InvariantCulture, $"{p:00}{u:00}");
        if (level == Level.First)
        {
            return first;
        }

        var latRest = latMinutes - (p * 40);                     // minutes within the 1次 mesh (0–40)
        var lonRest = (lonDegrees - Math.Floor(lonDegrees)) * 60; // minutes within the 1次 mesh (0–60)
        var q = (int)Math.Floor(latRest / 5);
        var v = (int)Math.Floor(lonRest / 7.5m);
        var second = string.Create(CultureInfo.InvariantCulture, $"{first}{q}{v}");
        if (level == Level.Second)
        {
            return second;
        }

        var r = (int)Math.Floor((latRest - (q * 5)) * 60 / 30);
        var w = (int)Math.Floor((lonRest - (v * 7.5m)) * 60 / 45);
        return string.Create(CultureInfo.InvariantCulture, $"{second}{r}{w}");
    }
}
