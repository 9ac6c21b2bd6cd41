using InfraLedger.Core.Common;

namespace InfraLedger.Core.OpenData;

/// <summary>The open-data feature's refusals.</summary>
public static class Errors
{
    public static Error UnknownDataset(string? value) =>
        new("opendata.dataset", $"データセット「{value}」はありません（{string.Join("・", DatasetKind.All.Select(k => k.Id))} のいずれか）。", "dataset");

    public static Error UnknownLicence(string? value, OpenDataLicences licences) =>
        new("opendata.licence", $"ライセンス「{value}」は選べません（{string.Join("・", licences.All.Select(l => $"{l.Id}＝{l.Title}"))}）。", "licence");

    public static Error NotPublished(string title) =>
        new("opendata.not_published", $"データセット「{title}」は公開されていません。", "dataset");

    public static Error DatasetNotFound(string id) =>
        new("opendata.not_found", $"データセット「{id}」は見つかりません（公開されていないか、ありません）。", "id", ErrorKind.NotFound);

    public static Error NotFound(string message) => new("opendata.not_found", message, Kind: ErrorKind.NotFound);

    public static Error UnknownAction(string action, IEnumerable<string> actions) =>
        new("opendata.action", $"アクション「{action}」はありません（{string.Join("・", actions)}）。");

    public static Error ReadOnly => new("opendata.read_only", "このカタログは読み取り専用です（GET のみ）。公開・取下げは団体の管理者が管理画面で行います。", Kind: ErrorKind.Forbidden);

    public static Error PageInvalid(string? page) =>
        new("opendata.page", $"page は 1 以上の整数（1,000,000 まで）で指定してください（「{page}」）。", "page");

    public static Error ModifiedSinceInvalid(string value) =>
        new("opendata.modified_since", $"modified_since「{value}」は日時として読めません（例 2026-04-01 または 2026-04-01T00:00:00Z）。", "modified_since");

    public static Error Missing(string field) => new("opendata.validation", $"{field} を指定してください。", field);

    public static Error FieldedQuery(string fielded) =>
        new(CkanSearch.QueryErrorCode, $"q の「{fielded}」は使えません。q には検索語だけを書き、項目の絞り込みは fq（organization:・tags:・res_format:・metadata_modified:）で指定してください。", "q");

    public static Error NotACount(string field, string text) =>
        new("opendata.validation", $"{field} は 0 以上の整数で指定してください（「{text}」）。", field);

    public static Error SortInvalid(string part, IEnumerable<string> fields) =>
        new("opendata.validation", $"sort の「{part}」は使えません（{string.Join("・", fields)} に asc または desc、例「metadata_modified desc」）。", "sort");

    public static Error PlanSummaryMissing =>
        new("opendata.plan_summary", "個別施設計画の概要がまだありません。計画を決定し、計画の画面から概要を公表してください。", "dataset");

    public static Error BodyNotAnObject =>
        new("opendata.body", "POST の本文は JSON のオブジェクト（例 {\"id\": \"222127-public-facilities\"}）か、フォームで送ってください。");

    public static Error BodyTooLarge(int bytes) =>
        new("opendata.body", $"POST の本文が大きすぎます（{bytes / 1024:N0} KB まで）。", Kind: ErrorKind.TooLarge);
}
