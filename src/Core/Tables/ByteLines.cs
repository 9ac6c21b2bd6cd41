namespace InfraLedger.Core.Tables;

/// <summary>
/// Splits a byte stream into physical lines at LF without decoding it first: LF (0x0A) never occurs inside a
/// UTF-8 or Shift_JIS character, so the encoding can be checked line by line. A line longer than the limit is
/// refused as soon as the limit is passed, so a 200 MB file without line breaks costs only the limit in memory.
/// </summary>
internal sealed class ByteLines(Stream stream, byte[] head, int headLength, int maxLineBytes, long maxFileBytes)
{
    private const int ChunkSize = 64 * 1024;

    private byte[] buffer = head;
    private int position = head.AsSpan(0, headLength).StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
    private int length = headLength;
    private long bytesRead = headLength;
    private byte[] line = new byte[256];
    private bool ended;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The 1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Returns the next line without its CR LF, valid until the next call; false at the end of the file.</summary>
    public bool TryRead(out ReadOnlySpan<byte> text)
    {
        var count = 0;
        var sawAny = false;
        while (true)
        {
            if (position == length && !Fill())
            {
                // The last line may lack its LF; a file ending in LF has no extra empty line.
                LineNumber += sawAny ? 1 : 0;
                text = line.AsSpan(0, TrimCr(count));
                return sawAny;
            }

            sawAny = true;
            var available = buffer.AsSpan(position, length - position);
            var lf = available.IndexOf((byte)'\n');
            var take = lf < 0 ? available.Length : lf;
            Append(available[..take], ref count);
            position += lf < 0 ? take : take + 1;
            if (lf >= 0)
            {
                LineNumber++;
                text = line.AsSpan(0, TrimCr(count));
                return true;
            }
        }
    }

    private void Append(ReadOnlySpan<byte> part, ref int count)
    {
        if (count + part.Length > maxLineBytes)
        {
            throw new ReadRefusalException(Errors.LineTooLong(LineNumber + 1, maxLineBytes / LineDecoder.MaxBytesPerChar), LineNumber + 1);
        }

        if (count + part.Length > line.Length)
        {
            Array.Resize(ref line, Math.Min(maxLineBytes, Math.Max(line.Length * 2, count + part.Length)));
        }

        part.CopyTo(line.AsSpan(count));
        count += part.Length;
    }

    private int TrimCr(int count) => count > 0 && line[count - 1] == (byte)'\r' ? count - 1 : count;

    private bool Fill()
    {
        if (ended)
        {
            return false;
        }

        if (buffer.Length < ChunkSize)
        {
            buffer = new byte[ChunkSize];
        }

        length = stream.Read(buffer, 0, buffer.Length);
        position = 0;
        bytesRead += length;
        if (bytesRead > maxFileBytes)
        {
            throw new ReadRefusalException(Errors.FileTooLarge(maxFileBytes), LineNumber + 1);
        }

        ended = length == 0;
        return !ended;
    }
}
