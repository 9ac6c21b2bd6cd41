using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace InfraLedger.Web.Pages.Reports.Open311;

/// <summary>
/// An Open311 response built once and written as XML or JSON by the "Spark convention" (open311.md §3): a list is
/// <c>&lt;services&gt;&lt;service&gt;…</c> in XML and a bare array in JSON; an object is an element or a JSON object.
/// Null fields are left out of both. Codes and ids are always strings (no leading-zero numbers, §12).
/// </summary>
public abstract record Open311Node
{
    public static Open311Obj Obj(params (string Name, object? Value)[] fields) => new([.. fields]);

    public static Open311List List(string name, string item, IEnumerable<object?> items) => new(name, item, [.. items]);

    /// <summary>A field that is always written, as JSON <c>null</c> or an empty XML element, when it has no value (ADR 0014).</summary>
    public static object Always(object? value) => value ?? Open311Null.Value;
}

/// <summary>An explicit null: JSON <c>null</c>, an empty element in XML.</summary>
public sealed record Open311Null : Open311Node
{
    public static readonly Open311Null Value = new();
}

/// <summary>An object: fields in the order of the specification.</summary>
public sealed record Open311Obj(List<(string Name, object? Value)> Fields) : Open311Node
{
    public Open311Obj Add(string name, object? value)
    {
        Fields.Add((name, value));
        return this;
    }
}

/// <summary>A list: <paramref name="Name"/> wraps items named <paramref name="Item"/> in XML; an array in JSON.</summary>
public sealed record Open311List(string Name, string Item, List<object?> Items) : Open311Node;

public static class Open311Document
{
    public const string Xml = "text/xml; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";

    // Japanese as it is, but <, >, &, ' and " escaped: report text can never be read as markup by a careless client.
    private static readonly System.Text.Encodings.Web.JavaScriptEncoder HtmlSafeJson =
        System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static byte[] Write(string rootName, Open311Node root, bool json) => json ? WriteJson(root) : WriteXml(rootName, root);

    private static byte[] WriteXml(string rootName, Open311Node root)
    {
        using var stream = new MemoryStream();
        // The declaration is written by hand: XmlWriter spells the encoding "utf-8"; the specification's examples and
        // validators expect "UTF-8".
        stream.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"u8);
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = new UTF8Encoding(false), Indent = false }))
        {
            WriteXmlElement(writer, root is Open311List list ? list.Name : rootName, root);
        }

        return stream.ToArray();
    }

    private static void WriteXmlElement(XmlWriter writer, string name, object? value)
    {
        if (value is null)
        {
            return;
        }

        // Names that are not XML names (an attribute code such as "1st") are encoded as XmlConvert does (_x0031_st).
        writer.WriteStartElement(XmlConvert.EncodeLocalName(name));
        switch (value)
        {
            case Open311Null:
                break;
            case Open311Obj obj:
                foreach (var (field, v) in obj.Fields)
                {
                    WriteXmlElement(writer, field, v);
                }

                break;
            case Open311List list:
                foreach (var item in list.Items)
                {
                    WriteXmlElement(writer, list.Item, item);
                }

                break;
            default:
                writer.WriteString(Text(value));
                break;
        }

        writer.WriteEndElement();
    }

    private static byte[] WriteJson(Open311Node root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = HtmlSafeJson }))
        {
            WriteJsonValue(writer, root);
        }

        return stream.ToArray();
    }

    private static void WriteJsonValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null or Open311Null:
                writer.WriteNullValue();
                break;
            case Open311Obj obj:
                writer.WriteStartObject();
                foreach (var (field, v) in obj.Fields.Where(f => f.Value is not null))
                {
                    writer.WritePropertyName(field);
                    WriteJsonValue(writer, v);
                }

                writer.WriteEndObject();
                break;
            case Open311List list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJsonValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            default:
                writer.WriteStringValue(Text(value));
                break;
        }
    }

    private static string Text(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
