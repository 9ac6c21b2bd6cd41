using System.Text.Json;

namespace InfraLedger.Core.Projection;

/// <summary>A shipped, read-only set of parameters (the 総務省 baseline and the life-extension variant).</summary>
public sealed record Preset(string Id, int Version, string Name, string Source, ScenarioParameters Parameters);

/// <summary>The presets shipped in <c>Projection/Presets/*.json</c>; tenants copy one to make a scenario.</summary>
public static class Presets
{
    public const string Baseline = "soumu";
    public const string LifeExtension = "life-extension";

    public static IReadOnlyList<Preset> All { get; } = [Load(Baseline), Load(LifeExtension)];

    public static Preset? Find(string id) => All.FirstOrDefault(p => p.Id == id);

    private static Preset Load(string id)
    {
        using var stream = typeof(Presets).Assembly.GetManifestResourceStream($"projection/{id}.json")
            ?? throw new InvalidOperationException($"Preset {id} is not embedded.");
        return JsonSerializer.Deserialize<Preset>(stream, ScenarioParameters.Json) ?? throw new InvalidOperationException($"Preset {id} is empty.");
    }
}
