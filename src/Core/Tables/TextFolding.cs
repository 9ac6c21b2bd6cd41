using System.Text;

namespace InfraLedger.Core.Tables;

/// <summary>
/// Normalisation of free text (names, addresses, notes): full-width ASCII letters and digits become half-width
/// and half-width katakana full-width, as the machine-readability rules ask, but Japanese punctuation such as
/// （）「」・ is kept as published (NFKC, right for numbers and codes, would turn （） into ()).
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        if (IsFolded(text))
        {
            return text; // most cells: nothing to fold or trim, and no copy made
        }

        var sb = new StringBuilder(text.Length);
        var halfWidthKana = new StringBuilder();
        foreach (var c in text.Trim().Trim('\u3000').Trim())
        {
            if (c is >= '\uFF61' and <= '\uFF9F')
            {
                halfWidthKana.Append(c);
                continue;
            }

            Flush(sb, halfWidthKana);
            sb.Append(c switch
            {
                >= '０' and <= '９' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ' => (char)(c - 0xFEE0),
                _ => c,
            });
        }

        Flush(sb, halfWidthKana);
        return sb.ToString();
    }

    private static bool IsFolded(string text)
    {
        if (text.Length == 0 || IsSpace(text[0]) || IsSpace(text[^1]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is >= '０' and <= '９' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ' or >= '\uFF61' and <= '\uFF9F')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u3000';

    // ｶﾞ is two half-width characters that NFKC joins into ガ.
    private static void Flush(StringBuilder sb, StringBuilder kana)
    {
        if (kana.Length > 0)
        {
            sb.Append(kana.ToString().Normalize(NormalizationForm.FormKC));
            kana.Clear();
        }
    }
}
