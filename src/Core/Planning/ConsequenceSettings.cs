using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfraLedger.Core.Planning;

/// <summary>
/// A consequence attribute of the tenant's settings and its weight. A facility has it when its value is not 0 (a flag)
/// or, with <paramref name="Threshold"/>, when its value is at least the threshold (交通量 ≥ 10,000 台/日).
/// </summary>
public sealed record ConsequenceFactor(string Key, string Label, decimal Weight, decimal? Threshold = null, string? Unit = null)
{
    public bool Holds(decimal value) => Threshold is { } t ? value >= t : value != 0;

    /// <summary>How the reason names it: 「交通量 10,000台/日以上」 or the label.</summary>
    public string Describe() => Threshold is { } t ? $"{Label} {t.ToString("#,0.##", CultureInfo.InvariantCulture)}{Unit}以上" : Label;
}

/// <summary>
/// The tenant's risk settings (maintenance-planning.md §6; no national formula exists, so they are each tenant's own):
/// the horizon n of P(reaching the worst grade within n years) and the weighted attributes; consequence = 1 + Σ weights
/// of the attributes a facility has. <see cref="Version"/> counts the saves (0: the defaults, never saved); a plan names
/// the version it ranked by.
/// </summary>
public sealed record ConsequenceSettings(int Version, int Years, IReadOnlyList<ConsequenceFactor> Factors)
{
    /// <summary>The tenant setting that holds them (JSON).</summary>
    public const string SettingKey = "planning.consequences";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// The attributes §6 lists (雲仙市's plan and the 個別施設計画 guidance [S]). Their weights are a starting point [U]: no
    /// published weights were found; each tenant sets its own. The keys are those of the import's vocabulary.
    /// </summary>
    public static ConsequenceSettings Default { get; } = new(0, 10,
    [
        new("emergency-route", "緊急輸送道路", 1.0m),
        new("overpass", "跨線橋・跨道橋", 1.0m),
        new("no-detour", "迂回路なし", 0.5m),
        new("traffic", "交通量", 0.5m, 10_000m, "台/日"),
        new("evacuation", "避難所・避難路", 1.0m),
        new("users", "利用者数", 0.5m, 1_000m, "人/日"),
        new("hazard-area", "災害の危険区域内", 0.5m),
    ]);

    public ConsequenceFactor? Factor(string key) => Factors.FirstOrDefault(f => f.Key == key);

    /// <summary>The risk settings of the ranking.</summary>
    public RiskSettings Risk => new(Years, Factors);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ConsequenceSettings FromJson(string json) =>
        JsonSerializer.Deserialize<ConsequenceSettings>(json, Json) ?? throw new JsonException("empty consequence settings");

    /// <summary>The keys of the attributes a facility has, from its values.</summary>
    public IReadOnlySet<string> Held(IReadOnlyDictionary<string, decimal>? values) =>
        values is null ? new HashSet<string>() : Factors.Where(f => values.TryGetValue(f.Key, out var v) && f.Holds(v)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
}
