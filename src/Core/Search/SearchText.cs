using System.Globalization;
using System.Text;

namespace InfraLedger.Core.Search;

/// <summary>
/// The one normalisation of search text, used on write (the stored <c>search_text</c> of facilities, fixed assets,
/// inspections and residents' reports) and on query, so that what a user types meets what the register holds however
/// either was written: NFKC (half-width ｶﾀｶﾅ → full-width, full-width ＡＢＣ１２３ → ASCII, ㈱ → (株)), then lower case,
/// then hiragana → katakana (よみ and 施設名 are written either way), then runs of white space → one space. Pure.
/// </summary>
public static class SearchText
{
    /// <summary>The longest query kept (characters, after normalising); the rest is ignored.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>Shorter terms cannot use the trigram indexes (pg_trgm, FTS5 trigram): they are matched by scanning.</summary>
    public const int TrigramLength = 3;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var nfkc = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var result = new StringBuilder(nfkc.Length);
        var space = false;
        foreach (var c in nfkc)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(ToKatakana(c));
        }

        return result.ToString();
    }

    /// <summary>The stored text of a row: its searchable fields normalised, one space between them.</summary>
    public static string Of(params string?[] fields) =>
        string.Join(' ', fields.Select(Normalize).Where(f => f.Length > 0));

    /// <summary>A query as terms that must all occur (normalised, at most <see cref="MaxQueryLength"/> characters, no duplicates).</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        var normalized = Normalize(query);
        if (normalized.Length > MaxQueryLength)
        {
            normalized = normalized[..MaxQueryLength];
        }

        return normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(8).ToList();
    }

    /// <summary>A LIKE pattern matching <paramref name="term"/> anywhere, with <c>\</c> as the escape character.</summary>
    public static string ContainsPattern(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>An FTS5 phrase matching <paramref name="term"/> as a substring (the trigram tokenizer): quoted, quotes doubled.</summary>
    public static string FtsPhrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Whether every term is long enough for the trigram index.</summary>
    public static bool Indexable(IReadOnlyList<string> terms) =>
        terms.Count > 0 && terms.All(t => new StringInfo(t).LengthInTextElements >= TrigramLength);

    // ぁ (U+3041) … ゖ (U+3096) and ゝゞ (U+309D–309E) sit 0x60 below their katakana.
    private static char ToKatakana(char c) => c is >= '\u3041' and <= '\u3096' or '\u309D' or '\u309E' ? (char)(c + 0x60) : c;
}
