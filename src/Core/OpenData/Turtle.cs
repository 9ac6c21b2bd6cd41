using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InfraLedger.Core.OpenData;

/// <summary>
/// The DCAT catalogue in Turtle: the triples of <see cref="Dcat"/>'s JSON-LD (its subset: a prefix context, <c>@graph</c>,
/// <c>@id</c>, <c>@type</c>, <c>@value</c> with <c>@language</c> or <c>@type</c>, nested nodes, lists as repeated
/// values), written in the N-Triples form of Turtle (full IRIs, one statement a line), grouped by subject.
/// </summary>
public static class Turtle
{
    public const string MediaType = "text/turtle";

    private const string RdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";

    /// <summary>A statement; each term as N-Triples writes it (<c>&lt;iri&gt;</c>, <c>_:b1</c>, <c>"text"@ja</c>).</summary>
    public sealed record Triple(string Subject, string Predicate, string Value);

    public static IReadOnlyList<Triple> Triples(JsonObject document)
    {
        var context = (document["@context"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
        var triples = new List<Triple>();
        var blank = 0;
        IEnumerable<JsonObject> roots = document["@graph"] is JsonArray graph ? graph.OfType<JsonObject>() : [document];
        foreach (var root in roots)
        {
            Node(root);
        }

        return triples;

        string Node(JsonObject node)
        {
            var subject = node["@id"] is JsonValue id ? Iri(id.GetValue<string>()) : $"_:b{++blank}";
            foreach (var (key, value) in node)
            {
                if (key is "@context" or "@id" || value is null)
                {
                    continue;
                }

                var predicate = key == "@type" ? RdfType : Iri(key);
                foreach (var item in value is JsonArray list ? list.OfType<JsonNode>() : [value])
                {
                    triples.Add(new Triple(subject, predicate, key == "@type" ? Iri(item.GetValue<string>()) : Term(item)));
                }
            }

            return subject;
        }

        string Term(JsonNode value) => value switch
        {
            JsonObject { } o when o.ContainsKey("@value") => Literal(o["@value"]!.ToString())
                + (o["@language"] is JsonValue language ? "@" + language.GetValue<string>() : o["@type"] is JsonValue type ? "^^" + Iri(type.GetValue<string>()) : ""),
            JsonObject { Count: 1 } o when o["@id"] is JsonValue id => Iri(id.GetValue<string>()),
            JsonObject o => Node(o),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => Literal(v.ToJsonString()) + "^^<http://www.w3.org/2001/XMLSchema#integer>",
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => Literal(v.ToJsonString()) + "^^<http://www.w3.org/2001/XMLSchema#boolean>",
            _ => Literal(value.GetValue<string>()),
        };

        string Iri(string term)
        {
            var colon = term.IndexOf(':', StringComparison.Ordinal);
            var expanded = colon > 0 && context.TryGetValue(term[..colon], out var prefix) ? prefix + term[(colon + 1)..] : term;
            return "<" + expanded.Replace(">", "%3E", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal) + ">";
        }
    }

    /// <summary>The document as Turtle text.</summary>
    public static string Write(JsonObject document)
    {
        var text = new StringBuilder();
        foreach (var subject in Triples(document).GroupBy(t => t.Subject))
        {
            foreach (var t in subject)
            {
                text.Append(t.Subject).Append(' ').Append(t.Predicate).Append(' ').Append(t.Value).Append(" .\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Literal(string text)
    {
        var escaped = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => escaped.Append("\\\\"),
                '"' => escaped.Append("\\\""),
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                _ when char.IsControl(c) => escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => escaped.Append(c),
            };
        }

        return escaped.Append('"').ToString();
    }
}
