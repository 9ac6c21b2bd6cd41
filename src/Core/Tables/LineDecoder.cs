using System.Text;
using System.Text.Unicode;

namespace InfraLedger.Core.Tables;

/// <summary>
/// Decodes each physical line with the file's encoding and keeps checking it: a line that only decodes in the
/// other encoding means the file was pasted together from two sources, and it is refused naming that line rather
/// than imported as mojibake.
/// </summary>
internal sealed class LineDecoder(TextEncoding guess)
{
    /// <summary>A UTF-16 code unit takes at most 3 bytes in UTF-8 and 2 in CP932, so chars ≥ bytes / 3.</summary>
    public const int MaxBytesPerChar = 3;

    public TextEncoding Encoding { get; private set; } = guess;

    public string Decode(ReadOnlySpan<byte> bytes, int lineNumber)
    {
        if (bytes.Contains((byte)0))
        {
            throw new ReadRefusalException(Errors.NulInLine(lineNumber), lineNumber);
        }

        if (Ascii.IsValid(bytes))
        {
            return System.Text.Encoding.ASCII.GetString(bytes);
        }

        if (Encoding == TextEncoding.Undecided)
        {
            Encoding = Utf8.IsValid(bytes) ? TextEncoding.Utf8 : TextEncoding.ShiftJis;
        }

        return Encoding == TextEncoding.Utf8 ? DecodeUtf8(bytes, lineNumber) : DecodeCp932(bytes, lineNumber);
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, int lineNumber)
    {
        if (Utf8.IsValid(bytes))
        {
            return TextEncodings.StrictUtf8.GetString(bytes);
        }

        throw new ReadRefusalException(
            TextEncodings.IsCp932(bytes)
                ? Errors.MixedEncoding(lineNumber, TextEncodings.Name(TextEncoding.Utf8), TextEncodings.Name(TextEncoding.ShiftJis))
                : Errors.UndecodableLine(lineNumber, TextEncodings.Name(TextEncoding.Utf8)),
            lineNumber);
    }

    private static string DecodeCp932(ReadOnlySpan<byte> bytes, int lineNumber)
    {
        if (TextEncodings.LooksUtf8Japanese(bytes))
        {
            throw new ReadRefusalException(
                Errors.MixedEncoding(lineNumber, TextEncodings.Name(TextEncoding.ShiftJis), TextEncodings.Name(TextEncoding.Utf8)),
                lineNumber);
        }

        try
        {
            return TextEncodings.StrictCp932.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ReadRefusalException(Errors.UndecodableLine(lineNumber, TextEncodings.Name(TextEncoding.ShiftJis)), lineNumber);
        }
    }
}
