using System.Text.Encodings.Web;
using System.Text.Json;
using InfraLedger.Core.Register.Export;

namespace InfraLedger.Core.OpenData;

/// <summary>A table as a JSON array of objects keyed by the CSV headers: numbers as numbers, blanks as null (not 0).</summary>
public static class JsonExport
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync<T>(IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, Stream output, CancellationToken ct)
    {
        await using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartArray();
        await foreach (var row in rows.WithCancellation(ct))
        {
            writer.WriteStartObject();
            foreach (var column in columns)
            {
                if (column.Number is { } number)
                {
                    if (number(row) is { } n)
                    {
                        writer.WriteNumber(column.Header, n);
                    }
                    else
                    {
                        writer.WriteNull(column.Header);
                    }
                }
                else
                {
                    writer.WriteString(column.Header, column.Text!(row) is { Length: > 0 } text ? text : null);
                }
            }

            writer.WriteEndObject();
            if (writer.BytesPending > 65536)
            {
                await writer.FlushAsync(ct);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(ct);
    }
}
