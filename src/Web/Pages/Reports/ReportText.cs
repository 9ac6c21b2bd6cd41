using InfraLedger.Core.Reports;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>
/// The words of the residents' public pages (form, status page, public list) in Japanese and English (issue 22 item 5):
/// one table, every key in both languages (a test keeps it complete). Japanese is the default; <c>?lang=en</c> switches.
/// The tenant's own texts (kinds of report, their questions) stay as the tenant wrote them.
/// </summary>
public static class ReportText
{
    private static readonly Dictionary<string, (string Ja, string En)> Table = new(StringComparer.Ordinal)
    {
        ["form.title"] = ("道路・橋・公園の不具合の通報", "Report a problem with a road, bridge or park"),
        ["form.intro"] = ("道路の穴、ガードレールや街路灯の破損、橋や公園遊具の損傷などを{0}にお知らせください。送信すると受付番号が表示され、対応の状況をいつでも確認できます。",
            "Tell {0} about a pothole, a broken guardrail or street light, damage to a bridge or to park equipment. When you send it you get a reference number and can follow what is done."),
        ["form.emergency"] = ("緊急の場合: 人や車に危険が迫っているときは、この通報ではなく、すぐに電話で市役所（夜間・休日は警察・消防）にお知らせください。",
            "Emergencies: if people or vehicles are in danger, do not use this form — phone the city office at once (at night and on holidays, the police or fire service)."),
        ["form.none"] = ("現在、通報を受け付けている種類はありません。", "No kinds of problem can be reported at the moment."),
        ["form.service"] = ("通報の種類", "Kind of problem"),
        ["form.service.hint"] = ("選ぶと、その種類の質問とお知らせが表示されます。", "Once chosen, its questions and notices are shown."),
        ["form.choose"] = ("選んでください", "Choose"),
        ["form.required"] = ("（必須）", " (required)"),
        ["form.other-group"] = ("その他", "Other"),
        ["form.questions.legend"] = ("「{0}」を選んだ場合", "If you chose \"{0}\""),
        ["form.section"] = ("担当: {0}", "Handled by: {0}"),
        ["form.expected"] = ("（{0}日以内の対応を目標にしています）", " (we aim to respond within {0} days)"),
        ["form.no-questions"] = ("追加の質問はありません。", "No further questions."),
        ["form.place"] = ("場所", "Where is it?"),
        ["form.place.required"] = ("（必須: 地図のピンか住所・目印のどちらか）", " (required: a pin on the map or an address or landmark)"),
        ["form.map.help"] = ("地図をクリック（タップ）すると、その場所にピンを置きます。もう一度クリックすると置き直せます。「現在地」で今いる場所に置けます。地図を使わない場合は、下の住所・目印の欄に書いてください。",
            "Click (tap) the map to place a pin there; click again to move it. \"My location\" places it where you are. If you do not use the map, write the address or a landmark below."),
        ["form.map.label"] = ("{0}の地図（場所を選ぶ）", "Map of {0} (choose the place)"),
        ["form.pin.none"] = ("ピンはまだ置かれていません。", "No pin placed yet."),
        ["form.pin.at"] = ("ピンの位置: 北緯 {0}、東経 {1}", "Pin at latitude {0}, longitude {1}"),
        ["form.pin.clear"] = ("ピンを外す", "Remove the pin"),
        ["form.locate"] = ("現在地", "My location"),
        ["form.address"] = ("地図を使わずに住所・目印で伝える", "Or give an address or landmark instead of the map"),
        ["form.address.hint"] = ("例: 本町2丁目の郵便局前の交差点、〇〇橋の北側のたもと（300文字まで）", "For example: the crossing in front of the post office, 2-chome Honmachi (up to 300 characters)"),
        ["form.description"] = ("状況の説明", "What is wrong?"),
        ["form.description.hint"] = ("どこが、どのように壊れているか（4,000文字まで）。人の名前や車のナンバーなど、個人がわかることは書かないでください。",
            "What is broken and how (up to 4,000 characters). Do not write anything that identifies a person, such as a name or a number plate."),
        ["form.photos"] = ("写真（任意、{0}枚まで）", "Photos (optional, up to {0})"),
        ["form.photos.hint"] = ("JPEG・PNG・WebP、1枚 {0}MB まで。写真の位置情報やカメラの情報は取り除いてから保存します。顔や車のナンバーが写らないようにしてください。",
            "JPEG, PNG or WebP, up to {0} MB each. Location and camera data are removed before the photo is kept. Keep faces and number plates out of the picture."),
        ["form.contact"] = ("連絡先（任意）", "Your contact details (optional)"),
        ["form.contact.hint"] = ("連絡先は、内容を確かめるために担当職員だけが見ます。公開されることはありません（状況のページにも表示しません）。",
            "Only the staff handling the report see your details, to check what you sent. They are never published (not even on the report's page)."),
        ["form.last_name"] = ("姓", "Family name"),
        ["form.first_name"] = ("名", "Given name"),
        ["form.email"] = ("メールアドレス", "E-mail address"),
        ["form.email.hint"] = ("入力すると、対応の状態が変わるたびにメールでお知らせし、対応を終えたときに「直りましたか？」とおたずねします。",
            "If you give it, we mail you each time the report's status changes, and ask \"Is it fixed?\" when it is closed."),
        ["form.phone"] = ("電話番号", "Phone number"),
        ["form.honeypot"] = ("この欄は空のままにしてください", "Leave this field empty"),
        ["form.submit"] = ("通報を送信する", "Send the report"),
        ["form.after"] = ("送信された通報は、担当課が確認したうえで状況のページに公開します（連絡先は公開しません）。個人情報や不適切な内容は、公開しないか、その部分を消して公開することがあります。",
            "Reports are published on their status page once the responsible section has checked them (your contact details never are). Personal or unsuitable content may be withheld or removed."),
        ["form.robot"] = ("送信を受け付けられませんでした。入力欄以外の項目に値が入っています。", "The report could not be accepted: a hidden field was filled in."),
        ["errors.title"] = ("入力内容を確認してください（{0}件）", "Please check what you entered ({0})"),
        ["lang.switch"] = ("English", "日本語"),
        ["lang.switch.label"] = ("Read this page in English", "このページを日本語で表示"),
        ["nav.label"] = ("通報", "Reports"),
        ["nav.form"] = ("不具合を通報する", "Report a problem"),
        ["nav.list"] = ("みんなの通報（一覧・地図）", "All reports (list and map)"),
        ["status.title"] = ("受付番号 {0} の通報", "Report {0}"),
        ["status.sample"] = ("デモ用の通報です（実際の通報ではありません）。", "A demonstration report (not a real one)."),
        ["status.received"] = ("通報を受け付けました。受付番号は {0} です。", "Thank you: your report has been received. Its reference number is {0}."),
        ["status.keep"] = ("このページのアドレスを控えておくと、対応の状況をいつでも確認でき、対応を終えたときに「直りましたか？」に答えられます。",
            "Keep this page's address: you can follow the report here and answer \"Is it fixed?\" once it is closed."),
        ["status.number"] = ("受付番号", "Reference number"),
        ["status.kind"] = ("種類", "Kind"),
        ["status.status"] = ("状態", "Status"),
        ["status.open"] = ("（対応中の通報）", " (being handled)"),
        ["status.closed"] = ("（対応を終えた通報）", " (closed)"),
        ["status.requested"] = ("受付日時", "Received"),
        ["status.updated"] = ("更新日時", "Updated"),
        ["status.closed-at"] = ("完了・終了日時", "Closed"),
        ["status.original"] = ("元の通報", "Original report"),
        ["status.original.text"] = ("受付番号 {0}で対応します。", "Handled as report {0}."),
        ["status.notes"] = ("{0}からのお知らせ", "Message from {0}"),
        ["status.unpublished"] = ("この通報の内容は、担当課が確かめてから公開します。それまでは状態と経過だけを表示しています。",
            "This report's content will be published once the office in charge has checked it. Until then only its status and history are shown."),
        ["status.hidden"] = ("この通報の内容は公開していません（個人情報を含むなどの理由）。状態と経過だけを表示しています。",
            "This report's content is not published (for example because it holds personal data). Only its status and history are shown."),
        ["status.place"] = ("場所", "Place"),
        ["status.coordinates"] = ("北緯 {0}、東経 {1}", "Latitude {0}, longitude {1}"),
        ["status.content"] = ("内容", "Content"),
        ["status.no-description"] = ("（説明はありません）", "(no description)"),
        ["status.photos"] = ("写真", "Photos"),
        ["status.photo.alt"] = ("通報に添えられた写真 {0}", "Photo {0} sent with the report"),
        ["status.duplicates"] = ("この通報と同じ内容の通報:", "Reports about the same problem:"),
        ["status.report"] = ("受付番号 {0}", "Report {0}"),
        ["status.steps"] = ("これまでの流れ（日本時間）", "Progress so far (Japan time)"),
        ["status.history"] = ("経過", "History"),
        ["status.another"] = ("別の不具合を通報する", "Report another problem"),
        ["ask.title"] = ("直りましたか？", "Is it fixed?"),
        ["ask.text"] = ("この通報への対応を終えました。現地の様子を教えてください。「いいえ」を選ぶと、対応を再開します。",
            "We have closed this report. Please tell us how it looks now. Choosing \"No\" reopens the report."),
        ["ask.yes"] = ("はい、直りました", "Yes, it is fixed"),
        ["ask.no"] = ("いいえ、直っていません", "No, it is not fixed"),
        ["ask.thanks.yes"] = ("「直った」とのお答えをいただきました。ありがとうございました。", "Thank you for telling us it is fixed."),
        ["ask.thanks.no"] = ("「直っていない」とのお答えをいただき、対応を再開しました。", "You told us it is not fixed: the report has been reopened."),
        ["ask.holder"] = ("通報した方は、受付のときに表示されたページのアドレス（またはメールのリンク）から「直りましたか？」に答えられます。",
            "The person who sent the report can answer \"Is it fixed?\" from the address shown when it was sent (or the link in its e-mails)."),
        ["list.title"] = ("みんなの通報", "Reports from residents"),
        ["list.intro"] = ("{0}に寄せられ、公開している通報の一覧と地図です。通報した方のお名前・連絡先・写真は載せていません。",
            "The reports sent to {0} and published, as a list and on a map. Names, contact details and photos are not shown."),
        ["list.filter"] = ("絞り込み", "Filter"),
        ["list.all"] = ("すべて", "All"),
        ["list.apply"] = ("表示する", "Show"),
        ["list.csv"] = ("CSV をダウンロード", "Download as CSV"),
        ["list.map.label"] = ("{0}の通報の地図", "Map of the reports to {0}"),
        ["list.count"] = ("{0}件", "{0} reports"),
        ["list.empty"] = ("公開している通報はありません。", "There are no published reports."),
        ["list.caption"] = ("公開している通報（新しい順）", "Published reports (newest first)"),
        ["list.address"] = ("場所", "Place"),
        ["list.description"] = ("内容", "Content"),
        ["list.map.note"] = ("地図の点を選ぶと、その通報のページへのリンクが表示されます。地図の内容は下の表と同じです。",
            "Choose a point on the map for a link to its report. The map shows the same reports as the table below."),
    };

    /// <summary>The text of <paramref name="key"/> in the page's language, with its arguments.</summary>
    public static string T(bool english, string key, params object?[] args)
    {
        var (ja, en) = Table[key];
        var text = english ? en : ja;
        return args.Length == 0 ? text : string.Format(System.Globalization.CultureInfo.InvariantCulture, text, args);
    }

    /// <summary>Every key, for the test that keeps both languages complete.</summary>
    public static IReadOnlyDictionary<string, (string Ja, string En)> All => Table;

    /// <summary>Whether the request asks for English (<c>?lang=en</c>, or the form's hidden <c>lang</c>).</summary>
    public static bool IsEnglish(HttpRequest request) =>
        string.Equals(request.Query["lang"], "en", StringComparison.OrdinalIgnoreCase)
        || (request.HasFormContentType && string.Equals(request.Form["lang"], "en", StringComparison.OrdinalIgnoreCase));

    /// <summary>The status in the page's language.</summary>
    public static string Status(bool english, ReportStatus status) => english ? ReportMails.EnglishLabel(status) : status.Label();

    /// <summary>The address with <c>lang=en</c> added when the page is English.</summary>
    public static string Link(bool english, string path) => english ? path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en" : path;
}
