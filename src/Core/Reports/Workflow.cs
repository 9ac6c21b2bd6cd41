using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Reports;

/// <summary>
/// What staff do with a report: set its status with a public note, add public or internal notes, mark it a duplicate
/// of another, link it to a register facility, hide it, redact its text or withdraw a photo. Every step is one
/// history line (public or internal) and one save, so the audit trail and the history always agree.
/// </summary>
public static class Workflow
{
    /// <summary>
    /// Sets the status with a public note. With <paramref name="siteUrl"/> (the site's address for links in mails), a
    /// reporter who gave an e-mail gets a mail of the change (<see cref="ReportMails"/>), queued in the same save.
    /// </summary>
    public static async Task<Result<ResidentReport>> SetStatusAsync(AppDbContext db, long id, ReportStatus status, string? publicNote, DateTime nowUtc, CancellationToken ct, string? siteUrl = null)
    {
        if (status == ReportStatus.Duplicate)
        {
            return Errors.ServiceField("Status", "重複にするときは、元の通報の受付番号を指定して「重複としてまとめる」を使ってください。");
        }

        return await ChangeAsync(db, id, nowUtc, report =>
        {
            var note = Blank(publicNote);
            if (note?.Length > ResidentReports.MaxDescription)
            {
                return Errors.TooLong("StatusNotes", "お知らせ", ResidentReports.MaxDescription);
            }

            report.Status = status;
            report.StatusNotes = note;
            report.DuplicateOfId = null;
            return Line("status", note, isPublic: true);
        }, ct, siteUrl);
    }

    public static Task<Result<ResidentReport>> AddNoteAsync(AppDbContext db, long id, string? text, bool isPublic, DateTime nowUtc, CancellationToken ct) =>
        ChangeAsync(db, id, nowUtc, _ =>
        {
            var note = Blank(text);
            if (note is null)
            {
                return Errors.NoteRequired;
            }

            return note.Length > ResidentReports.MaxDescription ? Errors.TooLong("Text", "メモ", ResidentReports.MaxDescription) : Line(isPublic ? "note" : "internal", note, isPublic);
        }, ct);

    /// <summary>Closes the report as a duplicate of <paramref name="originalId"/>; both pages link to each other.</summary>
    public static async Task<Result<ResidentReport>> MarkDuplicateAsync(AppDbContext db, long id, long originalId, DateTime nowUtc, CancellationToken ct, string? siteUrl = null)
    {
        if (id == originalId)
        {
            return Errors.DuplicateOfSelf;
        }

        var original = await ResidentReports.FindAsync(db, originalId, ct);
        if (original is null)
        {
            return Errors.ReportNotFound(originalId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (original.DuplicateOfId is not null)
        {
            return Errors.DuplicateOfDuplicate(originalId);
        }

        return await ChangeAsync(db, id, nowUtc, report =>
        {
            report.Status = ReportStatus.Duplicate;
            report.DuplicateOfId = originalId;
            report.StatusNotes = $"受付番号 {originalId} と同じ内容のため、そちらで対応します。";
            return Line("duplicate", report.StatusNotes, isPublic: true);
        }, ct, siteUrl);
    }

    /// <summary>The reporter's answer to 「直りましたか？」 (checked by <see cref="Confirmation.AnswerAsync"/>): recorded, or the report reopened.</summary>
    internal static Task<Result<ResidentReport>> AnswerAsync(AppDbContext db, long id, bool fixedNow, DateTime nowUtc, string? siteUrl, CancellationToken ct) =>
        ChangeAsync(db, id, nowUtc, report =>
        {
            if (fixedNow)
            {
                return Line(Confirmation.FixedType, "通報した方から「直った」とのお返事がありました。", isPublic: true);
            }

            report.Status = ReportStatus.InProgress;
            report.StatusNotes = "通報した方から「直っていない」とのお返事があり、対応を再開しました。";
            return Line(Confirmation.ReopenedType, report.StatusNotes, isPublic: true);
        }, ct, siteUrl);

    public static async Task<Result<ResidentReport>> LinkFacilityAsync(AppDbContext db, long id, string? facilityCode, DateTime nowUtc, CancellationToken ct)
    {
        var code = Blank(facilityCode);
        if (code is not null && !await db.Facilities.AnyAsync(f => f.Code == code, ct))
        {
            return Errors.FacilityNotFound(code);
        }

        return await ChangeAsync(db, id, nowUtc, report =>
        {
            report.FacilityCode = code;
            return Line("facility", code is null ? "施設とのひも付けを外しました。" : $"施設 {code} にひも付けました。", isPublic: false);
        }, ct);
    }

    /// <summary>
    /// Hands the report to another 担当課 (issue 21 item 7): one of the sections the tenant's services name, recorded as an
    /// internal history line (the reporter's page does not show which section handles it).
    /// </summary>
    public static async Task<Result<ResidentReport>> SetSectionAsync(AppDbContext db, long id, string? section, DateTime nowUtc, CancellationToken ct)
    {
        var chosen = Blank(section);
        if (chosen is null)
        {
            return Errors.SectionRequired;
        }

        var sections = await SectionsAsync(db, ct);
        if (!sections.Contains(chosen, StringComparer.Ordinal))
        {
            return Errors.SectionUnknown(chosen, sections);
        }

        return await ChangeAsync(db, id, nowUtc, report =>
        {
            var before = report.Section;
            report.Section = chosen;
            return Line("section", $"担当課を「{before}」から「{chosen}」に変えました。", isPublic: false);
        }, ct);
    }

    /// <summary>The 担当課 a report can be handed to: those of the tenant's services, in order.</summary>
    public static async Task<List<string>> SectionsAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.ReportServices.Select(s => s.Section).Distinct().ToListAsync(ct)).Order(StringComparer.Ordinal)];

    /// <summary>公開: the report reaches public pages and the public Open311 list (as the form tells residents, ADR 0014).</summary>
    public static Task<Result<ResidentReport>> PublishAsync(AppDbContext db, long id, DateTime nowUtc, CancellationToken ct) =>
        ChangeAsync(db, id, nowUtc, report =>
        {
            if (report.PublishedAtUtc is not null)
            {
                return Errors.AlreadyPublished(id);
            }

            report.PublishedAtUtc = nowUtc;
            return Line("published", "確認のうえ公開しました。", isPublic: false);
        }, ct);

    public static Task<Result<ResidentReport>> SetHiddenAsync(AppDbContext db, long id, bool hidden, string? reason, DateTime nowUtc, CancellationToken ct) =>
        ChangeAsync(db, id, nowUtc, report =>
        {
            report.IsHidden = hidden;
            return Line(hidden ? "hidden" : "shown", Blank(reason) ?? (hidden ? "非公開にしました。" : "公開に戻しました。"), isPublic: false);
        }, ct);

    /// <summary>Replaces the public text, e.g. to remove a name or a licence plate (the previous text stays in the audit trail).</summary>
    public static Task<Result<ResidentReport>> RedactAsync(AppDbContext db, long id, string? description, DateTime nowUtc, CancellationToken ct) =>
        ChangeAsync(db, id, nowUtc, report =>
        {
            var text = Blank(description);
            if (text?.Length > ResidentReports.MaxDescription)
            {
                return Errors.TooLong("Description", "説明", ResidentReports.MaxDescription);
            }

            report.Description = text;
            return Line("redacted", "説明文を編集しました（個人情報などの削除）。", isPublic: false);
        }, ct);

    public static async Task<Result<ResidentReport>> SetPhotoHiddenAsync(AppDbContext db, long id, int number, bool hidden, DateTime nowUtc, CancellationToken ct)
    {
        var photo = await db.ReportPhotos.SingleOrDefaultAsync(p => p.ReportId == id && p.Number == number, ct);
        if (photo is null)
        {
            return Errors.PhotoNotFound(number);
        }

        photo.IsHidden = hidden;
        return await ChangeAsync(db, id, nowUtc, _ =>
            Line(hidden ? "hidden" : "shown", hidden ? $"写真 {number} を非公開にしました。" : $"写真 {number} を公開に戻しました。", isPublic: false), ct);
    }

    private static async Task<Result<ResidentReport>> ChangeAsync(AppDbContext db, long id, DateTime nowUtc,
        Func<ResidentReport, Result<(string Type, string? Text, bool IsPublic)>> change, CancellationToken ct, string? siteUrl = null)
    {
        var report = await db.ResidentReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return Errors.ReportNotFound(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var wasOpen = report.Status.IsOpen();
        var before = report.Status;
        var line = change(report);
        if (!line.IsSuccess)
        {
            return line.Error!;
        }

        var (type, text, isPublic) = line.Value;
        if (isPublic)
        {
            report.RespondedAtUtc ??= nowUtc;
        }

        if (wasOpen && !report.Status.IsOpen())
        {
            report.ClosedAtUtc = nowUtc;
        }
        else if (report.Status.IsOpen())
        {
            report.ClosedAtUtc = null;
        }

        report.UpdatedAtUtc = nowUtc;
        var number = (await db.ReportNotes.Where(n => n.ReportId == id).MaxAsync(n => (int?)n.Number, ct) ?? 0) + 1;
        db.ReportNotes.Add(new ReportNote
        {
            TenantId = report.TenantId, ReportId = id, Number = number, AtUtc = nowUtc, Type = type, Status = report.Status,
            Text = text, IsPublic = isPublic, Author = db.Scope.Actor,
        });

        // The reporter hears of each status change, in the same save as the change (a failed save sends nothing). An
        // address the mail library refuses never blocks the staff's step: the report simply gets no mail.
        if (report.Status != before && report.Email is not null && siteUrl is not null)
        {
            await ReportMails.QueueAsync(db, report, siteUrl, nowUtc, ct);
        }

        await db.SaveChangesAsync(ct);
        return report;
    }

    private static Result<(string Type, string? Text, bool IsPublic)> Line(string type, string? text, bool isPublic) => (type, text, isPublic);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
