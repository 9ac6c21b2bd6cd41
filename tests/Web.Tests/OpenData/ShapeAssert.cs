using System.Text.Json;
using System.Text.RegularExpressions;

namespace InfraLedger.Web.Tests.OpenData;

/// <summary>Checks a JSON value against a recorded shape of <c>Expected/</c>: every key present, each of an allowed type.</summary>
public static partial class ShapeAssert
{
    public static void Matches(JsonElement value, string shape, string where = "$")
    {
        var problems = Problems(value, shape, where);
        problems.ShouldBeEmpty($"{where} does not match Expected/{shape}.json");
    }

    public static List<string> Problems(JsonElement value, string shape, string where = "$")
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenData", "Expected", shape + ".json")));
        if (value.ValueKind != JsonValueKind.Object)
        {
            return [$"{where}: an object was expected, not {value.ValueKind}"];
        }

        var problems = new List<string>();
        foreach (var key in expected.RootElement.EnumerateObject())
        {
            var allowed = key.Value.GetString()!.Split('|');
            if (!value.TryGetProperty(key.Name, out var actual))
            {
                problems.Add($"{where}.{key.Name}: missing");
            }
            else if (!allowed.Any(type => Is(actual, type)))
            {
                problems.Add($"{where}.{key.Name}: {actual.ValueKind} ({actual.GetRawText()}) is not {key.Value.GetString()}");
            }
        }

        return problems;
    }

    private static bool Is(JsonElement value, string type) => type switch
    {
        "any" => true,
        "string" => value.ValueKind == JsonValueKind.String,
        "timestamp" => value.ValueKind == JsonValueKind.String && CkanTimestamp().IsMatch(value.GetString()!),
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new InvalidOperationException($"unknown type {type} in a recorded shape"),
    };

    /// <summary>A whole package as CKAN's <c>package_show</c> gives it, down to its organization, tags, extras and resources.</summary>
    public static void IsPackage(JsonElement package, string where = "package")
    {
        Matches(package, "package", where);
        Matches(package.GetProperty("organization"), "organization", where + ".organization");
        foreach (var (tag, i) in package.GetProperty("tags").EnumerateArray().Select((t, i) => (t, i)))
        {
            Matches(tag, "tag", $"{where}.tags[{i}]");
        }

        foreach (var (extra, i) in package.GetProperty("extras").EnumerateArray().Select((e, i) => (e, i)))
        {
            Matches(extra, "extra", $"{where}.extras[{i}]");
        }

        foreach (var (resource, i) in package.GetProperty("resources").EnumerateArray().Select((r, i) => (r, i)))
        {
            Matches(resource, "resource", $"{where}.resources[{i}]");
            resource.GetProperty("package_id").GetString().ShouldBe(package.GetProperty("id").GetString());
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$")]
    private static partial Regex CkanTimestamp();
}
