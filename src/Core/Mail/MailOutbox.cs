using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Mail;

/// <summary>
/// The outbox (docs/decisions/0027): features put a mail in it within their own unit of work, and the background sender
/// delivers it. A mail is written only when the change it tells about is saved, and it survives a restart or an SMTP outage.
/// </summary>
public static partial class MailOutbox
{
    /// <summary>
    /// Adds a plain-text mail to <paramref name="db"/>'s pending changes: it is queued by the caller's next
    /// <c>SaveChangesAsync</c>, in the same transaction as the change it tells about. <paramref name="tenantId"/> is the
    /// tenant the mail is about (null for a platform mail); <paramref name="kind"/> a lower-case name (<see cref="MailKinds"/>).
    /// </summary>
    public static Result<OutboxMail> Add(AppDbContext db, string? tenantId, string kind, string recipient, string subject, string body, DateTime nowUtc)
    {
        recipient = (recipient ?? "").Trim();
        if (recipient.Length is 0 or > 256 || !new EmailAddressAttribute().IsValid(recipient) || !MimeKit.MailboxAddress.TryParse(recipient, out _))
        {
            return Errors.Recipient(recipient);
        }

        if (kind is null || !KindName().IsMatch(kind))
        {
            return Errors.Kind(kind ?? "");
        }

        subject = (subject ?? "").Trim();
        if (subject.Length is 0 or > 200 || subject.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            return Errors.Subject;
        }

        if (string.IsNullOrWhiteSpace(body) || body.Length > 20000)
        {
            return Errors.Body;
        }

        var mail = new OutboxMail
        {
            TenantId = tenantId,
            Kind = kind,
            Recipient = recipient,
            Subject = subject,
            Body = body,
            State = MailState.Queued,
            CreatedAtUtc = nowUtc,
            NextAttemptAtUtc = nowUtc,
        };
        db.OutboxMails.Add(mail);
        return mail;
    }

    /// <summary><see cref="Add"/> and save at once, for a mail that goes with no other change.</summary>
    public static async Task<Result<OutboxMail>> EnqueueAsync(AppDbContext db, string? tenantId, string kind, string recipient, string subject, string body, DateTime nowUtc, CancellationToken ct)
    {
        var added = Add(db, tenantId, kind, recipient, subject, body, nowUtc);
        if (added.IsSuccess)
        {
            await db.SaveChangesAsync(ct);
        }

        return added;
    }

    /// <summary>One line of the outbox listing: everything but the body.</summary>
    public sealed record Entry(long Id, string? TenantId, string Kind, string Recipient, string Subject, MailState State, int Attempts,
        DateTime CreatedAtUtc, DateTime? NextAttemptAtUtc, DateTime? SentAtUtc, string? LastError);

    /// <summary>The counts by state and the newest mails, of one tenant or of the whole platform.</summary>
    public sealed record Summary(int Queued, int Sent, int Failed, IReadOnlyList<Entry> Latest);

    public static async Task<Summary> SummaryAsync(AppDbContext db, string? tenantId, int take, CancellationToken ct)
    {
        var mails = tenantId is null ? db.OutboxMails.AsNoTracking() : db.OutboxMails.AsNoTracking().Where(m => m.TenantId == tenantId);
        var counts = await mails.GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var latest = await mails.OrderByDescending(m => m.Id).Take(take)
            .Select(m => new Entry(m.Id, m.TenantId, m.Kind, m.Recipient, m.Subject, m.State, m.Attempts, m.CreatedAtUtc, m.NextAttemptAtUtc, m.SentAtUtc, m.LastError))
            .ToListAsync(ct);
        int Count(MailState s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return new Summary(Count(MailState.Queued), Count(MailState.Sent), Count(MailState.Failed), latest);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex KindName();
}
