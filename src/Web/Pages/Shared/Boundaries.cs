using System.Text;
using System.Text.Json;
using InfraLedger.Core.Tenancy;

namespace InfraLedger.Web.Pages.Shared;

/// <summary>
/// The administrative boundaries (Data/Boundaries/SOURCE.md, CC BY-SA 4.0): read and indexed on first use,
/// served feature by feature as they are in the files (ShareAlike: the data is not modified).
/// </summary>
public sealed class Boundaries(string folder)
{
    public const string GeoJson = "application/geo+json; charset=utf-8";
    public const string CityFile = "jp_city_dc_geoshape_20210101.geojson";
    public const string PrefectureFile = "jp_pref_geoshape_20210101.geojson";

    private readonly Lazy<Dictionary<string, List<string>>> cities = new(() => Index(Path.Combine(folder, CityFile)));
    private readonly Lazy<Dictionary<string, List<string>>> prefectures = new(() => Index(Path.Combine(folder, PrefectureFile)));
    private string? all;

    /// <summary>
    /// The body's feature(s) as a GeoJSON FeatureCollection: a prefecture from the prefecture file by its
    /// 2-digit code, a municipality from the city file by the first 5 digits of its 団体コード (N03_007).
    /// </summary>
    public string FeatureCollectionOf(LocalGovernment body)
    {
        var features = body.Kind == LocalGovernmentKind.Prefecture
            ? prefectures.Value.GetValueOrDefault(body.Code[..2])
            : cities.Value.GetValueOrDefault(body.Code[..5]);
        var json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        json.AppendJoin(',', features ?? []);
        return json.Append("]}").ToString();
    }

    /// <summary>
    /// Every municipality's feature as one FeatureCollection (the national map), or one prefecture's (by its 2-digit code):
    /// the features as they are in the file. The national one is built once.
    /// </summary>
    public string Municipalities(string? prefecture) =>
        prefecture is null ? all ??= Collection(cities.Value.OrderBy(c => c.Key, StringComparer.Ordinal).SelectMany(c => c.Value))
            : Collection(cities.Value.Where(c => c.Key.StartsWith(prefecture, StringComparison.Ordinal)).SelectMany(c => c.Value));

    private static string Collection(IEnumerable<string> features) =>
        new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[").AppendJoin(',', features).Append("]}").ToString();

    private static Dictionary<string, List<string>> Index(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            // A few features have no code (e.g. 所属未定地): they belong to no tenant.
            if (feature.GetProperty("properties").TryGetProperty("N03_007", out var code) && code.ValueKind == JsonValueKind.String)
            {
                var key = code.GetString()!;
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }

                list.Add(feature.GetRawText());
            }
        }

        return index;
    }
}
