using System.Security.Cryptography;
using System.Text;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Reports;

/// <summary>
/// 「直りましたか？」 (issue 22 item 4, as FixMyStreet's questionnaire): once a report is closed as 完了 or 対応不可, its
/// reporter — the holder of the report's link (<see cref="ResidentReport.ReporterKey"/>) — is asked whether it is fixed.
/// 「はい」 is recorded; 「いいえ」 reopens the report (対応中). One answer per closing: a report closed again is asked again.
/// Both are history lines (public) and saved changes (audited) like every other step of <see cref="Workflow"/>.
/// </summary>
public static class Confirmation
{
    public const string FixedType = "confirmed";
    public const string ReopenedType = "reopened";

    /// <summary>Whether the report's closing asks the question: 完了 and 対応不可 (a duplicate or 管轄外 is answered elsewhere).</summary>
    public static bool Asks(ReportStatus status) => status is ReportStatus.Fixed or ReportStatus.Unable;

    /// <summary>Whether <paramref name="key"/> is the report's link secret (constant time; a report without one has no holder).</summary>
    public static bool IsHolder(ResidentReport report, string? key) =>
        report.ReporterKey is { } secret && key is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(key.Trim()));

    /// <summary>The answer already given to the current closing, or null (also null while the report is open).</summary>
    public static ReportNote? AnswerOf(ResidentReport report, IEnumerable<ReportNote> history) =>
        report.ClosedAtUtc is { } closed
            ? history.Where(n => n.Type is FixedType or ReopenedType && n.AtUtc >= closed).OrderBy(n => n.Number).LastOrDefault()
            : null;

    /// <summary>The holder's answer: <paramref name="fixedNow"/> true records 「はい」, false reopens the report.</summary>
    public static async Task<Result<ResidentReport>> AnswerAsync(
        AppDbContext db, long id, string? key, bool fixedNow, DateTime nowUtc, string? siteUrl, CancellationToken ct)
    {
        var report = await ResidentReports.FindAsync(db, id, ct);
        if (report is null)
        {
            return Errors.ReportNotFound(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!IsHolder(report, key))
        {
            return Errors.KeyMismatch;
        }

        if (report.Status.IsOpen() || !Asks(report.Status))
        {
            return Errors.NotClosed;
        }

        var history = await db.ReportNotes.AsNoTracking().Where(n => n.ReportId == id).ToListAsync(ct);
        if (AnswerOf(report, history) is not null)
        {
            return Errors.AlreadyAnswered;
        }

        return await Workflow.AnswerAsync(db, id, fixedNow, nowUtc, siteUrl, ct);
    }
}
