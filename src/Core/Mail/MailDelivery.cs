using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace InfraLedger.Core.Mail;

/// <summary>
/// Sends the due mails of the outbox (docs/decisions/0027). Each mail is first claimed by one conditional update, so two
/// senders (the web host and <c>infraledger mail send</c>) never send it twice; a failed attempt is retried after a delay
/// that doubles each time, and after <see cref="MailSettings.MaxAttempts"/> attempts the mail is marked failed. Every
/// attempt is logged under <see cref="LogCategory"/> with tenant, kind, recipient and state — never the body or subject,
/// which may hold a one-time link.
/// </summary>
public static class MailDelivery
{
    public const string LogCategory = "InfraLedger.Mail";

    /// <summary>How long a claimed mail is left alone by other senders while this one tries it.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    public sealed record Batch(int Sent, int Retrying, int Failed);

    /// <summary>The delay before attempt <paramref name="attemptsMade"/> + 1: the first delay, doubled per further attempt, capped at one hour.</summary>
    public static TimeSpan RetryDelay(MailSettings settings, int attemptsMade)
    {
        var factor = Math.Pow(2, Math.Max(0, attemptsMade - 1));
        var delay = settings.FirstRetryDelay.TotalSeconds * factor;
        return delay >= MaxDelay.TotalSeconds ? MaxDelay : TimeSpan.FromSeconds(delay);
    }

    /// <summary>Sends up to <paramref name="take"/> due mails through <paramref name="transport"/>.</summary>
    public static async Task<Batch> SendDueAsync(AppDbContext db, IMailTransport transport, MailSettings settings, ILogger logger, Func<DateTime> clock, int take, CancellationToken ct)
    {
        var now = clock();
        var due = await db.OutboxMails.AsNoTracking()
            .Where(m => m.State == MailState.Queued && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id).Take(take)
            .Select(m => new { m.Id, m.Attempts }).ToListAsync(ct);
        int sent = 0, retrying = 0, failed = 0;
        foreach (var candidate in due)
        {
            var leaseUntil = clock() + Lease;
            var claimed = await db.OutboxMails
                .Where(m => m.Id == candidate.Id && m.State == MailState.Queued && m.Attempts == candidate.Attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, candidate.Attempts + 1).SetProperty(m => m.NextAttemptAtUtc, leaseUntil), ct);
            if (claimed != 1)
            {
                continue;
            }

            var mail = await db.OutboxMails.AsNoTracking().SingleAsync(m => m.Id == candidate.Id, ct);
            string? error = null;
            try
            {
                await transport.SendAsync(Message(mail, settings), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Only the exception's type and message: an SMTP reply quotes the server, never the message body.
                error = $"{e.GetType().Name}: {e.Message}";
                if (error.Length > 500)
                {
                    error = error[..500];
                }
            }

            var at = clock();
            if (error is null)
            {
                await db.OutboxMails.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, MailState.Sent).SetProperty(m => m.SentAtUtc, at)
                    .SetProperty(m => m.NextAttemptAtUtc, (DateTime?)null).SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.Body, ""), ct);
                Log(logger, LogLevel.Information, mail, MailState.Sent, mail.Attempts);
                sent++;
            }
            else if (mail.Attempts >= settings.MaxAttempts)
            {
                await db.OutboxMails.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, MailState.Failed).SetProperty(m => m.NextAttemptAtUtc, (DateTime?)null)
                    .SetProperty(m => m.LastError, error), ct);
                Log(logger, LogLevel.Error, mail, MailState.Failed, mail.Attempts, error);
                failed++;
            }
            else
            {
                var next = at + RetryDelay(settings, mail.Attempts);
                await db.OutboxMails.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.NextAttemptAtUtc, next).SetProperty(m => m.LastError, error), ct);
                Log(logger, LogLevel.Warning, mail, MailState.Queued, mail.Attempts, $"{error}; next={next:O}");
                retrying++;
            }
        }

        return new Batch(sent, retrying, failed);
    }

    /// <summary>The message as sent: plain text, UTF-8, the configured sender.</summary>
    public static MimeMessage Message(OutboxMail mail, MailSettings settings)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.SenderName, settings.Sender));
        message.To.Add(MailboxAddress.Parse(mail.Recipient));
        message.Subject = mail.Subject;
        message.Date = new DateTimeOffset(mail.CreatedAtUtc, TimeSpan.Zero);
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.Body };
        message.Headers.Add("X-InfraLedger-Kind", mail.Kind);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    private static void Log(ILogger logger, LogLevel level, OutboxMail mail, MailState state, int attempt, string detail = "") =>
        logger.Log(level, "mail {State} id={Id} tenant={Tenant} kind={Kind} recipient={Recipient} attempt={Attempt} {Detail}",
            state.ToString().ToLowerInvariant(), mail.Id, mail.TenantId ?? "-", mail.Kind, mail.Recipient, attempt, detail);
}
