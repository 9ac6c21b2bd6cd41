using System.Text;

namespace InfraLedger.Core.Search;

/// <summary>
/// The substrings a PostgreSQL search asks the trigram index for, in the order it should intersect them (ADR 0034).
/// GIN answers one <c>LIKE '%term%'</c> as one scan key: it walks the term's rarest trigram and, at each row found there,
/// reads every other trigram's list up to that row, so a term with a common part (「センター」 on a register where every
/// name has it) reads the whole list of that part, however rare the rest. Between separate keys GIN leapfrogs instead
/// (each key skips to the next row the previous keys agree on) and a key later in the order is read only where the keys
/// before it all matched. So the rarest three-character windows of the terms come first, each as its own key, and the
/// terms themselves last (they keep the result exact; the windows only narrow it). How common a window is comes from the
/// table's statistics sample (<see cref="SearchSample"/>); a window found in a tenth of the sample or more is left out
/// (it narrows nothing and would be read in full). Pure.
/// </summary>
public static class SearchKeys
{
    /// <summary>Windows of this many characters: one trigram each.</summary>
    public const int Window = SearchText.TrigramLength;

    /// <summary>At most this many windows in front of the terms.</summary>
    public const int MaxWindows = 3;

    /// <summary>
    /// The candidate windows of <paramref name="terms"/>: every run of three letters or digits inside a term longer than
    /// three characters (a three-character term is its own single trigram), without duplicates, in the terms' order.
    /// Only letters and digits, as pg_trgm builds its trigrams within words: a window across a space or a sign has no
    /// trigram of its own.
    /// </summary>
    public static IReadOnlyList<string> Windows(IReadOnlyList<string> terms)
    {
        var windows = new List<string>();
        foreach (var term in terms)
        {
            var runes = term.EnumerateRunes().ToArray();
            for (var i = 0; runes.Length > Window && i + Window <= runes.Length; i++)
            {
                if (runes.AsSpan(i, Window).ToArray().All(Rune.IsLetterOrDigit))
                {
                    var window = string.Concat(runes.AsSpan(i, Window).ToArray().Select(r => r.ToString()));
                    if (!terms.Contains(window, StringComparer.Ordinal) && !windows.Contains(window, StringComparer.Ordinal))
                    {
                        windows.Add(window);
                    }
                }
            }
        }

        return windows;
    }

    /// <summary>
    /// The substrings to match, in order: up to <see cref="MaxWindows"/> of <paramref name="windows"/> (from
    /// <see cref="Windows"/>), the rarest first by <paramref name="hits"/> (how many of the <paramref name="sampleSize"/>
    /// sampled rows hold each), skipping a window that overlaps one already taken; then the terms. Without a sample
    /// (never analysed), the terms alone.
    /// </summary>
    public static IReadOnlyList<string> Order(IReadOnlyList<string> terms, IReadOnlyList<string> windows, IReadOnlyList<int> hits, int sampleSize)
    {
        if (sampleSize == 0 || windows.Count != hits.Count)
        {
            return terms;
        }

        var rare = Enumerable.Range(0, windows.Count).Where(i => hits[i] * 10 < sampleSize).OrderBy(i => hits[i]).ThenBy(i => i).ToList();
        var taken = new List<string>();
        foreach (var i in rare)
        {
            if (taken.Count < MaxWindows && !taken.Any(t => Overlaps(terms, t, windows[i])))
            {
                taken.Add(windows[i]);
            }
        }

        return [.. taken, .. terms];
    }

    // Two windows overlap when some term holds them less than a window apart (they share characters, so they narrow alike).
    private static bool Overlaps(IReadOnlyList<string> terms, string a, string b) => terms.Any(term =>
    {
        var i = term.IndexOf(a, StringComparison.Ordinal);
        var j = term.IndexOf(b, StringComparison.Ordinal);
        return i >= 0 && j >= 0 && Math.Abs(i - j) < a.Length;
    });
}
