using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Deterioration;

/// <summary>Expected refusals of the deterioration feature (estimation, models, forecasts).</summary>
public static class Errors
{
    public static Error StatesInvalid(int states) =>
        new("deterioration.states", $"状態の数 {states.ToString(CultureInfo.InvariantCulture)} では推定できません（2〜20）。", "states");

    public static Error PairInvalid(int index, string reason) =>
        new("deterioration.pair", $"{(index + 1).ToString(CultureInfo.InvariantCulture)}番目の点検ペア: {reason}", "pairs");

    public static Error NoPairs =>
        new("deterioration.no_pairs", "推定に使える点検ペア（同じ施設の続く2回の点検）がありません。");

    public static Error NotIdentifiable(int state) =>
        new("deterioration.not_identifiable", $"状態 {state.ToString(CultureInfo.InvariantCulture)} から先へ進む点検ペアがないため、その劣化ハザードを推定できません（点検データを増やすか、状態の数を減らしてください）。");

    public static Error NotConverged(int iterations) =>
        new("deterioration.not_converged", $"最尤推定が {iterations.ToString(CultureInfo.InvariantCulture)} 回の反復で収束しませんでした。");

    public static Error RatesUnbounded =>
        new("deterioration.rates_unbounded", "点検と工事の記録からは劣化と補修の率が定まりません（率が際限なく大きくなります）。工事の記録（補修後の区分）や点検を増やしてください。");

    public static Error IntervalInvalid(string value) =>
        new("deterioration.interval", $"推移期間「{value}」は0より大きく100以下の年数で指定してください。", "years");

    public static Error KindInvalid(string value) =>
        new("deterioration.kind", $"資産種別「{value}」は劣化モデルの対象ではありません（bridge、tunnel、road、sewer など）。", "kind");

    public static Error ModelNotFound(string kind) =>
        new("deterioration.model_not_found", $"資産種別「{kind}」の劣化モデルはまだありません。点検データから推定するか、モデルを取り込んでください。", "kind");

    public static Error CovariateUnknown(string name, IEnumerable<string> known) =>
        new("deterioration.covariate", $"説明変数「{name}」は使えません（{string.Join("、", known)}）。", "covariates");

    public static Error ModelFileInvalid(string reason) =>
        new("deterioration.model_file", $"劣化モデルのファイルを読めません: {reason}", "file");

    public static Error GroupNotFound(long id) =>
        new("deterioration.group_not_found", $"広域グループ {id.ToString(CultureInfo.InvariantCulture)} はないか、この団体が加わっていません。", "group");

    public static Error GroupScalesDiffer(string member, string theirs, string ours) =>
        new("deterioration.group_scales", $"構成団体 {member} はこの資産種別を「{theirs}」で記録しているため、「{ours}」の点検と共同推定できません（区分が同じ体系の団体どうしで推定してください）。", "group");

    public static Error PooledModelNotFound(long groupId, string body) =>
        new("deterioration.pooled_not_found", $"広域グループ {groupId.ToString(CultureInfo.InvariantCulture)} で団体 {body} が推定した共同推定モデルはないか、この団体からは読めません。", "group");

    public static Error PooledModelLevels(string group, int states, string scale, int levels) =>
        new("deterioration.pooled_levels", $"広域グループ「{group}」の共同推定モデルは{states.ToString(CultureInfo.InvariantCulture)}区分ですが、この団体はこの資産種別を「{scale}」（{levels.ToString(CultureInfo.InvariantCulture)}区分）で記録しているため採用できません。", "group");
}
