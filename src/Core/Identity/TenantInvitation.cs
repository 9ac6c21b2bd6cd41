namespace InfraLedger.Core.Identity;

/// <summary>
/// An invitation to become a member of a tenant (tenant-owned). Nobody becomes a member of a tenant without accepting
/// one: the admin's form creates it, the person accepts it through a one-time link (<c>/{団体コード}/invitations/{id}/{secret}</c>)
/// whose secret is stored only as a hash.
/// </summary>
public sealed class TenantInvitation : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    /// <summary>Public part of the link (16 hex digits).</summary>
    public required string Id { get; init; }

    /// <summary>The address as the admin typed it; the person who accepts must have (or create) an account with it.</summary>
    public required string Email { get; init; }

    public required string NormalizedEmail { get; init; }

    public required TenantRole Role { get; init; }

    /// <summary>SHA-256 (hex) of the link's 256-bit secret.</summary>
    public required string SecretHash { get; init; }

    public required DateTime CreatedAtUtc { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTime ExpiresAtUtc { get; init; }

    public DateTime? AcceptedAtUtc { get; set; }

    public string? AcceptedByUserId { get; set; }

    /// <summary>Set when the admin withdraws it, when it is declined, or when a newer invitation to the same address replaces it.</summary>
    public DateTime? RevokedAtUtc { get; set; }

    public bool IsPending(DateTime nowUtc) => AcceptedAtUtc is null && RevokedAtUtc is null && ExpiresAtUtc > nowUtc;
}
