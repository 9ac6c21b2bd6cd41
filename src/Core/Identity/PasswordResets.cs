using System.Security.Cryptography;
using System.Text;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Identity;

/// <summary>
/// Password reset by a one-time link (issue 22, item 2; docs/decisions/0027): the form mails a link to the address when
/// it has an account and answers the same either way (no enumeration); the operator's CLI prints one. A link is single
/// use, expires, and a newer one or a changed password withdraws the older ones.
/// </summary>
public static class PasswordResets
{
    /// <summary>How long a mailed link stays usable.</summary>
    public static readonly TimeSpan MailValidity = TimeSpan.FromHours(1);

    /// <summary>How long a link printed by the operator stays usable (it is passed on by hand).</summary>
    public static readonly TimeSpan OperatorValidity = TimeSpan.FromHours(24);

    public sealed record Issued(PasswordReset Reset, string Secret)
    {
        /// <summary>The link's path on this site: <c>/account/reset/{id}/{secret}</c>.</summary>
        public string Path => $"/account/reset/{Reset.Id}/{Secret}";
    }

    /// <summary>
    /// The form: when <paramref name="email"/> belongs to an account, a new link is mailed to it (older ones are withdrawn).
    /// Nothing is returned that tells whether it did; the caller answers the same either way.
    /// </summary>
    public static async Task RequestAsync(UserManager<AppUser> users, AppDbContext db, string email, string siteUrl, DateTime nowUtc, CancellationToken ct)
    {
        email = (email ?? "").Trim();
        var user = email.Length is > 0 and <= 256 ? await users.FindByEmailAsync(email) : null;
        if (user?.Email is null)
        {
            return;
        }

        // One mail a minute per account at most: the form cannot be used to flood someone's mailbox.
        var since = nowUtc - TimeSpan.FromMinutes(1);
        if (await db.PasswordResets.AnyAsync(r => r.UserId == user.Id && r.CreatedBy == "self" && r.CreatedAtUtc > since, ct))
        {
            return;
        }

        var issued = await AddAsync(db, user, "self", MailValidity, nowUtc, ct);
        if (AccountMails.AddPasswordReset(db, user.Email, issued, siteUrl, nowUtc).IsSuccess)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The operator's link for <paramref name="email"/> (CLI <c>users reset-password</c>).</summary>
    public static async Task<Result<Issued>> IssueAsync(UserManager<AppUser> users, AppDbContext db, string email, string operatorName, DateTime nowUtc, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync((email ?? "").Trim());
        if (user is null)
        {
            return Errors.UserNotFound(email ?? "");
        }

        var issued = await AddAsync(db, user, operatorName, OperatorValidity, nowUtc, ct);
        await db.SaveChangesAsync(ct);
        return issued;
    }

    /// <summary>The usable link (<paramref name="id"/>, <paramref name="secret"/>) and its account.</summary>
    public static async Task<Result<(PasswordReset Reset, AppUser User)>> FindAsync(AppDbContext db, string id, string secret, DateTime nowUtc, CancellationToken ct)
    {
        if (id is not { Length: 16 } || secret is not { Length: 64 })
        {
            return Errors.ResetLinkInvalid;
        }

        var reset = await db.PasswordResets.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (reset is null || !reset.IsUsable(nowUtc)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(reset.SecretHash), Encoding.ASCII.GetBytes(Hash(secret))))
        {
            return Errors.ResetLinkInvalid;
        }

        var user = await db.Users.SingleAsync(u => u.Id == reset.UserId, ct);
        return (reset, user);
    }

    /// <summary>
    /// Sets the new password through the link: the link and every other open link of the account are used up, the
    /// lockout is lifted, and every sign-in session of the account ends (the security stamp changes).
    /// </summary>
    public static async Task<Result<AppUser>> ResetAsync(UserManager<AppUser> users, AppDbContext db, string id, string secret, string password, string confirm, DateTime nowUtc, CancellationToken ct)
    {
        var found = await FindAsync(db, id, secret, nowUtc, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (string.IsNullOrEmpty(password))
        {
            return Errors.Identity("新しいパスワードを入力してください。", "newPassword");
        }

        if (!string.Equals(password, confirm, StringComparison.Ordinal))
        {
            return Errors.PasswordConfirmation;
        }

        var user = found.Value.User;
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, password);
            problems.AddRange(checkedPassword.Errors.Select(e => e.Description));
        }

        if (problems.Count > 0)
        {
            return Errors.Identity(string.Join(" ", problems), "newPassword");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return Errors.Identity(string.Join(" ", updated.Errors.Select(e => e.Description)), "newPassword");
        }

        foreach (var open in await db.PasswordResets.Where(r => r.UserId == user.Id && r.UsedAtUtc == null).ToListAsync(ct))
        {
            open.UsedAtUtc = nowUtc;
        }

        await db.SaveChangesAsync(ct);
        await Sessions.EndAllAsync(db, user.Id, ct);
        await transaction.CommitAsync(ct);
        return user;
    }

    private static async Task<Issued> AddAsync(AppDbContext db, AppUser user, string createdBy, TimeSpan validity, DateTime nowUtc, CancellationToken ct)
    {
        foreach (var older in await db.PasswordResets.Where(r => r.UserId == user.Id && r.UsedAtUtc == null).ToListAsync(ct))
        {
            older.UsedAtUtc = nowUtc;
        }

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var reset = new PasswordReset
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            UserId = user.Id,
            SecretHash = Hash(secret),
            CreatedAtUtc = nowUtc,
            CreatedBy = createdBy.Length > 200 ? createdBy[..200] : createdBy,
            ExpiresAtUtc = nowUtc + validity,
        };
        db.PasswordResets.Add(reset);
        return new Issued(reset, secret);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
