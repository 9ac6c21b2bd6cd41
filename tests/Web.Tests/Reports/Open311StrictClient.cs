using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using System.Xml.Linq;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>
/// A strict Open311 client, as typed clients of real servers read us (issue 22 item 6): every key a model marks
/// <c>required</c> must be there (a nullable one may be null), and every value must have its type — a string where a
/// string is expected, an object of code → value for <c>attributes</c>, a list of <c>{datetime, type, summary}</c> for
/// <c>notes</c>. JSON goes through System.Text.Json with required members and nullable annotations respected; XML
/// through the same models by reflection (an element per key, an empty element for null, list items as children).
/// </summary>
public static class Open311StrictClient
{
    public sealed record Discovery(
        [property: JsonPropertyName("changeset")] string Changeset, [property: JsonPropertyName("contact")] string Contact,
        [property: JsonPropertyName("key_service")] string KeyService, [property: JsonPropertyName("endpoints")] List<Endpoint> Endpoints);

    public sealed record Endpoint(
        [property: JsonPropertyName("specification")] string Specification, [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("changeset")] string Changeset, [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("formats")] List<string> Formats);

    public sealed record Service(
        [property: JsonPropertyName("service_code")] string ServiceCode, [property: JsonPropertyName("service_name")] string ServiceName,
        [property: JsonPropertyName("metadata")] bool Metadata, [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("group")] string Group);

    public sealed record Definition(
        [property: JsonPropertyName("service_code")] string ServiceCode, [property: JsonPropertyName("attributes")] List<Question> Attributes);

    public sealed record Question(
        [property: JsonPropertyName("variable")] bool Variable, [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("datatype")] string Datatype, [property: JsonPropertyName("required")] bool Required,
        [property: JsonPropertyName("order")] int Order, [property: JsonPropertyName("description")] string Description);

    /// <summary>A realtime service answers with the id, a batch one with a token: each key is there only for its kind.</summary>
    public sealed record Posted([property: JsonPropertyName("service_notice")] string ServiceNotice)
    {
        [JsonPropertyName("service_request_id")]
        public string? ServiceRequestId { get; init; }

        [JsonPropertyName("token")]
        public string? Token { get; init; }
    }

    public sealed record TokenAnswer(
        [property: JsonPropertyName("service_request_id")] string ServiceRequestId, [property: JsonPropertyName("token")] string Token);

    /// <summary>A request as a client of the extensions reads it (<c>extensions=true</c>).</summary>
    public sealed record Request(
        [property: JsonPropertyName("service_request_id")] string ServiceRequestId, [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("service_name")] string ServiceName, [property: JsonPropertyName("service_code")] string ServiceCode,
        [property: JsonPropertyName("agency_responsible")] string AgencyResponsible,
        [property: JsonPropertyName("requested_datetime")] string RequestedDatetime, [property: JsonPropertyName("updated_datetime")] string UpdatedDatetime,
        [property: JsonPropertyName("address")] string? Address,
        [property: JsonPropertyName("detailed_status")] string DetailedStatus,
        [property: JsonPropertyName("attributes")] Dictionary<string, string> Attributes, [property: JsonPropertyName("notes")] List<Note> Notes)
    {
        [JsonPropertyName("description")]
        public string? Description { get; init; }

        /// <summary>Only when the report has a pin (address-only reports have none).</summary>
        [JsonPropertyName("lat")]
        public double? Latitude { get; init; }

        [JsonPropertyName("long")]
        public double? Longitude { get; init; }
    }

    public sealed record Note(
        [property: JsonPropertyName("datetime")] string Datetime, [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("summary")] string Summary);

    public sealed record Update(
        [property: JsonPropertyName("update_id")] string UpdateId, [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
        [property: JsonPropertyName("status")] string Status, [property: JsonPropertyName("updated_datetime")] string UpdatedDatetime);

    public sealed record ErrorItem([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("description")] string Description);

    private static readonly JsonSerializerOptions Strict = new()
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Reads a response body as <typeparamref name="T"/>, failing on a missing key or a value of the wrong type.</summary>
    public static T Read<T>(string body, string format) =>
        format == "json" ? JsonSerializer.Deserialize<T>(body, Strict)! : (T)FromXml(typeof(T), XDocument.Parse(body).Root!)!;

    private static object? FromXml(Type type, XElement element)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (element.IsEmpty && !element.HasAttributes && (nullable is not null || !type.IsValueType) && type != typeof(string) && !IsList(type) && !IsMap(type))
        {
            return null;
        }

        if (IsList(type))
        {
            var item = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(type)!;
            foreach (var child in element.Elements())
            {
                list.Add(FromXml(item, child));
            }

            return list;
        }

        if (IsMap(type))
        {
            // code → value: one element per code, its name encoded as XmlConvert does when the code is not an XML name.
            return element.Elements().ToDictionary(e => XmlConvert.DecodeName(e.Name.LocalName), e => e.HasElements
                ? throw new FormatException($"<{element.Name}> の <{e.Name}> は値ではありません。") : e.Value);
        }

        var target = nullable ?? type;
        if (target == typeof(string))
        {
            return element.HasElements ? throw new FormatException($"<{element.Name}> は文字列ではありません。") : element.IsEmpty ? null : element.Value;
        }

        if (target == typeof(bool))
        {
            return element.Value switch { "true" => true, "false" => false, var v => throw new FormatException($"<{element.Name}>「{v}」は真偽値ではありません。") };
        }

        if (target == typeof(int))
        {
            return int.Parse(element.Value, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (target == typeof(double))
        {
            return double.Parse(element.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        var constructor = target.GetConstructors().Single();
        var arguments = constructor.GetParameters().Select(p =>
        {
            var name = target.GetProperty(p.Name!)!.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;
            var child = element.Element(name) ?? throw new FormatException($"<{element.Name}> に <{name}> がありません。");
            var value = FromXml(p.ParameterType, child);
            return value is null && p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null
                ? throw new FormatException($"<{name}> が空です。") : value;
        }).ToArray();
        var instance = constructor.Invoke(arguments);
        foreach (var property in target.GetProperties().Where(p => p.SetMethod is not null && constructor.GetParameters().All(c => c.Name != p.Name)))
        {
            if (element.Element(property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name) is { } optional)
            {
                property.SetValue(instance, FromXml(property.PropertyType, optional));
            }
        }

        return instance;
    }

    private static bool IsList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>);

    private static bool IsMap(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>);
}
