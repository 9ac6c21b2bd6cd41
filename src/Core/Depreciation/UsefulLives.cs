using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace InfraLedger.Core.Depreciation;

/// <summary>A row of the useful-life reference table (register-and-depreciation.md §6.1, §6.2).</summary>
/// <param name="Id">Stable row key, e.g. bldg-rc-office.</param>
/// <param name="Account">勘定科目: 建物 or 工作物.</param>
/// <param name="Structure">構造; null when the life does not depend on it (トンネル, 配水管 …).</param>
/// <param name="Use">用途 as written in the table; "・" separates alternatives, （…） qualifies.</param>
/// <param name="Years">耐用年数.</param>
/// <param name="Confidence">C, C2, P or U, as in the domain doc.</param>
/// <param name="Source">Source keys of the domain doc (e.g. S-stgate), separated by spaces.</param>
public sealed record UsefulLifeRow(string Id, string Account, string? Structure, string? Use, int Years, string Confidence, string Source)
{
    /// <summary>[P] and [U] rows are labelled "未検証" and stay editable per tenant (§6.2, §7 open point 4).</summary>
    public bool Unverified => Confidence is "P" or "U";
}

/// <summary>
/// The useful lives (耐用年数) of the 省令 and related tables, embedded as <c>Depreciation/Data/useful-lives.csv</c>. Rows
/// are copied one for one from the doc; its variants (RC 飲食店 34 / 旅館 31 with a wooden interior over 30%) are not rows.
/// </summary>
public static partial class UsefulLives
{
    public const string Version = "domain/register-and-depreciation.md §6, 2026-11";

    public const string SourceTitle = "減価償却資産の耐用年数等に関する省令（昭和40年大蔵省令第15号）別表第一 ほか";

    private const string Header = "id,account,structure,use,years,confidence,source";

    private static readonly (UsefulLifeRow Row, string? Structure, string[] Keywords)[] Index =
        [.. Read().Select(r => (r, StructureGroup(r.Structure), Keywords(r.Use)))];

    public static IReadOnlyList<UsefulLifeRow> Table { get; } = [.. Index.Select(i => i.Row)];

    /// <summary>
    /// The row for an item: the account must match (the last part of "事業用資産/建物" counts); a row with a structure
    /// needs the same structure family (RC/SRC, 金属造, 木造, れんが造・石造・ブロック造, abbreviations and full-width letters
    /// folded); among those the use keyword found last in <paramref name="use"/> wins (the head of a Japanese compound:
    /// 小学校体育館 → 体育館), and with no keyword the 「その他」 row of that structure. Null when nothing fits.
    /// </summary>
    public static UsefulLifeRow? Find(string account, string? structure, string? use)
    {
        var accountKey = Fold(account).Split('/')[^1].Trim();
        var structureKey = StructureGroup(structure);
        var useKey = use is null ? "" : Synonyms(Fold(use));
        var candidates = Index
            .Where(i => Fold(i.Row.Account) == accountKey && (i.Structure is null && i.Row.Structure is null || i.Structure is not null && i.Structure == structureKey))
            .ToList();
        var best = candidates
            .Select((c, order) => (c.Row, order, score: c.Keywords.Select(k => Score(useKey, k)).Max()))
            .Where(c => c.score.End > 0)
            .OrderByDescending(c => c.score.End).ThenByDescending(c => c.score.Length).ThenBy(c => c.order)
            .Select(c => c.Row)
            .FirstOrDefault();
        return best ?? candidates.Select(c => c.Row).FirstOrDefault(r => r.Use?.Contains("その他", StringComparison.Ordinal) == true);
    }

    // Where a keyword ends in the input (0 = absent); a keyword that starts with the whole input also counts ("マンホール").
    private static (int End, int Length) Score(string use, string keyword)
    {
        if (use.Length == 0)
        {
            return (0, 0);
        }

        var at = use.LastIndexOf(keyword, StringComparison.Ordinal);
        return at >= 0 ? (at + keyword.Length, keyword.Length)
            : use.Length >= 2 && keyword.StartsWith(use, StringComparison.Ordinal) ? (use.Length, use.Length)
            : (0, 0);
    }

    // The structure families of 別表第一. 軽量鉄骨 (骨格材肉厚 4mm以下) has other lives: unknown, not folded into 金属造.
    private static string? StructureGroup(string? structure)
    {
        if (string.IsNullOrWhiteSpace(structure))
        {
            return null;
        }

        var s = Fold(structure).ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal).TrimEnd('造');
        return s switch
        {
            "RC" or "SRC" => "rc",
            "S" => "metal",
            "W" => "wood",
            "CB" => "brick",
            _ when s.Contains("軽量", StringComparison.Ordinal) => null,
            _ when s.Contains("アスファルト", StringComparison.Ordinal) => "asphalt",
            _ when s.Contains("コンクリート", StringComparison.Ordinal) => "rc",
            _ when s.Contains("れんが", StringComparison.Ordinal) || s.Contains("煉瓦", StringComparison.Ordinal)
                || s.Contains("ブロック", StringComparison.Ordinal) || s.Contains('石') => "brick",
            _ when s.Contains("鉄骨", StringComparison.Ordinal) || s.Contains("金属", StringComparison.Ordinal) => "metal",
            _ when s.Contains('木') => "wood",
            _ => null,
        };
    }

    private static string[] Keywords(string? use) =>
        use is null ? [] : [.. ParenthesisPattern().Replace(Fold(use), "").Split('・', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Synonyms(string use) => use
        .Replace("橋梁", "橋りょう", StringComparison.Ordinal)
        .Replace("管渠", "管きょ", StringComparison.Ordinal)
        .Replace("鉄ふた", "鉄蓋", StringComparison.Ordinal)
        .Replace("隧道", "トンネル", StringComparison.Ordinal);

    // NFKC folds full-width letters and digits (ＲＣ → RC) and full-width parentheses.
    private static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    private static List<UsefulLifeRow> Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("depreciation/useful-lives.csv")
            ?? throw new InvalidOperationException("埋め込みリソースがありません: depreciation/useful-lives.csv");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new InvalidDataException($"useful-lives.csv の見出しが「{Header}」ではありません。");
        }

        return [.. lines.Skip(1).Select(line => line.Split(',')).Select(c => c.Length == 7
            ? new UsefulLifeRow(c[0], c[1], c[2].Length == 0 ? null : c[2], c[3].Length == 0 ? null : c[3], int.Parse(c[4], CultureInfo.InvariantCulture), c[5], c[6])
            : throw new InvalidDataException($"useful-lives.csv の行「{string.Join(",", c)}」の列数が7ではありません。"))];
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex ParenthesisPattern();
}
