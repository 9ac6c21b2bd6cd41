namespace InfraLedger.Core.Identity;

/// <summary>
/// A password-reset link (<c>/account/reset/{id}/{secret}</c>) for one account: single use, expiring, its secret stored
/// only as SHA-256. Not tenant-owned: an account is the platform's (a person may belong to several tenants).
/// </summary>
public sealed class PasswordReset
{
    /// <summary>Public part of the link (16 hex digits).</summary>
    public required string Id { get; init; }

    public required string UserId { get; init; }

    /// <summary>SHA-256 (hex) of the link's 256-bit secret.</summary>
    public required string SecretHash { get; init; }

    public required DateTime CreatedAtUtc { get; init; }

    /// <summary>Who asked: <c>self</c> (the form) or the operator of the CLI.</summary>
    public required string CreatedBy { get; init; }

    public required DateTime ExpiresAtUtc { get; init; }

    /// <summary>Set when the link is used, or withdrawn because a newer one was issued or the password changed.</summary>
    public DateTime? UsedAtUtc { get; set; }

    public bool IsUsable(DateTime nowUtc) => UsedAtUtc is null && ExpiresAtUtc > nowUtc;
}
