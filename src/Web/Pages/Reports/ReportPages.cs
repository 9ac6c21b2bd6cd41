using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Reports;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>What the residents' and the staff's report pages share: addresses, dates in JST and the history's wording.</summary>
public static class ReportPages
{
    public static string Form(string tenant) => $"/{tenant}/report";

    public static string Status(string tenant, long id) => $"/{tenant}/report/{id.ToString(CultureInfo.InvariantCulture)}";

    public static string Queue(string tenant) => $"/{tenant}/reports";

    public static string Detail(string tenant, long id) => $"/{tenant}/reports/{id.ToString(CultureInfo.InvariantCulture)}";

    public static string ServiceList(string tenant) => $"/{tenant}/reports/services";

    public static string ServiceEdit(string tenant, string? code) =>
        code is null ? $"/{tenant}/reports/services/edit" : $"/{tenant}/reports/services/edit/{Uri.EscapeDataString(code)}";

    /// <summary>A time for people: JST, to the minute (the one rule is <see cref="JapanTime"/>).</summary>
    public static string Jst(DateTime utc) => JapanTime.Written(utc);

    public static string JstDate(DateTime utc) => JapanTime.Date(utc);

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
