using System.Text.Json;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Maintenance;

/// <summary>A shipped, read-only treatment library of one asset kind, with its version.</summary>
public sealed record LibraryPreset(string Id, int Version, string Kind, TreatmentLibrary Library)
{
    public AssetKind AssetKind => LibraryPresets.KindOf(Kind) ?? throw new InvalidOperationException($"preset {Id}: unknown kind {Kind}");
}

/// <summary>The presets of <c>Maintenance/Presets/*.json</c>, one per asset kind that has treatments; a tenant copies one and edits the copy.</summary>
public static class LibraryPresets
{
    /// <summary>Asset kinds with a treatment library, by their CLI and URL name.</summary>
    public static readonly IReadOnlyDictionary<string, AssetKind> Kinds = new Dictionary<string, AssetKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["bridge"] = AssetKind.Bridge, ["road"] = AssetKind.Road, ["pavement"] = AssetKind.Road, ["building"] = AssetKind.Building,
        ["sewer"] = AssetKind.SewerPipe, ["water"] = AssetKind.WaterPipe,
    };

    public static IReadOnlyList<LibraryPreset> All { get; } = [.. new[] { "bridge", "road", "building", "sewer", "water" }.Select(Load)];

    public static AssetKind? KindOf(string? name) => name is not null && Kinds.TryGetValue(name, out var k) ? k : null;

    /// <summary>The URL/CLI name of a kind that has a library (bridge, road, building, sewer, water).</summary>
    public static string NameOf(AssetKind kind) => All.First(p => p.AssetKind == kind).Kind;

    public static LibraryPreset? For(AssetKind kind) => All.FirstOrDefault(p => p.AssetKind == kind);

    private static LibraryPreset Load(string id)
    {
        using var stream = typeof(LibraryPresets).Assembly.GetManifestResourceStream($"maintenance/{id}.json")
            ?? throw new InvalidOperationException($"Preset {id} is not embedded.");
        return JsonSerializer.Deserialize<LibraryPreset>(stream, TreatmentLibrary.Json) ?? throw new InvalidOperationException($"Preset {id} is empty.");
    }
}
