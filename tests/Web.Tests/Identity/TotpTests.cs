using System.Text;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Identity;

/// <summary>The tests' own TOTP (Support/Totp.cs), pinned to the test vectors of RFC 6238, appendix B (8 digits).</summary>
public sealed class TotpTests
{
    // RFC 6238 appendix B: the seeds are the ASCII digits "1234567890" repeated to 20, 32 and 64 bytes.
    private static byte[] Seed(int length) => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1234567890", 7))[..length]);

    [Theory]
    [InlineData(59L, "94287082", "SHA1")]
    [InlineData(59L, "46119246", "SHA256")]
    [InlineData(59L, "90693936", "SHA512")]
    [InlineData(1111111109L, "07081804", "SHA1")]
    [InlineData(1111111109L, "68084774", "SHA256")]
    [InlineData(1111111109L, "25091201", "SHA512")]
    [InlineData(1111111111L, "14050471", "SHA1")]
    [InlineData(1111111111L, "67062674", "SHA256")]
    [InlineData(1111111111L, "99943326", "SHA512")]
    [InlineData(1234567890L, "89005924", "SHA1")]
    [InlineData(1234567890L, "91819424", "SHA256")]
    [InlineData(1234567890L, "93441116", "SHA512")]
    [InlineData(2000000000L, "69279037", "SHA1")]
    [InlineData(2000000000L, "90698825", "SHA256")]
    [InlineData(2000000000L, "38618901", "SHA512")]
    [InlineData(20000000000L, "65353130", "SHA1")]
    [InlineData(20000000000L, "77737706", "SHA256")]
    [InlineData(20000000000L, "47863826", "SHA512")]
    public void matches_rfc_6238_appendix_b(long unixSeconds, string expected, string algorithm)
    {
        var seed = Seed(algorithm switch { "SHA1" => 20, "SHA256" => 32, _ => 64 });

        Totp.Code(seed, unixSeconds, digits: 8, algorithm: algorithm).ShouldBe(expected);
    }

    [Fact]
    public void base32_decodes_rfc_4648_examples_in_any_case_with_spaces()
    {
        // RFC 4648 §10: BASE32("foobar") = "MZXW6YTBOI======".
        Encoding.ASCII.GetString(Totp.Base32("MZXW6YTBOI======")).ShouldBe("foobar");
        Encoding.ASCII.GetString(Totp.Base32("mzxw 6ytb oi")).ShouldBe("foobar");
    }
}
