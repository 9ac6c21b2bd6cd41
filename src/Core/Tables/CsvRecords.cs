using System.Text;

namespace InfraLedger.Core.Tables;

/// <summary>
/// RFC 4180 records from decoded lines: fields quoted with double quotes may hold delimiters, doubled quotes and
/// line breaks. Lenient where real files are sloppy (a quote inside an unquoted field is kept as text), strict
/// where leniency would swallow the file (a quote left open is refused at the line where it was opened).
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<SheetRow> Read(ByteLines lines, LineDecoder decoder, char delimiter, int maxRecordChars)
    {
        var fields = new List<string?>();
        var field = new StringBuilder();
        while (lines.TryRead(out var bytes))
        {
            var start = lines.LineNumber;
            var text = decoder.Decode(bytes, start);
            var quoted = false;
            var recordChars = 0;
            while (true)
            {
                recordChars += text.Length;
                if (recordChars > maxRecordChars)
                {
                    throw new ReadRefusalException(Errors.LineTooLong(start, maxRecordChars), start);
                }

                quoted = ParseLine(text, delimiter, quoted, fields, field);
                if (!quoted)
                {
                    break;
                }

                if (!lines.TryRead(out var next))
                {
                    throw new ReadRefusalException(Errors.UnclosedQuote(start), start);
                }

                field.Append('\n');
                text = decoder.Decode(next, lines.LineNumber);
            }

            fields.Add(field.Length == 0 ? null : field.ToString());
            field.Clear();
            yield return new SheetRow(start, [.. fields]);
            fields.Clear();
        }
    }

    /// <summary>Parses one physical line into <paramref name="fields"/>; returns true when it ends inside quotes.</summary>
    private static bool ParseLine(string text, char delimiter, bool quoted, List<string?> fields, StringBuilder field)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == delimiter)
            {
                fields.Add(field.Length == 0 ? null : field.ToString());
                field.Clear();
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else
            {
                field.Append(c);
            }
        }

        return quoted;
    }
}
