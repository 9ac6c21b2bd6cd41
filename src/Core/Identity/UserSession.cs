namespace InfraLedger.Core.Identity;

/// <summary>
/// A signed-in browser session (platform data, not tenant-owned). The sign-in cookie names it; the cookie is accepted
/// only while this row exists, has not expired and the user's security stamp is the one the cookie was issued with
/// (docs/decisions/0016). Signing out deletes the row, so a copy of the cookie replayed later is refused.
/// </summary>
public sealed class UserSession
{
    /// <summary>SHA-256 (hex) of the session key in the cookie: a database leak gives no usable key.</summary>
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required DateTime CreatedAtUtc { get; init; }

    /// <summary>Moves with the cookie's sliding expiration; a row past it is dead and removed at the next sign-in.</summary>
    public required DateTime ExpiresAtUtc { get; set; }

    /// <summary>The client address at sign-in, for the user's and the operator's inspection.</summary>
    public string? ClientAddress { get; init; }
}
