using System.Text;

namespace InfraLedger.Core.Register;

/// <summary>
/// The natural order of codes and numbers (FH-2 before FH-10, 10023-2 before 10023-10): the sort key stored beside
/// 施設コード and 資産番号 in an indexed column. Each run of digits loses its leading zeros and is padded to
/// <see cref="Digits"/>, so that comparing keys as text compares the numbers; the code itself breaks ties
/// (FH-02 and FH-2). Full-width digits count as digits (NFKC). Pure.
/// </summary>
public static class NaturalOrder
{
    public const int Digits = 12;

    public static string Key(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "";
        }

        var text = code.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(text.Length + Digits);
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                key.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var digits = text[start..i].TrimStart('0');
            // A number longer than the padding keeps its length in front, so it still sorts after the shorter ones.
            key.Append(digits.Length <= Digits ? digits.PadLeft(Digits, '0') : new string('9', Digits) + digits.Length.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + digits);
        }

        return key.ToString();
    }
}
