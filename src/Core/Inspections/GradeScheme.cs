using InfraLedger.Core.Register;

namespace InfraLedger.Core.Inspections;

/// <summary>
/// A grade scale (domain doc §2–4): ordered levels, best first (level 1 = best), with labels; national, or a tenant's
/// own (<see cref="GradeScales"/>). The level is what is
/// stored and what the deterioration model takes as its state; the labels are what people read.
/// </summary>
public sealed record GradeScheme(string Code, string Name, IReadOnlyList<string> Levels)
{
    /// <summary>道路構造物（橋梁・トンネル等）の判定区分 I–IV (平成26年国土交通省告示第426号).</summary>
    public static readonly GradeScheme RoadStructure = new("road-structure", "判定区分（橋梁・トンネル等）",
        ["I 健全", "II 予防保全段階", "III 早期措置段階", "IV 緊急措置段階"]);

    /// <summary>舗装の判定区分 I–III (III = 修繕段階; the names of I and II are not confirmed, domain doc §4).</summary>
    public static readonly GradeScheme Pavement = new("pavement", "判定区分（舗装）", ["I", "II", "III 修繕段階"]);

    /// <summary>下水道管路の緊急度 (I = severe): best first, so 劣化なし, 緊急度III, II, I.</summary>
    public static readonly GradeScheme Sewer = new("sewer", "緊急度（下水道管路）", ["劣化なし", "緊急度III", "緊急度II", "緊急度I"]);

    public static IReadOnlyList<GradeScheme> All { get; } = [RoadStructure, Pavement, Sewer];

    /// <summary>The scale of an asset kind: I–IV is the national reporting scale for road structures and the default.</summary>
    public static GradeScheme For(AssetKind kind) => kind switch
    {
        AssetKind.Road => Pavement,
        AssetKind.SewerPipe => Sewer,
        _ => RoadStructure,
    };

    public string Label(int level) => level >= 1 && level <= Levels.Count ? Levels[level - 1] : "?";

    /// <summary>The level a text names: a roman numeral I–IV (full- or half-width), an arabic number, or a label.</summary>
    public int? Parse(string? text)
    {
        var t = (text ?? "").Trim().Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant()
            .Replace("Ⅰ", "I", StringComparison.Ordinal).Replace("Ⅱ", "II", StringComparison.Ordinal)
            .Replace("Ⅲ", "III", StringComparison.Ordinal).Replace("Ⅳ", "IV", StringComparison.Ordinal);
        if (t.Length == 0)
        {
            return null;
        }

        for (var level = 1; level <= Levels.Count; level++)
        {
            if (string.Equals(Levels[level - 1], t, StringComparison.OrdinalIgnoreCase) || Levels[level - 1].Split(' ')[0] == t)
            {
                return level;
            }
        }

        if (this == Sewer)
        {
            return null; // 緊急度 I is the worst level: a bare numeral is ambiguous, the label is required
        }

        if (!All.Contains(this))
        {
            // A tenant's own scale: its labels, or the level number (1 = best); roman numerals mean nothing there.
            return int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= Levels.Count ? n : null;
        }

        int? roman = t switch { "I" or "1" => 1, "II" or "2" => 2, "III" or "3" => 3, "IV" or "4" => 4, _ => null };
        return roman <= Levels.Count ? roman : null;
    }

    /// <summary>
    /// 対策区分 → 判定区分 as the 橋梁定期点検要領 (H31.3, p.27) says it holds "generally": I = A, B; II = C1, M; III = C2;
    /// IV = E1, E2; S1/S2 have none. Used only to flag a record for review, never to change the inspector's grade.
    /// </summary>
    public static int? GradeOfCountermeasure(string? code) => (code ?? "").Trim().ToUpperInvariant() switch
    {
        "A" or "B" => 1,
        "C1" or "M" => 2,
        "C2" => 3,
        "E1" or "E2" => 4,
        _ => null,
    };

    public static readonly IReadOnlyList<string> Countermeasures = ["A", "B", "C1", "C2", "E1", "E2", "M", "S1", "S2"];
}
