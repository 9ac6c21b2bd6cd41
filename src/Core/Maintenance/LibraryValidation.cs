using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Maintenance;

/// <summary>Checks a treatment library before it is saved or used; every problem located by its path (treatments[1].cost.price …) and named in Japanese.</summary>
public static class LibraryValidation
{
    private const decimal MaxPrice = 100_000_000_000m;

    public static Error? Check(TreatmentLibrary library, int levels) => CheckAll(library, levels) is [var first, ..] ? first : null;

    public static IReadOnlyList<Error> CheckAll(TreatmentLibrary library, int levels)
    {
        var errors = new List<Error>();
        void Add(string field, string message) => errors.Add(Errors.Setting(field, message));

        if (string.IsNullOrWhiteSpace(library.Name))
        {
            Add("name", "設定の名前を入力してください。");
        }

        if (library.Levels != levels)
        {
            Add("levels", $"区分の数 {N(library.Levels)} がこの資産種別の区分の数 {N(levels)} と合いません。");
            return errors; // every state below is read against the scale
        }

        if (library.Treatments is null || library.Policies is null)
        {
            Add("treatments", "treatments（工法）と policies（方針）の一覧が必要です。");
            return errors;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < library.Treatments.Count; i++)
        {
            CheckTreatment(library.Treatments[i], $"treatments[{N(i)}]", $"工法の{N(i + 1)}行目", levels, names, Add);
        }

        for (var i = 0; i < (library.RequiredStates?.Count ?? 0); i++)
        {
            var s = library.RequiredStates![i];
            if (s < 1 || s > levels)
            {
                Add($"requiredStates[{N(i)}]", $"対策が必要な区分 {N(s)} は区分 1〜{N(levels)} の範囲外です。");
            }
            else if (!library.Treatments.Any(t => t.States.Contains(s)))
            {
                Add($"requiredStates[{N(i)}]", $"対策が必要な区分 {N(s)} に使える工法がありません。");
            }
        }

        if (library.Risk is { } risk && (!Enum.IsDefined(risk.Unit) || risk.PerYear is null || risk.PerYear.Count != levels || risk.PerYear.Any(r => r < 0 || r > MaxPrice)))
        {
            Add("risk.perYear", $"リスク費用（年あたり）は区分ごとに0以上の金額を{N(levels)}個並べてください。");
        }

        var policyNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < library.Policies.Count; i++)
        {
            CheckPolicy(library, library.Policies[i], $"policies[{N(i)}]", levels, policyNames, Add);
        }

        return errors;
    }

    private static void CheckTreatment(Treatment t, string at, string row, int levels, HashSet<string> names, Action<string, string> add)
    {
        var name = t.Name?.Trim() ?? "";
        var label = $"{row}「{name}」";
        if (name.Length is 0 or > 50 || !names.Add(name))
        {
            add(at + ".name", $"{row}: 工法の名前「{name}」が空か、50文字を超えるか、ほかの行と重なっています。");
        }

        if (!Enum.IsDefined(t.Category) || t.Cost is null || !Enum.IsDefined(t.Cost.Unit) || t.Effect is null)
        {
            add(at, $"{label}: 区分（予防保全・事後保全・更新）、費用の単位（㎡・m・施設）、効果のいずれかがありません。");
            return;
        }

        var states = t.States ?? [];
        if (states.Count == 0 && (t.Ages ?? []).Count == 0)
        {
            add(at + ".states", $"{label}: 使う区分か年数を1つ以上指定してください。");
        }

        foreach (var s in states.Where(s => s < 1 || s > levels))
        {
            add(at + ".states", $"{label}: 区分 {N(s)} は区分 1〜{N(levels)} の範囲外です。");
        }

        foreach (var a in (t.Ages ?? []).Where(a => a is < 1 or > 200))
        {
            add(at + ".ages", $"{label}: 年数 {N(a)} は1〜200年で指定してください。");
        }

        if (t.Cost.Price < 0 || t.Cost.Price > MaxPrice)
        {
            add(at + ".cost.price", $"{label}: 単価 {M(t.Cost.Price)} 円は0以上（1000億円まで）にしてください。");
        }

        var bands = t.Cost.Bands ?? [];
        for (var b = 0; b < bands.Count; b++)
        {
            var band = bands[b];
            if (band.Price < 0 || band.Price > MaxPrice || (band.From ?? 0) < 0 || (band.UpTo is { } u && u < (band.From ?? 0))
                || (b > 0 && (bands[b - 1].UpTo is not { } previous || (band.From ?? 0) <= previous)))
            {
                add($"{at}.cost.bands[{N(b)}]", $"{label}: 口径別単価の{N(b + 1)}行目は、口径（mm）が前の行より大きく、単価が0以上になるようにしてください。");
            }
        }

        var e = t.Effect;
        if ((e.To is null) == (e.Better is null))
        {
            add(at + ".effect", $"{label}: 効果は「補修後の区分」か「何区分良くなるか」のどちらか一方で指定してください。");
        }
        else if (e.To is { } to && (to < 1 || to > levels))
        {
            add(at + ".effect.to", $"{label}: 補修後の区分 {N(to)} は区分 1〜{N(levels)} の範囲外です。");
        }
        else if (e.To is { } after && states.FirstOrDefault(s => s < after) is var worse && worse > 0)
        {
            add(at + ".effect.to", $"{label}: 区分 {N(worse)} に使うと区分 {N(after)} に悪くなります（補修後は同じか良い区分にしてください）。");
        }
        else if (e.Better is { } k && k < 1)
        {
            add(at + ".effect.better", $"{label}: 良くなる区分の数 {N(k)} は1以上にしてください（悪くする工法は設定できません）。");
        }
    }

    private static void CheckPolicy(TreatmentLibrary library, PolicySpec p, string at, int levels, HashSet<string> names, Action<string, string> add)
    {
        var name = p.Name?.Trim() ?? "";
        var label = $"方針「{name}」";
        if (name.Length is 0 or > 50 || !names.Add(name))
        {
            add(at + ".name", $"方針の名前「{name}」が空か、50文字を超えるか、ほかの方針と重なっています。");
        }

        switch (p.Type)
        {
            case PolicyType.None:
                break;
            case PolicyType.Threshold when p.Threshold is not { } t || t < 1 || t > levels:
                add(at + ".threshold", $"{label}: 対策を始める区分「{p.Threshold?.ToString(CultureInfo.InvariantCulture) ?? "なし"}」は区分 1〜{N(levels)} の範囲で指定してください。");
                break;
            case PolicyType.Threshold:
                for (var s = p.Threshold!.Value; s <= levels; s++)
                {
                    if (library.For(s) is null)
                    {
                        add(at + ".threshold", $"{label}: 区分 {N(s)} に使える工法がありません。");
                    }
                }

                break;
            case PolicyType.States:
                var choices = p.Choices ?? [];
                for (var i = 0; i < choices.Count; i++)
                {
                    var c = choices[i];
                    var where = $"{at}.choices[{N(i)}]";
                    if (c.State < 1 || c.State > levels)
                    {
                        add(where + ".state", $"{label}: 区分 {N(c.State)} は区分 1〜{N(levels)} の範囲外です。");
                    }
                    else if (library.Find(c.Treatment) is not { } t || !t.States.Contains(c.State))
                    {
                        add(where + ".treatment", $"{label}: 工法「{c.Treatment}」は区分 {N(c.State)} に使える工法にありません。");
                    }
                    else if (choices.Take(i).Any(x => x.State == c.State))
                    {
                        add(where + ".state", $"{label}: 区分 {N(c.State)} が2回あります。");
                    }
                }

                break;
            case PolicyType.Age:
                var aged = library.Treatments.Where(t => (t.Ages ?? []).Count > 0).ToList();
                if (!aged.Any(t => t.Effect?.ResetsAge == true))
                {
                    add(at + ".type", $"{label}: 年数による周期には、年数を指定した更新の工法（経過年数をリセットする工法）が必要です。");
                }

                if (p.BacklogYears is { } b && b is < 1 or > 40)
                {
                    add(at + ".backlogYears", $"{label}: 積み残しの処理期間 {N(b)} 年は1〜40年で指定してください。");
                }

                break;
            default:
                add(at + ".type", $"{label}: 方針の種類が分かりません（none、threshold、states、age）。");
                break;
        }
    }

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string M(decimal v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
}
