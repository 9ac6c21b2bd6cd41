using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace InfraLedger.Core.Identity;

/// <summary>
/// The password check of the sign-in form (issue 17, F6; docs/decisions/0017). Every attempt costs one password-hash
/// verification, whether the address is unknown, the account locked or the password wrong, so that the response time
/// does not tell whether an account exists. Lockout counts failures per account; the per-address throttle in front of it
/// (Web) keeps one client from locking anybody out.
/// </summary>
public static class PasswordSignIn
{
    public enum Outcome
    {
        Succeeded,
        Failed,
        LockedOut,
    }

    /// <summary>The result; <paramref name="User"/> is null for an unknown address, <paramref name="LockedNow"/> when this attempt locked the account.</summary>
    public sealed record Attempt(Outcome Outcome, AppUser? User, bool LockedNow);

    private static string? decoyHash;

    public static async Task<Attempt> CheckAsync(UserManager<AppUser> users, string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            // The same work as for an account: verify against a hash made with the same hasher and settings.
            users.PasswordHasher.VerifyHashedPassword(Decoy, DecoyHash(users.PasswordHasher), password);
            return new Attempt(Outcome.Failed, null, false);
        }

        var locked = await users.IsLockedOutAsync(user);
        var correct = await users.CheckPasswordAsync(user, password);
        if (locked)
        {
            // Checked, but not told: a locked account says nothing about whether the password was right.
            return new Attempt(Outcome.LockedOut, user, false);
        }

        if (!correct)
        {
            await users.AccessFailedAsync(user);
            var lockedNow = await users.IsLockedOutAsync(user);
            return new Attempt(lockedNow ? Outcome.LockedOut : Outcome.Failed, user, lockedNow);
        }

        if (await users.GetAccessFailedCountAsync(user) > 0)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        return new Attempt(Outcome.Succeeded, user, false);
    }

    private static readonly AppUser Decoy = new() { UserName = "decoy", Email = "decoy@invalid" };

    private static string DecoyHash(IPasswordHasher<AppUser> hasher) =>
        decoyHash ??= hasher.HashPassword(Decoy, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
}
