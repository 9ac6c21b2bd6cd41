using InfraLedger.Core.Common;

namespace InfraLedger.Core.Indicators;

/// <summary>Expected refusals of the indicators feature (published statistics, populations, 類似団体区分, depreciation settings).</summary>
public static class Errors
{
    public static Error NoIndicatorColumns(string names) =>
        new("indicators.no_indicator_columns", $"指標の列が見つかりません（見出しに {names} のいずれかが必要です）。");

    public static Error FiscalYearInvalid(string value) =>
        new("indicators.fiscal_year", $"年度「{value}」を西暦の年（例: 2021）として読めません。", "FiscalYear");

    public static Error NotANumber(string label, string value) =>
        new("indicators.not_a_number", $"{label}「{value}」は数値ではありません（該当なしは空欄または「－」にしてください）。");

    public static Error DuplicateRow(string code, int year, int firstRow) =>
        new("indicators.duplicate_row", $"団体コード {code} の {year}年度 が {firstRow}行目 と重複しています。");

    public static Error PopulationInvalid(string value) =>
        new("indicators.population", $"人口「{value}」は1以上の整数で入力してください。", "Population");

    public static Error ShareInvalid(string label, string value) =>
        new("indicators.share", $"{label}「{value}」は0〜100の数値（%）で入力してください。");

    public static Error SourceRequired => new("indicators.source_required", "出典を入力してください。", "Source");

    public static Error OtherTenantCode(string code, string tenant) =>
        new("indicators.other_tenant", $"団体コード {code} は自団体（{tenant}）ではありません。自団体の行だけを取り込めます。");

    public static Error GroupInvalid(string value) =>
        new("indicators.similar_group", $"類似団体区分「{value}」を読めません（例: 都市Ⅳ-3、町村Ⅱ-1、政令指定都市、中核市、特別区、施行時特例市）。");

    public static Error FiscalYearOutOfData(int year, int first, int last) =>
        new("indicators.year_out_of_data", $"{year}年度のデータはありません（{first}〜{last}年度）。", "year");

    public static Error NoRegisterData(string what) =>
        new("indicators.no_register_data", $"{what}を計算できる台帳データがありません。");

    public static Error Setting(string key, string value, string allowed) =>
        new("indicators.setting", $"設定「{key}」の値「{value}」を判別できません（{allowed} のいずれか）。", key);

    public static Error DuplicateYear(int year, int firstRow) =>
        new("indicators.duplicate_year", $"{year}年度 が {firstRow}行目 と重複しています。", "FiscalYear");

    public static Error NoBodyColumn =>
        new("indicators.no_body_column", "団体を表す列（団体コード・団体名・都道府県名）が見つかりません。", "file");

    public static Error YearUnknown =>
        new("indicators.year_unknown", "年度が分かりません。タイトル行に「令和2年度」のように書かれているか、年度の列があるファイルにするか、年度を指定してください（--year）。", "year");

    public static Error YearConflict(int title, int given) =>
        new("indicators.year_conflict", $"タイトル行の年度（{title}年度）と指定された年度（{given}年度）が異なります。", "year");

    public static Error YearGivenTwice(string header) =>
        new("indicators.year_given_twice", $"ファイルに年度の列「{header}」があるため、年度は指定できません（--year を外してください）。", "year");

    public static Error BodyNotFound(string name) =>
        new("indicators.body_not_found", $"「{name}」に当たる団体が団体マスタにありません。団体コードの列を加えてください。");

    public static Error TableNotFound(string? name, IEnumerable<string> names) =>
        new("indicators.table", $"表「{name}」はありません（{string.Join("、", names)}、assets）。", "table");
}
