using System.Text.Json;

namespace InfraLedger.Core.Reports;

/// <summary>
/// An extra question of a service (Open311 service definition attribute): 損傷の種類, 危険度… <see cref="Datatype"/>
/// is one of the six of the specification.
/// </summary>
public sealed record ServiceQuestion(
    string Code,
    string Datatype,
    string Description,
    bool Required,
    int Order,
    bool Variable = true,
    string? DatatypeDescription = null,
    IReadOnlyList<ServiceQuestion.Value>? Values = null)
{
    public static readonly IReadOnlyList<string> Datatypes = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsList => Datatype is "singlevaluelist" or "multivaluelist";

    public static IReadOnlyList<ServiceQuestion> Parse(string json) =>
        JsonSerializer.Deserialize<List<ServiceQuestion>>(json, Json) ?? [];

    public static string Serialize(IEnumerable<ServiceQuestion> attributes) =>
        JsonSerializer.Serialize(attributes.OrderBy(a => a.Order).ToList(), Json);

    /// <summary>An option of a list attribute: <c>key</c> is sent, <c>name</c> is shown.</summary>
    public sealed record Value(string Key, string Name);
}
