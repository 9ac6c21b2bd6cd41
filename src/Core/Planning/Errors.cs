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

    public static Error ConsequencesChanged(int version) =>
        new("planning.consequences_changed", $"影響度の設定はほかの人が保存しました（現在 第{N(version)}版）。読み込み直してから変更してください。", "version", ErrorKind.Conflict);

    public static Error ConsequencesFile(string fileName, long line) =>
        new("planning.consequences_file", $"{fileName}: 影響度の設定（JSON）として読めません（{line.ToString(CultureInfo.InvariantCulture)}行目付近）。", "file");

    public static Error FacilityNotFound(string code) =>
        new("planning.facility_not_found", $"施設「{code}」は施設台帳にありません。", "facility", ErrorKind.NotFound);

    public static Error FacilityMissing() =>
        new("planning.facility_missing", "施設コードが空です。", "facility");

    public static Error FacilityTwice(string code) =>
        new("planning.facility_twice", $"施設「{code}」がファイルに2回あります。", "facility");

    public static Error AttributeUnknown(string key, string known) =>
        new("planning.attribute_unknown", $"影響度の属性「{key}」は設定にありません（設定にある属性: {known}）。", "attribute");

    public static Error AttributeValue(string key, decimal value) =>
        new("planning.attribute_value", $"属性「{key}」の値 {Yen(value)} は0以上で指定してください。", "attribute");

    public static Error AttributeFlag(string label) =>
        new("planning.attribute_flag", $"{label}は「○」「はい」「有」か、空欄・「×」「なし」で指定してください。", "attribute");

    public static Error AttributeNumber(string label) =>
        new("planning.attribute_number", $"{label}は0以上の数値で指定してください。", "attribute");

    public static Error NoAttributeColumns() =>
        new("planning.attribute_columns", "影響度の属性の列（緊急輸送道路、跨線橋・跨道橋、迂回路の有無、交通量、避難所・避難路、利用者数、災害の危険区域）が1つもありません。", "file");

    public static Error RiskYearsInvalid(int years) =>
        new("planning.risk_years", $"損傷の確率を見る年数 {N(years)} は1から100の整数で指定してください。", "years");

    public static Error AttributeKeyInvalid(string key) =>
        new("planning.attribute_key", $"属性のキー「{key}」は英小文字で始まる英小文字・数字・ハイフン（50文字まで）で指定してください。", "key");

    public static Error AttributeDuplicate(string key) =>
        new("planning.attribute_duplicate", $"属性のキー「{key}」が2回あります。", "key");

    public static Error AttributeLabel(string key) =>
        new("planning.attribute_label", $"属性「{key}」の名前は1文字以上50文字以下で指定してください。", "label");

    public static Error WeightInvalid(string label, decimal weight) =>
        new("planning.weight", $"属性「{label}」の重み {Yen(weight)} は0から1000の間で、しきい値は0以上で指定してください。", "weight");

    public static Error NothingToPlan() =>
        new("planning.nothing", "計画できる施設がありません（資産種別ごとの劣化モデル、補修工法の設定、点検記録のある供用中の施設が必要です）。", "tenant");

    public static Error HorizonInvalid(int years) =>
        new("planning.horizon", $"計画期間 {N(years)} 年は1から50年で指定してください。", "horizon");

    public static Error FirstYearInvalid(int year) =>
        new("planning.first_year", $"計画の最初の年度 {N(year)} は西暦（例: 2026）で指定してください。", "first_year");

    public static Error BudgetOutside(int year, int first, int last) =>
        new("planning.budget_outside", $"{N(year)}年度の予算は計画期間（{N(first)}〜{N(last)}年度）の外です。", "budget");

    public static Error TargetYearOutside(int year, int first, int last) =>
        new("planning.target_year", $"目標の年度 {N(year)} は計画期間（{N(first)}〜{N(last)}年度）の中で指定してください。", "target");

    public static Error PlanParameters() =>
        new("planning.parameters", "計画の条件（悪い区分の始まりは2以上、見通しは1〜100年、割引率は0より大きく1以下、制限時間は正）を確かめてください。");

    public static Error CommittedWithoutCandidate(string facility, int year) =>
        new("planning.committed", $"施設「{facility}」の{N(year)}年度の確約済みの工事は、その年度・財源の対策候補がないため費用を指定してください。", "committed");

    public static Error CommittedText(string value) =>
        new("planning.committed", $"確約済みの工事「{value}」は 施設コード:年度[:財源[:費用]] で指定してください（例: B-001:2027:国費:12000000）。", "committed");

    public static Error ShareText(string value) =>
        new("planning.share", $"割合の目標「{value}」は 年度:割合% で指定してください（例: 2030:15%）。", "target");

    public static Error PlanNotFound(int id) =>
        new("planning.plan_not_found", $"計画 {N(id)} はありません。", "id", ErrorKind.NotFound);

    public static Error PlanNotDraft(int id, string status) =>
        new("planning.plan_status", $"計画 {N(id)} は{status}のため決定できません（決定できるのは案だけです）。", "id", ErrorKind.Conflict);

    public static Error PlanNotDecided(int id, string status) =>
        new("planning.plan_not_decided", $"計画 {N(id)} は{status}です。公表できるのは決定した計画だけです。", "id", ErrorKind.Conflict);

    public static Error NoBasePlan(int id) =>
        new("planning.plan_base", $"計画 {N(id)} は再計算した計画ではないため、比べる決定済みの計画がありません。", "id");

    public static Error ExportFormat(string format) =>
        new("planning.export_format", $"出力形式「{format}」には対応していません（xlsx・csv）。", "format");

    public static Error ExportTable(string table, string known) =>
        new("planning.export_table", $"表「{table}」はありません（{known}）。", "table");

    public static Error AttributeText(string value) =>
        new("planning.attribute_text", $"属性「{value}」は キー=値 で指定してください（例: emergency-route=1、traffic=12000、外すときは traffic=）。", "attribute");

    internal static string Percent(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

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
