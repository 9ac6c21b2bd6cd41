using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfraLedger.Core.Tables;

/// <summary>A field a column can feed, with the header names that mean it (in priority order).</summary>
public sealed record VocabularyField(string Name, string Label, bool Required, IReadOnlyList<string> Names);

/// <summary>Headers that are recognised but feed no field (電話番号, URL…), so that the reason can say what they are.</summary>
public sealed record KnownColumn(string Label, IReadOnlyList<string> Names);

/// <summary>
/// A dataset of the 自治体標準オープンデータセット, recognised when every header of its <paramref name="Signature"/> is
/// present. <paramref name="Kind"/> is the 資産種別 its rows default to; <paramref name="CodePrefix"/> keeps its
/// numbering (unique only within the dataset) apart from other files'.
/// </summary>
public sealed record StandardDataset(string Id, string Name, string? Label, IReadOnlyList<string> Signature, string Kind, string? CodePrefix)
{
    /// <summary>What one row is called when it has no name of its own (「消防水利」).</summary>
    public string ItemLabel => Label ?? Name;
}

/// <summary>
/// The header vocabulary of one importer (ADR 0021), from <c>Tables/Data/vocabularies.json</c>: its fields, the
/// headers recognised without a field, the suffix rules (公園名 → 施設名) with the nouns they do not apply after, and
/// the hints a name header's noun gives about the 資産種別 (公園名 → 公園).
/// </summary>
public sealed record Vocabulary(
    string Id,
    IReadOnlyList<VocabularyField> Fields,
    IReadOnlyList<KnownColumn> Ignored,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Suffixes,
    IReadOnlyList<string> NotBefore,
    IReadOnlyDictionary<string, string> NameHints)
{
    public VocabularyField Field(string name) => Fields.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"項目「{name}」は語彙「{Id}」にありません。", nameof(name));

    public string Label(string field) => Fields.FirstOrDefault(f => f.Name == field)?.Label ?? field;
}

/// <summary>The vocabularies and standard datasets, read once from the embedded <c>vocabularies.json</c>.</summary>
public static class Vocabularies
{
    public const string Facilities = "facilities";
    public const string Assets = "assets";
    public const string Populations = "populations";
    public const string Investments = "investments";
    public const string FiscalIndicators = "fiscal-indicators";
    public const string SimilarGroups = "similar-groups";
    public const string Inspections = "inspections";
    public const string Works = "works";

    private static readonly Lazy<(Dictionary<string, Vocabulary> Vocabularies, IReadOnlyList<StandardDataset> Datasets)> Loaded = new(Load);

    public static Vocabulary Get(string id) =>
        Loaded.Value.Vocabularies.TryGetValue(id, out var vocabulary) ? vocabulary : throw new ArgumentException($"語彙「{id}」はありません。", nameof(id));

    public static IReadOnlyList<StandardDataset> Datasets => Loaded.Value.Datasets;

    /// <summary>
    /// The standard dataset whose signature headers are all among <paramref name="headers"/> (compared as
    /// <see cref="HeaderKey"/>s); of several, the one with the largest signature. Null for any other layout.
    /// </summary>
    public static StandardDataset? Recognise(IEnumerable<string> headers)
    {
        var keys = headers.Select(HeaderKey.Of).ToHashSet(StringComparer.Ordinal);
        return Datasets.Where(d => d.Signature.All(s => keys.Contains(HeaderKey.Of(s)))).MaxBy(d => d.Signature.Count);
    }

    private static (Dictionary<string, Vocabulary>, IReadOnlyList<StandardDataset>) Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("tables/vocabularies.json")
            ?? throw new InvalidOperationException("埋め込みリソースがありません: vocabularies.json");
        var file = JsonSerializer.Deserialize<FileModel>(stream, JsonOptions) ?? throw new InvalidDataException("vocabularies.json を読めません。");
        var ignored = file.Ignored.Select(i => new KnownColumn(i.Label, i.Names)).ToList();
        var vocabularies = file.Vocabularies.ToDictionary(v => v.Key, v => new Vocabulary(
            v.Key,
            [.. v.Value.Fields.Select(f => new VocabularyField(f.Key, f.Value.Label, f.Value.Required, f.Value.Names))],
            [.. v.Value.Ignored.Select(i => new KnownColumn(i.Label, i.Names)), .. ignored],
            v.Value.Suffixes.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value),
            v.Value.NotBefore,
            v.Key == Facilities ? file.NameHints : new Dictionary<string, string>()));
        var datasets = file.Datasets.Select(d => new StandardDataset(d.Id, d.Name, d.Label, d.Signature, d.Kind, d.CodePrefix)).ToList();
        return (vocabularies, datasets);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed record FileModel(
        Dictionary<string, VocabularyModel> Vocabularies,
        List<IgnoredModel> Ignored,
        List<DatasetModel> Datasets,
        Dictionary<string, string> NameHints);

    private sealed record VocabularyModel(Dictionary<string, FieldModel> Fields)
    {
        public List<IgnoredModel> Ignored { get; init; } = [];

        public Dictionary<string, List<string>> Suffixes { get; init; } = [];

        public List<string> NotBefore { get; init; } = [];
    }

    private sealed record FieldModel(string Label, List<string> Names)
    {
        public bool Required { get; init; }
    }

    private sealed record IgnoredModel(string Label, List<string> Names);

    private sealed record DatasetModel(string Id, string Name, List<string> Signature, string Kind)
    {
        public string? Label { get; init; }

        [JsonPropertyName("codePrefix")]
        public string? CodePrefix { get; init; }
    }
}
