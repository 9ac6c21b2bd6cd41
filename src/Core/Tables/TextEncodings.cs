using System.Text;
using System.Text.Unicode;

namespace InfraLedger.Core.Tables;

internal enum TextEncoding
{
    Undecided,
    Utf8,
    ShiftJis,
}

/// <summary>
/// The two encodings municipal CSVs come in (open-data.md §1.5: UTF-8 with BOM or CP932, both within one
/// municipality) and the first guess from a sample of the file.
/// </summary>
internal static class TextEncodings
{
    private const int MaxSplitBytes = 3;

    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>CP932, the Windows variant of Shift_JIS that Excel writes (it adds NEC and IBM extension characters).</summary>
    public static readonly Encoding StrictCp932 = CreateCp932(DecoderFallback.ExceptionFallback);

    public static readonly Encoding Cp932 = CreateCp932(DecoderFallback.ReplacementFallback);

    public static string Name(TextEncoding encoding) => encoding == TextEncoding.ShiftJis ? "Shift_JIS" : "UTF-8";

    /// <summary>
    /// UTF-8 when there is a BOM or the sample is valid UTF-8 with non-ASCII text (CP932 Japanese is practically never
    /// valid UTF-8); Shift_JIS when every non-ASCII line of the sample is invalid UTF-8. Otherwise (ASCII only, or the
    /// sample already mixes both) the first non-ASCII line decides, so the line that differs from it is the one named.
    /// </summary>
    public static TextEncoding Guess(ReadOnlySpan<byte> sample, bool hasBom)
    {
        if (hasBom)
        {
            return TextEncoding.Utf8;
        }

        // Cut at the last line break (or drop a possibly split last character) so a character cut in half by the
        // sample's end does not make valid UTF-8 look invalid.
        var lastLf = sample.LastIndexOf((byte)'\n');
        var whole = lastLf >= 0 ? sample[..lastLf] : sample[..Math.Max(0, sample.Length - MaxSplitBytes)];
        if (Ascii.IsValid(whole))
        {
            return TextEncoding.Undecided;
        }

        if (Utf8.IsValid(whole))
        {
            return TextEncoding.Utf8;
        }

        foreach (var range in whole.Split((byte)'\n'))
        {
            var line = whole[range];
            if (!Ascii.IsValid(line) && Utf8.IsValid(line))
            {
                return TextEncoding.Undecided;
            }
        }

        return TextEncoding.ShiftJis;
    }

    public static bool IsCp932(ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictCp932.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Valid UTF-8 with at least one 3-byte sequence, which is how Japanese text looks in UTF-8.</summary>
    public static bool LooksUtf8Japanese(ReadOnlySpan<byte> bytes)
    {
        if (!Utf8.IsValid(bytes))
        {
            return false;
        }

        foreach (var b in bytes)
        {
            if ((b & 0xF0) == 0xE0)
            {
                return true;
            }
        }

        return false;
    }

    private static Encoding CreateCp932(DecoderFallback fallback)
    {
        // The code-page provider ships with .NET but must be registered before code page 932 can be used.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, fallback);
    }
}
