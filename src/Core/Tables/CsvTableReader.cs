using InfraLedger.Core.Common;

namespace InfraLedger.Core.Tables;

/// <summary>Reads a CSV (or tab-separated) text file as one table whose rows stream from the file.</summary>
internal static class CsvTableReader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary><paramref name="head"/> holds the first bytes of the file, already read from <paramref name="stream"/>.</summary>
    public static Result<IEnumerable<RawTable>> Read(Stream stream, byte[] head, int headLength, string fileName, ReadLimits limits)
    {
        var sample = head.AsSpan(0, headLength);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Errors.Utf16NotSupported(fileName);
        }

        if (LooksBinary(sample))
        {
            return Errors.NotATextFile(fileName);
        }

        var decoder = new LineDecoder(TextEncodings.Guess(sample, sample.StartsWith(Utf8Bom)));
        var delimiter = GuessDelimiter(sample);
        var maxLineBytes = (int)Math.Min(int.MaxValue, (long)limits.MaxLineChars * LineDecoder.MaxBytesPerChar);
        var lines = new ByteLines(stream, head, headLength, maxLineBytes, limits.MaxFileBytes);
        var records = CsvRecords.Read(lines, decoder, delimiter, limits.MaxLineChars).GetEnumerator();
        try
        {
            var (shape, rowsAfterHeader) = TableShape.Detect(records, []);
            if (shape is null)
            {
                return Errors.FileEmpty(fileName);
            }

            var rows = new StreamedRows(fileName, null, () => DataRows.Select(shape, rowsAfterHeader.Concat(Rest(records)), []), once: true);
            return Result<IEnumerable<RawTable>>.Ok([shape.ToTable(fileName, null, rows, rowsAfterHeader, [])]);
        }
        catch (ReadRefusalException refusal)
        {
            return refusal.Error;
        }
    }

    /// <summary>
    /// A NUL byte never occurs in UTF-8 or Shift_JIS text, and text has almost no other control bytes; an Excel
    /// or PDF file renamed to .csv has many of both.
    /// </summary>
    private static bool LooksBinary(ReadOnlySpan<byte> sample)
    {
        if (sample.Contains((byte)0))
        {
            return true;
        }

        var control = 0;
        foreach (var b in sample)
        {
            control += b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1A) ? 1 : 0;
        }

        return control * 100 > sample.Length;
    }

    /// <summary>
    /// Tab for Excel's 「テキスト（タブ区切り）」: some of the first lines have tabs and no commas and none has commas
    /// and no tabs (commas inside values do not count against it); otherwise comma.
    /// </summary>
    private static char GuessDelimiter(ReadOnlySpan<byte> sample)
    {
        var (tabOnly, commaOnly, moreTabs, lines) = (0, 0, 0, 0);
        foreach (var range in sample.Split((byte)'\n'))
        {
            var line = sample[range];
            var (tabs, commas) = (line.Count((byte)'\t'), line.Count((byte)','));
            tabOnly += tabs > 0 && commas == 0 ? 1 : 0;
            commaOnly += commas > 0 && tabs == 0 ? 1 : 0;
            moreTabs += Math.Sign(tabs - commas);
            if (++lines == 20)
            {
                break;
            }
        }

        return commaOnly == 0 && (tabOnly > 0 || moreTabs > 0) ? '\t' : ',';
    }

    private static IEnumerable<SheetRow> Rest(IEnumerator<SheetRow> records)
    {
        while (records.MoveNext())
        {
            yield return records.Current;
        }
    }
}
