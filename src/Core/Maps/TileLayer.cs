using System.Globalization;
using System.Text.RegularExpressions;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Maps;

/// <summary>
/// A background tile layer (XYZ tiles, e.g. an in-network tile server or 地理院タイル where the network allows): the URL
/// template, the attribution its licence asks for, and the deepest zoom it serves. Set per deployment and overridable per
/// tenant (<see cref="TileLayers"/>). The pages allow images from <see cref="Origin"/> and from nowhere else.
/// </summary>
public sealed partial record TileLayer(string UrlTemplate, string Attribution, int MaxZoom)
{
    public const int MaxUrlLength = 500;
    public const int MaxAttributionLength = 300;
    public const int DefaultMaxZoom = 18;

    /// <summary>scheme://host[:port] of the tiles: the one origin the Content-Security-Policy adds for images.</summary>
    public string Origin => new Uri(Sample(UrlTemplate)).GetLeftPart(UriPartial.Authority);

    /// <summary>
    /// Checks a template, attribution and max zoom as typed (a form, a configuration file): an absolute http(s) URL with
    /// {z}, {x} and {y} and no other placeholder (a {s} subdomain would make several origins), a non-blank attribution.
    /// </summary>
    public static Result<TileLayer> Check(string? urlTemplate, string? attribution, string? maxZoom)
    {
        var url = (urlTemplate ?? "").Trim();
        var credit = (attribution ?? "").Trim();
        if (url.Length > MaxUrlLength)
        {
            return Errors.TileUrlTooLong(url.Length);
        }

        if (!(url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            || !Uri.TryCreate(Sample(url), UriKind.Absolute, out var uri) || uri.Host.Length == 0 || uri.UserInfo.Length > 0)
        {
            return Errors.TileUrlScheme(url);
        }

        if (!url.Contains("{z}", StringComparison.Ordinal) || !url.Contains("{x}", StringComparison.Ordinal) || !url.Contains("{y}", StringComparison.Ordinal))
        {
            return Errors.TileUrlPlaceholders(url);
        }

        var authority = url[..(url.IndexOf('/', url.IndexOf("//", StringComparison.Ordinal) + 2) is var slash and > 0 ? slash : url.Length)];
        if (Placeholder().Matches(url).Any(m => m.Value is not ("{z}" or "{x}" or "{y}")) || authority.Contains('{', StringComparison.Ordinal))
        {
            return Errors.TileUrlOtherPlaceholder(url);
        }

        if (credit.Length == 0)
        {
            return Errors.AttributionRequired;
        }

        if (credit.Length > MaxAttributionLength)
        {
            return Errors.AttributionTooLong(credit.Length);
        }

        var zoom = DefaultMaxZoom;
        if (!string.IsNullOrWhiteSpace(maxZoom)
            && (!int.TryParse(maxZoom.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out zoom) || zoom > 22))
        {
            return Errors.MaxZoom(maxZoom.Trim());
        }

        return new TileLayer(url, credit, zoom);
    }

    private static string Sample(string template) =>
        template.Replace("{z}", "0", StringComparison.Ordinal).Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal);

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
