using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Reports;

/// <summary>Expected refusals of residents' reports and their services.</summary>
public static class Errors
{
    public const string ServiceNotFoundCode = "reports.service_not_found";

    public const string ReportNotFoundCode = "reports.not_found";

    public static Error ServiceNotFound(string code) =>
        new(ServiceNotFoundCode, $"通報の種類「{code}」はありません。", "service_code", ErrorKind.NotFound, $"There is no kind of problem \"{code}\". Choose one from the list.");

    public static Error ServiceCodeRequired => new("reports.service_required", "通報の種類を選んでください。", "service_code", English: "Choose what kind of problem it is.");

    public static Error ReportNotFound(string id) => new(ReportNotFoundCode, $"受付番号「{id}」の通報はありません。", "service_request_id", ErrorKind.NotFound);

    // The messages below are read by residents on the form: they name what the resident sees (the map's pin, the
    // address box), never an API field; Field keeps the API name for Open311 clients.
    public static Error LocationRequired =>
        new("reports.location", "場所を教えてください。地図をクリックしてピンを置くか、「住所・目印」の欄に書いてください。", "location",
            English: "Tell us where it is: click the map to place a pin, or write an address or landmark in the box.");

    public const string OutsideCode = "reports.outside";

    /// <summary>The pin is another body's place (ReportPlaces): in residents' words, naming whose it is.</summary>
    public static Error OutsideBody(string own, string owner, bool ownerTakesReports) =>
        new(OutsideCode, $"地図の印の場所は{owner}の区域で、{own}の区域の外です。" + (ownerTakesReports
            ? $"{owner}の通報の窓口からお知らせください（印の位置はそのまま引き継ぎます）。"
            : $"{owner}にお問い合わせください。"), "location",
            English: $"The pin is in {owner}, outside {own}. " + (ownerTakesReports
                ? $"Please report it to {owner} (the pin is kept)." : $"Please contact {owner}."));

    public static Error OutsideEveryBody(string own) =>
        new(OutsideCode, $"地図の印の場所は{own}の区域の外で、どの市区町村の区域にも入っていません（海の上など）。印の位置を確かめてください。", "location",
            English: $"The pin is outside {own} and in no municipality (at sea, for example). Please check where it is.");

    public static Error ForwardTarget(string code, string reason) =>
        new("reports.forward_target", $"転送先「{code}」には転送できません: {reason}", "ForwardTo");

    public static Error ForwardToSelf => new("reports.forward_self", "自分の団体には転送できません。転送先の団体コードを確かめてください。", "ForwardTo");

    public static Error AlreadyForwarded(long id) =>
        new("reports.forwarded", $"受付番号 {id} はすでに転送済みです。", "ForwardTo", ErrorKind.Conflict);

    public static Error RouteService(string code) => new("reports.route_service", $"通報の種類「{code}」はありません。", "ServiceCode");

    public static Error AlreadyPublished(long id) => new("reports.published", $"受付番号 {id} はすでに公開しています。", "Publish", ErrorKind.Conflict);

    public static Error LatLongPair => new("reports.lat_long_pair", "地図のピンの位置が半分しか届きませんでした。ピンを置き直してください。", "lat",
        English: "Only half of the pin's position arrived. Place the pin again.");

    public static Error Coordinate(string field, string value) =>
        new("reports.coordinate", $"地図のピンの位置（{(field == "lat" ? "緯度" : "経度")}「{value}」）を読めません。ピンを置き直してください。", field,
            English: $"The pin's position ({(field == "lat" ? "latitude" : "longitude")} \"{value}\") cannot be read. Place the pin again.");

    /// <summary>Open311 GET's query parameters (read by API clients, not residents): they name the parameters.</summary>
    public static Error LatLongPairParameter => new("reports.lat_long_pair", "緯度（lat）と経度（long）は両方を指定してください。", "lat");

    public static Error CoordinateParameter(string field, string value) =>
        new("reports.coordinate", $"{(field == "lat" ? "緯度" : "経度")}「{value}」を読めません（世界測地系の十進度、例: 34.867）。", field);

    public static Error TooLong(string field, string label, int max) =>
        new("reports.too_long", $"{label}は{max:N0}文字までです。", field, English: $"{EnglishLabel(field, label)} can be at most {max:N0} characters.");

    public static Error Empty =>
        new("reports.empty", "何が起きているかを教えてください。状況の説明を書くか、写真を選んでください。", "description",
            English: "Tell us what is wrong: write a description or choose a photo.");

    public static Error Spam(string reason) => new("reports.spam", $"この内容は受け付けられません（{reason}）。", "description",
        English: "This text cannot be accepted (too many links or one character repeated many times).");

    public static Error AttributeRequired(ServiceQuestion attribute) =>
        new("reports.attribute_required", $"「{attribute.Description}」に答えてください。", $"attribute[{attribute.Code}]",
            English: $"Answer \"{attribute.Description}\".");

    public static Error AttributeValue(ServiceQuestion attribute, string value) =>
        new("reports.attribute_value", $"「{attribute.Description}」に「{value}」は選べません。", $"attribute[{attribute.Code}]",
            English: $"\"{value}\" is not one of the answers to \"{attribute.Description}\".");

    public static Error AttributeNumber(ServiceQuestion attribute, string value) =>
        new("reports.attribute_number", $"「{attribute.Description}」には数字を書いてください（「{value}」は数字ではありません）。", $"attribute[{attribute.Code}]",
            English: $"Write a number for \"{attribute.Description}\" (\"{value}\" is not a number).");

    public static Error AttributeDate(ServiceQuestion attribute, string value) =>
        new("reports.attribute_datetime", $"「{attribute.Description}」の「{value}」は日時として読めません（例: 2026-11-22T10:00:00+09:00）。", $"attribute[{attribute.Code}]",
            English: $"\"{value}\" for \"{attribute.Description}\" is not a date and time.");

    public static Error Email(string value) => new("reports.email", $"メールアドレス「{value}」の形が正しくありません（例: hanako@example.jp）。", "email",
        English: $"\"{value}\" is not an e-mail address (for example hanako@example.jp).");

    public static Error MediaUrl(string value) => new("reports.media_url", $"media_url「{value}」は http(s) の URL ではありません。", "media_url");

    public static Error TooManyPhotos(int max) => new("reports.photo_count", $"写真は{max}枚までです。", "Photos", English: $"You can send at most {max} photos.");

    public static Error ServiceField(string field, string message) => new("reports.service_field", message, field);

    public static Error ServiceCodeInvalid(string code) =>
        new("reports.service_code", $"種類コード「{code}」は半角英数字・ハイフン・下線の1〜50文字で入力してください。", "Code");

    public static Error ServiceCodeTaken(string code) => new("reports.service_code_taken", $"種類コード「{code}」はすでに使われています。", "Code");

    public static Error AttributesInvalid(string reason) => new("reports.attributes", $"追加の質問の定義が正しくありません: {reason}", "Attributes");

    public static Error NoteRequired => new("reports.note_required", "メモの本文を入力してください。", "Text");

    public static Error DuplicateOfSelf => new("reports.duplicate_self", "同じ通報を自分自身の重複にはできません。", "DuplicateOf");

    public static Error DuplicateOfDuplicate(long id) =>
        new("reports.duplicate_chain", $"受付番号 {id} はそれ自体が重複です。元の通報を指定してください。", "DuplicateOf");

    public static Error FacilityNotFound(string code) => new("reports.facility_not_found", $"施設コード「{code}」の施設は台帳にありません。", "FacilityCode");

    public static Error SectionRequired => new("reports.section_required", "担当課を選んでください。", "Section");

    public static Error SectionUnknown(string section, IReadOnlyList<string> sections) =>
        new("reports.section_unknown", $"担当課「{section}」は通報の種類に設定されていません（選べる担当課: {string.Join("・", sections)}）。", "Section");

    public static Error PhotoNotFound(int number) => new("reports.photo_not_found", $"写真 {number} はありません。", "Photo");

    public static Error Parameter(string field, string message) => new("reports.parameter", message, field);

    public static Error PhotoEmpty(string fileName) =>
        new("reports.photo_empty", $"「{fileName}」は空のファイルです。写真を選び直してください。", "Photos", English: $"\"{fileName}\" is an empty file. Choose the photo again.");

    public static Error PhotoSize(string fileName, long bytes) =>
        new("reports.photo_size", $"「{fileName}」は {Megabytes(Photos.MaxBytes)} MB を超えています（{Megabytes(bytes)} MB）。小さくしてから選んでください。", "Photos",
            English: $"\"{fileName}\" is larger than {Megabytes(Photos.MaxBytes)} MB ({Megabytes(bytes)} MB). Make it smaller and choose it again.");

    public static Error PhotoType(string fileName) =>
        new("reports.photo_type", $"「{fileName}」は JPEG・PNG・WebP の画像ではありません。JPEG・PNG・WebP の写真を選んでください。", "Photos",
            English: $"\"{fileName}\" is not a JPEG, PNG or WebP picture. Choose a JPEG, PNG or WebP photo.");

    public static Error PhotoBroken(string fileName, string reason) =>
        new("reports.photo_broken", $"「{fileName}」を画像として読めません（{reason}）。壊れているか、途中までしか送られていません。", "Photos",
            English: $"\"{fileName}\" cannot be read as a picture: it is damaged or arrived only in part.");

    public static Error PhotoDimensions(string fileName, long width, long height) =>
        new("reports.photo_dimensions", $"「{fileName}」は {width:N0} × {height:N0} 画素で、大きすぎます（一辺 {Photos.MaxSide:N0} 画素・合計 {Photos.MaxPixels / 10_000:N0}万画素まで）。縮小してから選んでください。", "Photos",
            English: $"\"{fileName}\" is {width:N0} × {height:N0} pixels, too large (at most {Photos.MaxSide:N0} pixels a side). Make it smaller and choose it again.");

    public static Error PhotoUnsupported(string fileName, string what) =>
        new("reports.photo_unsupported", $"「{fileName}」は{what}で、受け付けられません。普通の JPEG・PNG・WebP で保存し直してください。", "Photos",
            English: $"\"{fileName}\" is a kind of picture that cannot be accepted. Save it again as an ordinary JPEG, PNG or WebP.");

    // Rounded up, so a file just over the limit never reads "5.0 MB を超えています（5.0 MB）".
    private static string Megabytes(long bytes) =>
        (Math.Ceiling(bytes * 10.0 / (1024 * 1024)) / 10).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.0", CultureInfo.InvariantCulture);

    public static Error ListFilterUnknown(string name, string value, string allowed) =>
        new("reports.filter", $"絞り込み「{name}={value}」は使えません（{allowed}）。この条件では絞り込まずに表示しています。", name);

    public static Error NotClosed => new("reports.not_closed", "この通報はまだ対応中です。「直りましたか？」には、対応を終えてからお答えいただけます。", "answer",
        ErrorKind.Conflict, "This report is still being handled. You can answer \"Is it fixed?\" once it is closed.");

    public static Error AlreadyAnswered => new("reports.already_answered", "この対応へのお答えはすでにいただいています。ありがとうございました。", "answer",
        ErrorKind.Conflict, "You have already answered for this closing. Thank you.");

    public static Error KeyMismatch => new("reports.key", "この操作は、通報したときに表示されたページのアドレス（またはメールのリンク）からだけできます。", "key",
        ErrorKind.Forbidden, "Only the address shown when you sent the report (or the link in its e-mails) can do this.");

    public static Error AnswerUnknown => new("reports.answer", "「はい」か「いいえ」を選んでください。", "answer", English: "Choose \"Yes\" or \"No\".");

    public static Error TemplateNotFound(int id) =>
        new("reports.template_not_found", $"返答の定型文 {id} はありません。", "TemplateId", ErrorKind.NotFound);

    public static Error TemplateField(string field, string message) => new("reports.template_field", message, field);

    /// <summary>The English name of a field whose Japanese label the caller gave (the form's fields; else the label itself).</summary>
    private static string EnglishLabel(string field, string label) => field switch
    {
        "description" => "The description",
        "address_string" => "The address or landmark",
        "zipcode" => "The postcode",
        "phone" => "The phone number",
        "first_name" => "The given name",
        "last_name" => "The family name",
        _ => $"\"{label}\"",
    };
}
