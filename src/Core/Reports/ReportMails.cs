using System.Globalization;
using System.Text;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Reports;

/// <summary>
/// The mail a reporter gets when their report's status changes (issue 22 item 4): only this report and its body — the
/// reference number, kind, new status, the public note and, once closed, 「直りましたか？」 — and the link to the status
/// page with the report's key. Never another report, never the staff's internal notes, never the reporter's own details.
/// Written in the language of the form the reporter used.
/// </summary>
public static class ReportMails
{
    public const string Kind = "report_status";

    public sealed record Mail(string Recipient, string Subject, string Body);

    /// <summary>The status page's address for the report's holder: <c>{site}/{団体コード}/report/{id}?key=…</c>.</summary>
    public static string HolderLink(string siteUrl, ResidentReport report) =>
        $"{siteUrl.TrimEnd('/')}/{report.TenantId}/report/{report.Id.ToString(CultureInfo.InvariantCulture)}?key={Uri.EscapeDataString(report.ReporterKey ?? "")}"
        + (report.Language == "en" ? "&lang=en" : "");

    /// <summary>The mail for the report's current status (the caller checks there is an address).</summary>
    public static Mail StatusChanged(ResidentReport report, string bodyName, string? bodyNameEn, string serviceName, string siteUrl)
    {
        var link = HolderLink(siteUrl, report);
        var id = report.Id.ToString(CultureInfo.InvariantCulture);
        var body = new StringBuilder();
        if (report.Language == "en")
        {
            var name = bodyNameEn ?? bodyName;
            body.AppendLine(CultureInfo.InvariantCulture, $"The status of your report {id} ({serviceName}) to {name} is now: {EnglishLabel(report.Status)}.");
            if (report.StatusNotes is { } note)
            {
                body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Message from {name}:").AppendLine(note);
            }

            if (Confirmation.Asks(report.Status))
            {
                body.AppendLine().AppendLine("Is it fixed? Please tell us on the report's page (answering \"No\" reopens the report):");
            }
            else
            {
                body.AppendLine().AppendLine("You can follow the report on its page:");
            }

            body.AppendLine(link).AppendLine().AppendLine(CultureInfo.InvariantCulture, $"This mail was sent because you gave this address with report {id}. Do not reply to it.");
            return new Mail(report.Email!, $"[{name}] Report {id}: {EnglishLabel(report.Status)}", body.ToString());
        }

        body.AppendLine(CultureInfo.InvariantCulture, $"{bodyName}にお寄せいただいた通報（受付番号 {id}、{serviceName}）の状態が「{report.Status.Label()}」になりました。");
        if (report.StatusNotes is { } notes)
        {
            body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{bodyName}からのお知らせ:").AppendLine(notes);
        }

        body.AppendLine().AppendLine(Confirmation.Asks(report.Status)
            ? "直りましたか？ 通報のページでお答えください（「いいえ」とお答えいただくと、対応を再開します）。"
            : "対応の状況は、通報のページでいつでも確認できます。");
        body.AppendLine(link).AppendLine().AppendLine(CultureInfo.InvariantCulture, $"このメールは、受付番号 {id} の通報でメールアドレスをお知らせいただいたため、送信しています。返信はできません。");
        return new Mail(report.Email!, $"【{bodyName}】受付番号 {id} の通報: {report.Status.Label()}", body.ToString());
    }

    /// <summary>
    /// Puts the mail of the report's current status in the outbox (issue 22 item 1) among <paramref name="db"/>'s pending
    /// changes: the caller's save queues it with the change. False when the address is refused by the mail library.
    /// </summary>
    public static async Task<bool> QueueAsync(AppDbContext db, ResidentReport report, string siteUrl, DateTime nowUtc, CancellationToken ct)
    {
        var body = await db.LocalGovernments.AsNoTracking().Where(g => g.Code == report.TenantId).Select(g => new { g.Name, g.NameEn }).SingleAsync(ct);
        var service = await db.ReportServices.AsNoTracking().Where(s => s.Code == report.ServiceCode).Select(s => s.Name).SingleOrDefaultAsync(ct);
        var mail = StatusChanged(report, body.Name, body.NameEn, service ?? report.ServiceCode, siteUrl);
        return Outbox(db, report.TenantId, mail, nowUtc);
    }

    /// <summary>The status in English, for the English pages and mails.</summary>
    public static string EnglishLabel(ReportStatus status) => status switch
    {
        ReportStatus.Received => "Received",
        ReportStatus.InProgress => "In progress",
        ReportStatus.Scheduled => "Scheduled",
        ReportStatus.Fixed => "Fixed",
        ReportStatus.Unable => "Cannot be done",
        ReportStatus.Duplicate => "Duplicate",
        ReportStatus.NotResponsible => "Not ours to handle",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    // The one call into the mail feature's outbox (docs/decisions/0027): queued with the caller's save.
    private static bool Outbox(AppDbContext db, string tenantId, Mail mail, DateTime nowUtc) =>
        Core.Mail.MailOutbox.Add(db, tenantId, Kind, mail.Recipient, mail.Subject, mail.Body, nowUtc).IsSuccess;
}
