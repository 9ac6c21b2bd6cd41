using System.Text;

namespace InfraLedger.Core.Tables;

/// <summary>
/// A header reduced for matching (ADR 0021): the unit removed (「延床面積（㎡）」 → 延床面積), NFKC (full-width to
/// half-width), lower case, and spaces, underscores, hyphens, dots, middle dots, # and brackets dropped, so that
/// 「名称_カナ」, 「名称カナ」, 「 NAME 」 and 「#name」 compare equal. Words are never cut: the key is compared whole.
/// </summary>
public static class HeaderKey
{
    public static string Of(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return "";
        }

        var name = CellText.Normalize(HeaderUnit.Split(header).Name);
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsWhiteSpace(c) && c is not ('_' or '-' or '.' or '・' or '･' or '#' or '(' or ')' or '[' or ']' or '{' or '}'
                or '「' or '」' or '【' or '】' or '『' or '』' or '〈' or '〉' or '<' or '>' or '（' or '）'))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
