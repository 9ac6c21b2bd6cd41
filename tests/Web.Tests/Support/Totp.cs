using System.Buffers.Binary;
using System.Security.Cryptography;

namespace InfraLedger.Web.Tests.Support;

/// <summary>
/// The tests' own TOTP (RFC 6238, over HOTP of RFC 4226), written from the RFCs and pinned to RFC 6238 appendix B's test
/// vectors (TotpTests), so that the sign-in tests do not check the application's codes with the application's code.
/// </summary>
public static class Totp
{
    public static string Code(byte[] key, long unixSeconds, int digits = 6, string algorithm = "SHA1", int step = 30)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, unixSeconds / step);
        var hash = algorithm switch
        {
#pragma warning disable CA5350 // RFC 6238's default, and what authenticator apps use: not our choice to make here.
            "SHA1" => HMACSHA1.HashData(key, counter),
#pragma warning restore CA5350
            "SHA256" => HMACSHA256.HashData(key, counter),
            "SHA512" => HMACSHA512.HashData(key, counter),
            _ => throw new ArgumentException(algorithm),
        };
        // RFC 4226 §5.3, dynamic truncation.
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulo = (int)Math.Pow(10, digits);
        return (binary % modulo).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>The current 6-digit code of an authenticator key as shown to people (RFC 4648 base32, any case, spaces allowed).</summary>
    public static string Now(string base32Key) => Code(Base32(base32Key), DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    /// <summary>RFC 4648 §6 base32 decoding, ignoring spaces and padding.</summary>
    public static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            var value = alphabet.IndexOf(c);
            if (value < 0)
            {
                throw new FormatException($"not base32: {c}");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
