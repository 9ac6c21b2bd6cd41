using System.Globalization;
using System.Text;

namespace InfraLedger.Core.Register.Export;

/// <summary>RFC 4180 CSV, UTF-8 (with a BOM when asked: Excel on Windows needs it to read UTF-8), CRLF line ends.</summary>
public static class CsvExport
{
    public static async Task WriteAsync<T>(IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, Stream output, bool bom, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(bom), bufferSize: 65536, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', columns.Select(c => Quote(c.Header))));
        var line = new StringBuilder();
        await foreach (var row in rows.WithCancellation(ct))
        {
            line.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                line.Append(Cell(columns[i], row));
            }

            await writer.WriteLineAsync(line, ct);
        }
    }

    private static string Cell<T>(ExportColumn<T> column, T row) =>
        column.Number is { } number
            ? number(row)?.ToString(CultureInfo.InvariantCulture) ?? ""
            : Quote(SafeCell.Text(column.Text!(row)) ?? "");

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
