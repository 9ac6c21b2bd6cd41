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

    public static Error TooLong(string field, string label, int max) =>
        new("inspections.too_long", $"{label}は{max}文字以内で入力してください。", field);

    public static Error InspectionNotFound(long id) =>
        new("inspections.not_found", $"点検記録 {id} はありません。");

    public static Error WorkNotFound(long id) =>
        new("inspections.work_not_found", $"工事・補修の記録 {id} はありません。");

    public static Error DuplicateInFile(int firstRow) =>
        new("inspections.duplicate_row", $"{firstRow}行目と同じ記録（施設コード・部材・日付が同じ）です。");

    public static Error ScaleCode(string code) =>
        new("inspections.scale_code", $"区分の体系のコード「{code}」は半角英小文字・数字・ハイフンの32文字以内で、国の体系（road-structure、pavement、sewer）と別のものにしてください。", "Code");

    public static Error ScaleName =>
        new("inspections.scale_name", "区分の体系の名前を50文字以内で入力してください。", "Name");

    public static Error ScaleLevelCount(int count) =>
        new("inspections.scale_levels", $"区分は{GradeScales.MinLevels}〜{GradeScales.MaxLevels}個にしてください（1行に1つ、最良から順に。いまは{count}個）。", "Levels");

    public static Error ScaleLevelTooLong(string label) =>
        new("inspections.scale_level_long", $"区分の名前「{label}」は30文字以内にしてください。", "Levels");

    public static Error ScaleLevelTwice(string label) =>
        new("inspections.scale_level_twice", $"区分「{label}」が2回あります。", "Levels");

    public static Error ScaleInUse(string code, int levels) =>
        new("inspections.scale_in_use", $"区分の体系「{code}」で記録した点検があるため、区分の数（{levels}個）は変えられません（名前は変えられます）。", "Levels");

    public static Error ScaleNotFound(string code) =>
        new("inspections.scale_not_found", $"区分の体系「{code}」は定義されていません。", "Scale");

    public static Error NoPhoto => new("inspections.photo_none", "写真のファイルを選んでください。", InspectionPhotos.Field);

    public static Error TooManyPhotos(int max, int existing) =>
        new("inspections.photo_count", $"写真は1件の点検につき{max}枚までです（登録済み{existing}枚）。", InspectionPhotos.Field);

    public static Error PhotoNotFound(int number) =>
        new("inspections.photo_not_found", $"写真 {number} はありません。");

    public static Error CaptionTooLong(int max) =>
        new("inspections.photo_caption", $"写真の説明は{max}文字以内で入力してください。", "PhotoCaption");

    public static Error TodoFilterUnknown(string name, string value, string allowed) =>
        new("inspections.filter", $"絞り込み「{name}={value}」は使えません（{allowed}）。絞り込まずに表示しています。", name);
}
