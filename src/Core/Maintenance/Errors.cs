using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Maintenance;

/// <summary>Expected refusals of the maintenance feature (treatment libraries, policies, life-cycle cost).</summary>
public static class Errors
{
    public static Error Setting(string field, string message) => new("maintenance.setting", message, field);

    public static Error FileInvalid(string file, string reason) =>
        new("maintenance.file", $"{file}: {reason}", "file");

    public static Error RateInvalid(string value) =>
        new("maintenance.rate", $"割引率「{value}」は0より大きく1以下の小数で指定してください（例: 0.04）。", "rate");

    public static Error YearsInvalid(string value) =>
        new("maintenance.years", $"期間「{value}」は1〜200年で指定してください。", "years");

    public static Error KindInvalid(string value) =>
        new("maintenance.kind", $"資産種別「{value}」には補修工法の設定がありません（bridge、tunnel、road、building、sewer、water）。", "kind");

    public static Error PolicyNotFound(string name) =>
        new("maintenance.policy_not_found", $"維持管理方針「{name}」はこの設定にありません。", "policy");

    public static Error LibraryChanged(string kind) =>
        new("maintenance.library_changed", $"{kind}の補修工法の設定は読み込んだ後に別の人が変更しました。読み込み直してから変更してください。");

    public static Error NoModel(string kind) =>
        new("maintenance.no_model", $"資産種別「{kind}」の劣化モデルがありません。劣化予測の画面で点検記録から推定するか、モデルを取り込んでください。", "kind");

    public static Error StatesDiffer(int model, int library) =>
        new("maintenance.states", $"劣化モデルの状態の数 {N(model)} と補修工法の設定の区分の数 {N(library)} が合いません。", "kind");

    public static Error AssumptionInvalid(string value) =>
        new("maintenance.assumption", $"予測の前提「{value}」はありません（none: 補修なし、practice: 現状の補修実績、policy:方針の名前）。", "assume");

    public static Error PolicyNotStateBased(string name) =>
        new("maintenance.policy_age", $"維持管理方針「{name}」は年数による方針のため、健全性の予測には使えません（状態による方針を選んでください）。", "assume");

    public static Error PracticeUnavailable(string reason) =>
        new("maintenance.practice", $"現状の補修実績を点検と工事の記録から推定できません: {reason}", "assume");

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    public static Error FileUnreadable(string problem) => new("maintenance.file", problem, "file");
}
