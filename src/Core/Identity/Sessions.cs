using System.Security.Cryptography;
using System.Text;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Identity;

/// <summary>
/// Server-side sign-in sessions (docs/decisions/0016). The cookie carries a random session key; the session is live
/// while its row exists, has not expired and the user's security stamp still equals the stamp in the cookie. So
/// signing out (the row goes), a password change (the stamp changes) and a removal from a tenant (every row of the
/// user goes) end existing cookies at once, on every web instance.
/// </summary>
public static class Sessions
{
    /// <summary>Starts a session for a user who has just proved who they are; returns the key for the cookie.</summary>
    public static async Task<string> StartAsync(AppDbContext db, string userId, DateTime nowUtc, TimeSpan lifetime, string? address, CancellationToken ct)
    {
        // Housekeeping: expired rows are dead anyway; clearing them at each sign-in keeps the table small.
        await db.UserSessions.Where(s => s.ExpiresAtUtc <= nowUtc).ExecuteDeleteAsync(ct);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        db.UserSessions.Add(new UserSession
        {
            Id = Hash(key),
            UserId = userId,
            CreatedAtUtc = nowUtc,
            ExpiresAtUtc = nowUtc + lifetime,
            ClientAddress = address is { Length: > 64 } ? address[..64] : address,
        });
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>True when the session exists, belongs to the user, has not expired and the user's stamp is <paramref name="securityStamp"/>.</summary>
    public static Task<bool> IsLiveAsync(AppDbContext db, string key, string userId, string? securityStamp, DateTime nowUtc, CancellationToken ct)
    {
        var id = Hash(key);
        return db.UserSessions.AnyAsync(
            s => s.Id == id && s.UserId == userId && s.ExpiresAtUtc > nowUtc
                && db.Users.Any(u => u.Id == userId && u.SecurityStamp == securityStamp),
            ct);
    }

    /// <summary>Moves the expiry of a live session (the cookie's sliding expiration); never brings an ended one back.</summary>
    public static Task<int> ExtendAsync(AppDbContext db, string key, DateTime expiresUtc, CancellationToken ct)
    {
        var id = Hash(key);
        return db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAtUtc, expiresUtc), ct);
    }

    /// <summary>Ends one session (signing out).</summary>
    public static Task<int> EndAsync(AppDbContext db, string key, CancellationToken ct)
    {
        var id = Hash(key);
        return db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
    }

    /// <summary>Ends every session of a user (password changed, removed from a tenant, locked by an admin).</summary>
    public static Task<int> EndAllAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
