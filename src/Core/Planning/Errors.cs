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
        new("planning.infeasible", $"{Year(year)}{Src(source)}の予算 {Yen(amount)} では、確約済みの工事と対策期限を満たせません（この予算に少なくとも {Yen(needed)} が必要です）。", "budget");

    public static Error InfeasibleAfterRelaxing(int year, string source, decimal amount, int more) =>
        new("planning.infeasible", $"{Year(year)}{Src(source)}の予算 {Yen(amount)} までの {N(more)} 件の予算が不足し、確約済みの工事と対策期限を満たせません。", "budget");

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

    internal static string Year(int year) => year < 1000 ? $"{N(year)}年目" : $"{N(year)}年度";

    private static string Src(string source) => source.Length == 0 ? "" : $"（財源: {source}）";

    private static string Yen(decimal v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    // Group plans (群マネ, issue 20 item 5) and the published plan summary (item 6).
    public static Error GroupPlanNotFound(long groupId) =>
        new("planning.group_not_found", $"広域グループ（ID {groupId.ToString(CultureInfo.InvariantCulture)}）の計画が見つかりません。", Kind: ErrorKind.NotFound);

    public static Error GroupMemberUnknown(string member) =>
        new("planning.group_member", $"団体コード「{member}」はこの広域グループの構成団体ではありません。", "member");

    public static Error GroupBudgetNotShared(string member, int year) =>
        new("planning.group_budget_mode", $"共通予算の計画に団体「{member}」の{Year(year)}の予算が指定されています。共通予算には団体を指定しないでください。", "budget");

    public static Error GroupBudgetWithoutMember(int year) =>
        new("planning.group_budget_mode", $"団体ごとの予算の計画に、団体を指定しない{Year(year)}の予算があります。", "budget");

    public static Error GroupBudgetInvalid(string member, int year, string source, decimal amount) =>
        new("planning.budget", $"{Body(member)}{Year(year)}{Src(source)}の予算 {Yen(amount)} は0以上で指定してください。", "budget");

    public static Error GroupBudgetDuplicate(string member, int year, string source) =>
        new("planning.budget_duplicate", $"{Body(member)}{Year(year)}{Src(source)}の予算が2回指定されています。", "budget");

    public static Error GroupNoBudget(string member, string facility, string owner, int year, string source) =>
        new("planning.no_budget", $"団体「{member}」の施設「{facility}」: {Body(owner)}{Year(year)}{Src(source)}の予算がありません。", "budget");

    public static Error GroupNoKind(string group) =>
        new("planning.group_no_model", $"広域グループ「{group}」には、共同推定した劣化モデルと対策ライブラリがそろう資産種別がありません。先にグループで劣化モデルを推定してください。", "kind");

    public static Error PolicyUnknown(string kind, string policy) =>
        new("planning.policy", $"{kind}の対策ライブラリに方針「{policy}」がありません。", "policy");

    public static Error PlanOptionInvalid(string label, string value) =>
        new("planning.option", $"{label}「{value}」が範囲外です。", label);

    public static Error SummaryInvalid(string reason) =>
        new("planning.summary", $"公表する計画の概要が正しくありません: {reason}", "summary");

    public static Error SummaryNotPublished() =>
        new("planning.summary_not_published", "公表している計画の概要はありません。", Kind: ErrorKind.NotFound);

    public static Error GroupPlanAdminOnly(string group) =>
        new("planning.group_admin_only", $"広域グループ「{group}」の計画を作成できるのは幹事団体の編集者・管理者です。構成団体は作成済みの計画の自団体分を見られます。", Kind: ErrorKind.Forbidden);

    public static Error GroupPlanNotRun(string group) =>
        new("planning.group_plan_not_run", $"広域グループ「{group}」の計画はまだ作成されていません。", Kind: ErrorKind.NotFound);

    private static string Body(string member) => member.Length == 0 ? "共通予算の" : $"団体「{member}」の";
}
