using System.Globalization;
using System.Text;

namespace InfraLedger.Core.Register.Export;

/// <summary>The character encoding of a CSV download (open-data.md §2.3: UTF-8 with a BOM for Excel, optionally CP932).</summary>
public enum CsvEncoding
{
    /// <summary>UTF-8 without a BOM: for programs (the CLI, machine-readable downloads that document it).</summary>
    Utf8 = 0,

    /// <summary>UTF-8 with a BOM: Excel on Windows reads UTF-8 only with it, and shows mojibake without.</summary>
    Utf8Bom = 1,

    /// <summary>CP932 (Shift_JIS as Windows writes it), for older Excel and systems that read nothing else.</summary>
    ShiftJis = 2,
}

/// <summary>RFC 4180 CSV, CRLF line ends, in UTF-8 (with a BOM when asked) or CP932.</summary>
public static class CsvExport
{
    /// <summary>
    /// CP932 has no code for some characters (emoji, 𠮷 and other characters outside JIS X 0208 and its extensions):
    /// they become 〓 (the 下駄記号 Japanese documents use for a character that cannot be printed), never a wrong character.
    /// </summary>
    private static readonly Lazy<Encoding> Cp932 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, new EncoderReplacementFallback("〓"), DecoderFallback.ReplacementFallback);
    });

    public static Task WriteAsync<T>(IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, Stream output, bool bom, CancellationToken ct) =>
        WriteAsync(rows, columns, output, bom ? CsvEncoding.Utf8Bom : CsvEncoding.Utf8, ct);

    public static async Task WriteAsync<T>(IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, Stream output, CsvEncoding encoding, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, Of(encoding), bufferSize: 65536, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', columns.Select(c => Quote(c.Header))));
        var line = new StringBuilder();
        var shiftJis = encoding == CsvEncoding.ShiftJis;
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

            if (shiftJis)
            {
                // A character outside the BMP is two UTF-16 units; CP932 has none of them, and it is one 〓, not two.
                OneMarkPerCharacter(line);
            }

            await writer.WriteLineAsync(line, ct);
        }
    }

    private static void OneMarkPerCharacter(StringBuilder line)
    {
        for (var i = line.Length - 2; i >= 0; i--)
        {
            if (char.IsSurrogatePair(line[i], line[i + 1]))
            {
                line.Remove(i, 2).Insert(i, '〓');
            }
        }
    }

    /// <summary>The charset of the Content-Type header.</summary>
    public static string Charset(CsvEncoding encoding) => encoding == CsvEncoding.ShiftJis ? "shift_jis" : "utf-8";

    private static Encoding Of(CsvEncoding encoding) => encoding switch
    {
        CsvEncoding.ShiftJis => Cp932.Value,
        CsvEncoding.Utf8Bom => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    private static string Cell<T>(ExportColumn<T> column, T row) =>
        column.Number is { } number
            ? number(row)?.ToString(CultureInfo.InvariantCulture) ?? ""
            : Quote(SafeCell.Text(column.Text!(row)) ?? "");

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
