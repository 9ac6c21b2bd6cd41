using InfraLedger.Core.Common;

namespace InfraLedger.Core.Inspections;

/// <summary>Expected refusals of the inspection records.</summary>
public static class Errors
{
    public static Error FacilityNotFound(string code) =>
        new("inspections.facility_not_found", $"施設コード「{code}」の施設は台帳にありません。", "FacilityCode");

    public static Error GradeInvalid(string value, GradeScheme scheme) =>
        new("inspections.grade", $"判定区分「{value}」は{scheme.Name}の区分（{string.Join("、", scheme.Levels)}）ではありません。", "Grade");

    public static Error DateInvalid(string value) =>
        new("inspections.date", $"日付「{value}」を読めません（例: 2024-05-31、R6.5.31）。", "InspectedOn");

    public static Error DateInFuture(DateOnly date) =>
        new("inspections.date_future", $"日付 {date:yyyy-MM-dd} は未来の日付です。", "InspectedOn");

    public static Error CountermeasureInvalid(string value) =>
        new("inspections.countermeasure", $"対策区分「{value}」は A、B、C1、C2、E1、E2、M、S1、S2 のいずれかで入力してください。", "Countermeasure");

    public static Error DescriptionRequired =>
        new("inspections.description", "工事・補修の内容を入力してください。", "Description");

    public static Error CostInvalid(string value) =>
        new("inspections.cost", $"費用「{value}」は0以上の整数（円）で入力してください。", "Cost");

    public static Error MissingColumn(string name) =>
        new("inspections.missing_column", $"列「{name}」がありません。", name);

    public static Error TooLong(string field, string label, int max) =>
        new("inspections.too_long", $"{label}は{max}文字以内で入力してください。", field);

    public static Error InspectionNotFound(long id) =>
        new("inspections.not_found", $"点検記録 {id} はありません。");

    public static Error WorkNotFound(long id) =>
        new("inspections.work_not_found", $"工事・補修の記録 {id} はありません。");

    public static Error DuplicateInFile(int firstRow) =>
        new("inspections.duplicate_row", $"{firstRow}行目と同じ記録（施設コード・部材・日付が同じ）です。");
}
