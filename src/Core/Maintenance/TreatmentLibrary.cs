using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfraLedger.Core.Maintenance;

/// <summary>予防保全 / 事後保全 / 更新 (the three categories of a treatment).</summary>
public enum TreatmentCategory
{
    Preventive = 1,
    Corrective = 2,
    Renewal = 3,
}

/// <summary>What a price is per: ㎡ (deck, road or floor area), m (length of a pipe), or one facility.</summary>
public enum CostUnit
{
    Area = 1,
    Length = 2,
    Facility = 3,
}

/// <summary>How a policy decides where to act.</summary>
public enum PolicyType
{
    /// <summary>Never acts (the baseline).</summary>
    None = 0,

    /// <summary>Acts in every state from <see cref="PolicySpec.Threshold"/> on, with the library's treatment for that state.</summary>
    Threshold = 1,

    /// <summary>Acts in the states it lists, with the treatment it names for each.</summary>
    States = 2,

    /// <summary>Acts by age (the 総務省 projection's cycles), for facilities without inspections too.</summary>
    Age = 3,
}

/// <summary>A price band of a cost table by 口径 (mm): from <see cref="From"/> to <see cref="UpTo"/>, both inclusive, either open.</summary>
public sealed record CostBand(int? From, int? UpTo, decimal Price);

/// <summary>
/// A treatment's cost: <see cref="Price"/> 円 per <see cref="Unit"/>, or, when <see cref="Bands"/> are given, the
/// price of the band the facility's 口径 falls in (a 口径 in no band is reported, never guessed).
/// </summary>
public sealed record CostRule(CostUnit Unit, decimal Price, IReadOnlyList<CostBand>? Bands = null);

/// <summary>What a treatment leaves: state <see cref="To"/>, or <see cref="Better"/> states better (never past the best); <see cref="ResetsAge"/> for a renewal.</summary>
public sealed record TreatmentEffect(int? To, int? Better = null, bool ResetsAge = false)
{
    /// <summary>The state (1-based) after treating state <paramref name="state"/>.</summary>
    public int After(int state) => To ?? Math.Max(1, state - (Better ?? 0));
}

/// <summary>
/// A treatment of the library (断面修復, 切削オーバーレイ, 建替え …): the states (1 = best) in which it applies, the ages
/// at which an age-based policy applies it, its cost rule, its effect and its category, with where its figures come
/// from and whether they are confirmed.
/// </summary>
public sealed record Treatment(
    string Name, TreatmentCategory Category, IReadOnlyList<int> States, IReadOnlyList<int>? Ages, CostRule Cost, TreatmentEffect Effect,
    string? Source = null, bool Unverified = false);

/// <summary>A policy's choice of treatment in one state (type <see cref="PolicyType.States"/>).</summary>
public sealed record PolicyChoice(int State, string Treatment);

/// <summary>A maintenance policy kept with the library: do nothing, a threshold, explicit choices per state, or age-based cycles.</summary>
public sealed record PolicySpec(string Name, PolicyType Type, int? Threshold = null, IReadOnlyList<PolicyChoice>? Choices = null, int? BacklogYears = null);

/// <summary>A yearly risk cost per state (paid in the state after the decision, maintenance-planning.md §3), per unit.</summary>
public sealed record RiskRule(CostUnit Unit, IReadOnlyList<decimal> PerYear);

/// <summary>
/// An asset kind's treatment library and maintenance policies: a tenant setting, versioned (a copy of a shipped preset,
/// then edited), or the read-only preset itself. <see cref="Levels"/> is the number of states of the kind's scale.
/// <see cref="RequiredStates"/> are states where something must be done (the optimal policy may not leave them alone).
/// </summary>
public sealed record TreatmentLibrary(
    string Name, string Source, int Levels, IReadOnlyList<Treatment> Treatments, IReadOnlyList<PolicySpec> Policies,
    IReadOnlyList<int>? RequiredStates = null, RiskRule? Risk = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        WriteIndented = true,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a library; throws <see cref="JsonException"/> when the text is not one (callers turn it into a located refusal).</summary>
    public static TreatmentLibrary FromJson(string json) =>
        JsonSerializer.Deserialize<TreatmentLibrary>(json, Json) ?? throw new JsonException("空の設定です。");

    public Treatment? Find(string name) => Treatments.FirstOrDefault(t => t.Name == name);

    public PolicySpec? Policy(string name) => Policies.FirstOrDefault(p => p.Name == name);

    /// <summary>The library's treatment for a state: the first, in the library's order, that applies there.</summary>
    public Treatment? For(int state) => Treatments.FirstOrDefault(t => t.States.Contains(state));

    public static string Label(TreatmentCategory c) => c switch
    {
        TreatmentCategory.Preventive => "予防保全",
        TreatmentCategory.Corrective => "事後保全",
        _ => "更新",
    };

    public static string Label(CostUnit u) => u switch
    {
        CostUnit.Area => "㎡",
        CostUnit.Length => "m",
        _ => "施設",
    };

    public static string Label(PolicyType t) => t switch
    {
        PolicyType.None => "何もしない",
        PolicyType.Threshold => "しきい値",
        PolicyType.States => "状態ごとに指定",
        _ => "年数による周期",
    };
}
