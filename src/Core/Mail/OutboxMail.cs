namespace InfraLedger.Core.Mail;

/// <summary>Where a mail of the outbox is: waiting to be sent (first try or a retry), sent, or given up.</summary>
public enum MailState
{
    Queued,
    Sent,
    Failed,
}

/// <summary>
/// A mail in the outbox (<c>mail_outbox</c>), written in the same transaction as the change it tells about and sent later by
/// the background sender (docs/decisions/0027). Not <see cref="Tenancy.ITenantOwned"/>: the queue is the platform's (a
/// password-reset mail belongs to no tenant) and its body may hold a one-time link, which must not reach the audit trail;
/// pages list a tenant's mails by <see cref="TenantId"/> explicitly and never show <see cref="Body"/>.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }

    /// <summary>The tenant the mail is about (団体コード), or null for a platform mail (password reset).</summary>
    public string? TenantId { get; init; }

    /// <summary>What the mail is (<see cref="MailKinds"/>, or a feature's own lower-case name).</summary>
    public required string Kind { get; init; }

    public required string Recipient { get; init; }

    public required string Subject { get; init; }

    /// <summary>The plain-text body; emptied once sent (it may hold a one-time link).</summary>
    public required string Body { get; set; }

    public MailState State { get; set; }

    public int Attempts { get; set; }

    public required DateTime CreatedAtUtc { get; init; }

    /// <summary>When the sender may try (again); null once sent or failed.</summary>
    public DateTime? NextAttemptAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>The SMTP error of the last attempt, without the message's content.</summary>
    public string? LastError { get; set; }
}

/// <summary>The kinds of mail the application sends; other features may add their own lower-case names.</summary>
public static class MailKinds
{
    public const string Invitation = "invitation";
    public const string PasswordReset = "password_reset";
    public const string Test = "test";
}
