using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Reports;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>What the residents' and the staff's report pages share: addresses, dates in JST and the history's wording.</summary>
public static class ReportPages
{
    public static string Form(string tenant) => $"/{tenant}/report";

    public static string Status(string tenant, long id) => $"/{tenant}/report/{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The status page for the report's holder (its link secret), in the page's language.</summary>
    public static string HolderStatus(string tenant, long id, string? key, bool english) =>
        ReportText.Link(english, Status(tenant, id) + (key is null ? "" : "?key=" + Uri.EscapeDataString(key)));

    public static string PublicList(string tenant) => $"/{tenant}/report/list";

    public static string Templates(string tenant) => $"/{tenant}/reports/templates";

    public static string Queue(string tenant) => $"/{tenant}/reports";

    public static string Detail(string tenant, long id) => $"/{tenant}/reports/{id.ToString(CultureInfo.InvariantCulture)}";

    public static string ServiceList(string tenant) => $"/{tenant}/reports/services";

    public static string ServiceEdit(string tenant, string? code) =>
        code is null ? $"/{tenant}/reports/services/edit" : $"/{tenant}/reports/services/edit/{Uri.EscapeDataString(code)}";

    /// <summary>A time for people: JST, to the minute (the one rule is <see cref="JapanTime"/>).</summary>
    public static string Jst(DateTime utc) => JapanTime.Written(utc);

    public static string JstDate(DateTime utc) => JapanTime.Date(utc);

    /// <summary>A time for the residents' pages: 日本時間 in Japanese, the same instant written in English with "JST".</summary>
    public static string When(bool english, DateTime utc) =>
        english ? (utc + JapanTime.Offset).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " JST" : Jst(utc);

    /// <summary>
    /// The report's way so far in plain words (受付 → 対応中 → 完了 …): the status after each public history line where it
    /// changed, with when. The first line is always 受付.
    /// </summary>
    public static List<(ReportStatus Status, DateTime AtUtc)> Steps(IEnumerable<ReportNote> publicHistory)
    {
        var steps = new List<(ReportStatus, DateTime)>();
        foreach (var note in publicHistory.OrderBy(n => n.Number))
        {
            if (steps.Count == 0 || steps[^1].Item1 != note.Status)
            {
                steps.Add((note.Status, note.AtUtc));
            }
        }

        return steps;
    }

    /// <summary>What a history line did, in the residents' page's language.</summary>
    public static string Describe(ReportNote note, bool english) => !english ? Describe(note) : note.Type switch
    {
        "submitted" => "Received",
        "status" => $"Status set to \"{Core.Reports.ReportMails.EnglishLabel(note.Status)}\"",
        "note" => "Message",
        "duplicate" => "Merged as a duplicate",
        Confirmation.FixedType => "The reporter told us it is fixed",
        Confirmation.ReopenedType => "Reopened: the reporter told us it is not fixed",
        _ => "Update",
    };

    /// <summary>What a history line did, in words (the status is always given as text too: never colour alone).</summary>
    public static string Describe(ReportNote note) => note.Type switch
    {
        "submitted" => "受け付けました",
        "status" => $"状態を「{note.Status.Label()}」にしました",
        "note" => "お知らせ",
        "internal" => "内部メモ",
        "duplicate" => "重複としてまとめました",
        "facility" => "施設とのひも付け",
        "section" => "担当課の変更",
        "hidden" => "非公開",
        "shown" => "公開に戻しました",
        "redacted" => "説明文の編集",
        Confirmation.FixedType => "通報した方から「直った」とのお答え",
        Confirmation.ReopenedType => "通報した方のお答えで対応を再開",
        _ => note.Type,
    };

    /// <summary>Whether an open report is past the date its service's target set.</summary>
    public static bool IsOverdue(ResidentReport report, DateTime nowUtc) =>
        ReportStatuses.IsOverdue(report.Status, report.ExpectedAtUtc, nowUtc);

    /// <summary>The answers in words: the question's text and the chosen options' names.</summary>
    public static List<(string Question, string Answer)> Answers(ReportService? service, ResidentReport report)
    {
        var answers = ResidentReports.AttributesOf(report);
        var questions = service?.Attributes ?? [];
        var lines = new List<(string, string)>();
        foreach (var (code, values) in answers)
        {
            var question = questions.FirstOrDefault(q => q.Code == code);
            var names = values.Select(v => question?.Values?.FirstOrDefault(o => o.Key == v)?.Name ?? v);
            lines.Add((question?.Description ?? code, string.Join("、", names)));
        }

        return lines;
    }
}
