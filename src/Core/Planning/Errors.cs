using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Planning;

/// <summary>Expected refusals of the works programme (個別施設計画).</summary>
public static class Errors
{
    public static Error CostInvalid(string at, decimal cost) =>
        new("planning.cost", $"{at}: 費用 {Yen(cost)} は0以上で指定してください。", "cost");

    public static Error BudgetInvalid(int year, string source, decimal amount) =>
        new("planning.budget", $"{Year(year)}{Src(source)}の予算 {Yen(amount)} は0以上で指定してください。", "budget");

    public static Error BudgetDuplicate(int year, string source) =>
        new("planning.budget_duplicate", $"{Year(year)}{Src(source)}の予算が2回指定されています。", "budget");

    public static Error NoBudget(string at, int year, string source) =>
        new("planning.no_budget", $"{(at.Length == 0 ? "" : at + ": ")}{Year(year)}{Src(source)}の予算がありません。", "budget");

    public static Error CommittedConflict(string facility, int year) =>
        new("planning.committed_conflict", $"施設「{facility}」の確約済みの工事が{(year == 0 ? "計画期間" : Year(year))}に複数あり、1施設1対策の条件と両立しません。", "committed");

    public static Error DeadlineWithoutCandidate(string facility, int byYear, string reason) =>
        new("planning.deadline", $"施設「{facility}」は{Year(byYear)}までに対策が必要です（{reason}）が、その期間の対策候補がありません。", "target");

    public static Error Infeasible(int year, string source, decimal amount, decimal needed) =>
        new("planning.infeasible", $"{Year(year)}{Src(source)}の予算 {Yen(amount)} では、確約済みの工事と対策期限・健全性の目標を満たせません（この予算に少なくとも {Yen(needed)} が必要です）。", "budget");

    public static Error InfeasibleAfterRelaxing(int year, string source, decimal amount, int more) =>
        new("planning.infeasible", $"{Year(year)}{Src(source)}の予算 {Yen(amount)} までの {N(more)} 件の予算が不足し、確約済みの工事と対策期限・健全性の目標を満たせません。", "budget");

    public static Error HeuristicInfeasible(string facility, int byYear, string reason) =>
        new("planning.infeasible", $"施設「{facility}」を{Year(byYear)}までに対策する予算の余りがありません（{reason}）。予算を見直すか厳密解法で原因の年度を確認してください。", "budget");

    public static Error TooLarge(string what) =>
        new("planning.too_large", $"{what}が大きすぎて厳密解法の整数計画にできません。ヒューリスティックを使ってください。");

    public static Error NoSolution(double seconds) =>
        new("planning.no_solution", $"制限時間 {seconds.ToString(CultureInfo.InvariantCulture)} 秒内に厳密解法が計画を見つけられませんでした。ヒューリスティックを使うか制限時間を延ばしてください。");

    public static Error FieldMissing(string label) =>
        new("planning.field_missing", $"{label}が空です。", "candidates");

    public static Error YearInvalid(string value) =>
        new("planning.year", $"年度「{value}」は1以上の整数（計画の何年目か、または西暦の年度）で指定してください。", "candidates");

    public static Error CostNegative() =>
        new("planning.cost", "費用は0以上で指定してください。", "candidates");

    public static Error CommittedInvalid(string value) =>
        new("planning.committed", $"確約「{value}」は「はい」か空欄で指定してください。", "candidates");

    public static Error NoCandidates() =>
        new("planning.no_candidates", "対策候補の行がありません。", "candidates");

    public static Error BudgetText(string value) =>
        new("planning.budget_text", $"予算「{value}」は年度ごとの金額をカンマで区切って指定してください（例: 800,800,800、財源を分けるときは 国費=100,100,100）。", "budget");

    public static Error ShareWithoutForecast() =>
        new("planning.share_forecast", "健全性の割合の目標には、施設ごと・候補ごとの状態の見通しが必要です。", "target");

    public static Error ShareNeedsOnePerFacility() =>
        new("planning.share_exclusivity", "健全性の割合の目標は、計画期間で1施設1対策の計画でだけ指定できます。", "target");

    public static Error ShareInvalid(decimal share) =>
        new("planning.share", $"健全性の割合の目標 {Percent(share)} は0%から100%の間で指定してください。", "target");

    public static Error ShareUnreachable(int year, decimal max, decimal best) =>
        new("planning.infeasible", $"{Year(year)}の区分の悪い施設の割合を {Percent(max)} 以下にする目標は、予算に関係なく達成できません（すべての候補を実施しても {Percent(best)}）。", "target");

    public static Error ShareHeuristicInfeasible(int year, decimal max) =>
        new("planning.infeasible", $"{Year(year)}の区分の悪い施設の割合を {Percent(max)} 以下にする予算の余りがありません。予算を見直すか厳密解法で原因の年度を確認してください。", "budget");

    internal static string Percent(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    internal static string Year(int year) => year < 1000 ? $"{N(year)}年目" : $"{N(year)}年度";

    private static string Src(string source) => source.Length == 0 ? "" : $"（財源: {source}）";

    private static string Yen(decimal v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
}
