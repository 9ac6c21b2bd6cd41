using System.Diagnostics.CodeAnalysis;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Tenancy;

/// <summary>
/// The 6-digit 全国地方公共団体コード (JIS X 0401 prefecture + JIS X 0402 municipality + 検査数字).
/// Stored as its 6-character string: leading zeros are significant (011002 札幌市).
/// </summary>
public readonly record struct LocalGovernmentCode
{
    private LocalGovernmentCode(string value) => Value = value;

    /// <summary>The six ASCII digits, e.g. "222127".</summary>
    public string Value { get; }

    /// <summary>The 5-digit JIS X 0402 form (check digit dropped), used by 国土数値情報.</summary>
    public string FiveDigit => Value[..5];

    /// <summary>The 2-digit JIS X 0401 prefecture code.</summary>
    public string PrefectureNumber => Value[..2];

    public bool IsPrefecture => Value.AsSpan(2, 3).SequenceEqual("000");

    /// <summary>The 6-digit code of the prefecture this code belongs to (itself for a prefecture).</summary>
    public LocalGovernmentCode Prefecture => FromFiveDigit(PrefectureNumber + "000");

    public override string ToString() => Value;

    /// <summary>
    /// 検査数字 as 総務省 defines it: weights 6,5,4,3,2 on digits 1–5, remainder mod 11, the last digit of
    /// (11 − remainder). So remainder 0 gives 1 and remainder 1 gives 0.
    /// </summary>
    public static int CheckDigit(ReadOnlySpan<char> fiveDigits)
    {
        if (fiveDigits.Length != 5 || !IsAsciiDigits(fiveDigits))
        {
            throw new ArgumentException("5桁の半角数字が必要です。", nameof(fiveDigits));
        }

        var sum = 0;
        for (var i = 0; i < 5; i++)
        {
            sum += (fiveDigits[i] - '0') * (6 - i);
        }

        return (11 - (sum % 11)) % 10;
    }

    /// <summary>Builds the full code from the 5-digit form by appending its check digit.</summary>
    public static LocalGovernmentCode FromFiveDigit(string fiveDigits) =>
        new(fiveDigits + CheckDigit(fiveDigits).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Parses a 6-digit code; a refusal says what is wrong and, for a wrong check digit, which one was expected.</summary>
    public static Result<LocalGovernmentCode> Parse(string? text)
    {
        var input = text?.Trim() ?? "";
        if (input.Length == 0)
        {
            return Errors.CodeMissing;
        }

        if (input.Any(c => c is >= '０' and <= '９'))
        {
            return Errors.CodeFullWidth(input);
        }

        if (input.Length != 6 || !IsAsciiDigits(input))
        {
            return Errors.CodeFormat(input);
        }

        var expected = CheckDigit(input.AsSpan(0, 5));
        if (input[5] - '0' != expected)
        {
            return Errors.CodeCheckDigit(input, expected);
        }

        return new LocalGovernmentCode(input);
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out LocalGovernmentCode? code)
    {
        var result = Parse(text);
        code = result.IsSuccess ? result.Value : null;
        return result.IsSuccess;
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
