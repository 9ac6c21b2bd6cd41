using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Projection;

/// <summary>Expected refusals of the projection feature (scenarios, parameters, recent investment, groups).</summary>
public static class Errors
{
    public static Error ScenarioNameInvalid(string value) =>
        new("projection.scenario_name", $"シナリオ名「{value}」は使えません（1〜100文字で、/ \\ ? # % を含まない名前にしてください）。", "Name");

    public static Error ScenarioExists(string name) =>
        new("projection.scenario_exists", $"シナリオ「{name}」はすでにあります。別の名前にしてください。", "Name");

    public static Error ScenarioNotFound(string name) =>
        new("projection.scenario_not_found", $"シナリオ「{name}」はありません（標準のプリセット {string.Join("、", Presets.All.Select(p => p.Id))} か、この団体のシナリオ名を指定してください）。", "scenario");

    public static Error PresetNotFound(string id) =>
        new("projection.preset_not_found", $"プリセット「{id}」はありません（{string.Join("、", Presets.All.Select(p => p.Id))}）。", "PresetId");

    public static Error ScenarioChanged(string name) =>
        new("projection.scenario_changed", $"シナリオ「{name}」は読み込んだ後に別の人が変更しました。読み込み直してから変更してください。");

    public static Error PresetReadOnly(string id) =>
        new("projection.preset_read_only", $"プリセット「{id}」は変更できません。コピーしてシナリオを作り、そのシナリオを変更してください。", "Name");

    /// <summary>A tenant's scenario (its exclusions, consolidations and prices) is its own; a group's members share only the presets.</summary>
    public static Error GroupNeedsPreset(string name) =>
        new("projection.group_preset", $"広域グループの推計に使えるのは標準のプリセット（{string.Join("、", Presets.All.Select(p => p.Id))}）だけです。「{name}」はプリセットではありません。", "scenario");

    public static Error Parameter(string field, string message) => new("projection.parameter", message, field);

    public static Error BaseYearInvalid(string value) =>
        new("projection.base_year", $"基準年度「{value}」は1950〜2100の西暦年で指定してください。", "baseYear");

    public static Error YearsInvalid(string value) =>
        new("projection.years", $"試算期間「{value}」は1〜100年で指定してください。", "years");

    public static Error AmountInvalid(string label, string value) =>
        new("projection.amount", $"{label}「{value}」は0以上の整数（円）で入力してください。", label);

    public static Error FiscalYearInvalid(string value) =>
        new("projection.fiscal_year", $"年度「{value}」を西暦の年（例: 2021）として読めません。", "FiscalYear");

    public static Error DuplicateYear(int year, int firstRow) =>
        new("projection.duplicate_year", $"{year}年度 が {firstRow}行目 と重複しています。", "FiscalYear");

    public static Error SourceRequired => new("projection.source_required", "出典を入力してください。", "Source");

    public static Error GroupNotFound(long id) =>
        new("projection.group_not_found", $"広域グループ {id.ToString(CultureInfo.InvariantCulture)} はないか、この団体が加わっていません。", Kind: ErrorKind.NotFound);

    public static Error TableNotFound(string name, IEnumerable<string> names) =>
        new("projection.table", $"表「{name}」はありません（{string.Join("、", names)}）。", "table");

    public static Error GroupWithCompare =>
        new("projection.group_compare", "--group と --compare は同時に指定できません。グループの推計はシナリオごとに実行してください。", "compare");

    /// <summary>A scenario's parameters file that is not JSON; <paramref name="at"/> is the line and byte, when known.</summary>
    public static Error ParametersUnreadable(string file, string? at, string detail) =>
        new("projection.parameters_json", at is null
            ? $"ファイル「{file}」をシナリオのパラメータとして読めません: {detail}"
            : $"ファイル「{file}」を JSON のシナリオのパラメータとして読めません（{at}）。括弧・カンマ・引用符、項目名と値の種類を確かめてください。詳細: {detail}", "file");

    public static Error JobFailed(string? message) => new("projection.job", message ?? "推計できませんでした。");

    /// <summary>A projection job that ended on another web instance, which alone holds its tables (ADR 0033).</summary>
    public static Error JobResultElsewhere =>
        new("projection.job_elsewhere", "この推計は別のサーバーで終わったため、結果の表をここに表示できません。もう一度推計してください。何も書き込まれていません。");

    public static Error WaterTableTypeInvalid(int number, string type, string field) =>
        new("projection.parameter", $"上水道管の{number}つ目の表の管種「{type}」が空か、ほかの表と重なっています。", field);

    public static Error Required(string label, string field) => new("projection.required", $"{label}を入力してください。", field);
}
