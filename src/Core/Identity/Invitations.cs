using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Identity;

/// <summary>
/// Membership by invitation (issue 17, F7): an admin who adds a person who is not yet a member creates an invitation,
/// and the person becomes a member only by accepting it through its one-time link. The admin's form answers the same
/// whether or not the address has an account (docs/decisions/0018).
/// </summary>
public static class Invitations
{
    /// <summary>How long a link stays usable.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(7);

    /// <summary>An invitation just created, with the secret of its link (shown once, never stored).</summary>
    public sealed record Issued(TenantInvitation Invitation, string Secret)
    {
        /// <summary>The link's path on this site: <c>/{団体コード}/invitations/{id}/{secret}</c>.</summary>
        public string Path => $"/{Invitation.TenantId}/invitations/{Invitation.Id}/{Secret}";
    }

    /// <summary>What the admin's form did: changed a member's role, or invited someone who is not a member.</summary>
    public abstract record Outcome;

    public sealed record RoleChanged(TenantMembership Membership) : Outcome;

    public sealed record Invited(Issued Issued) : Outcome;

    /// <summary>
    /// The admin's "add a member" form for the current tenant: a member's role is changed; anybody else, whether or
    /// not the address has an account, gets a new invitation (an older pending one to the same address is withdrawn).
    /// With <paramref name="mail"/>, the link is mailed to the address through the outbox, in the invitation's own save
    /// (issue 22, item 2).
    /// </summary>
    public static async Task<Result<Outcome>> InviteOrChangeRoleAsync(AppDbContext db, string email, TenantRole role, DateTime nowUtc, CancellationToken ct,
        Mail.MailSettings? mail = null)
    {
        var tenantId = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。");
        email = (email ?? "").Trim();
        if (email.Length is 0 or > 256 || !new EmailAddressAttribute().IsValid(email))
        {
            return Errors.InvalidEmail(email);
        }

        if (!Enum.IsDefined(role))
        {
            return Errors.Identity("役割を選んでください。", "role");
        }

        var normalized = email.ToUpperInvariant();
        // The tenant filter limits this to members of the current tenant: nothing here tells whether an account exists.
        var member = await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u.NormalizedEmail })
            .Where(x => x.NormalizedEmail == normalized).Select(x => x.m).SingleOrDefaultAsync(ct);
        if (member is not null)
        {
            var changed = await UserAccounts.ChangeRoleAsync(db, member, role, ct);
            return changed.IsSuccess ? new RoleChanged(changed.Value) : changed.Error!;
        }

        foreach (var older in await db.Invitations.Where(i => i.NormalizedEmail == normalized && i.AcceptedAtUtc == null && i.RevokedAtUtc == null).ToListAsync(ct))
        {
            older.RevokedAtUtc = nowUtc;
        }

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var invitation = new TenantInvitation
        {
            TenantId = tenantId,
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Email = email,
            NormalizedEmail = normalized,
            Role = role,
            SecretHash = Hash(secret),
            CreatedAtUtc = nowUtc,
            CreatedBy = db.Scope.Actor,
            ExpiresAtUtc = nowUtc + Validity,
        };
        db.Invitations.Add(invitation);
        var issued = new Issued(invitation, secret);
        if (mail is not null)
        {
            var tenantName = await db.LocalGovernments.Where(g => g.Code == tenantId).Select(g => g.Name).SingleAsync(ct);
            var mailed = AccountMails.AddInvitation(db, issued, tenantName, mail.SiteUrl, nowUtc);
            if (!mailed.IsSuccess)
            {
                return mailed.Error!;
            }
        }

        await db.SaveChangesAsync(ct);
        return new Invited(issued);
    }

    /// <summary>The current tenant's invitations that can still be accepted, newest first.</summary>
    public static async Task<List<TenantInvitation>> PendingAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct) =>
        [.. (await db.Invitations.AsNoTracking().Where(i => i.AcceptedAtUtc == null && i.RevokedAtUtc == null).ToListAsync(ct))
            .Where(i => i.IsPending(nowUtc)).OrderByDescending(i => i.CreatedAtUtc)];

    /// <summary>The pending invitation of the current tenant that the link (<paramref name="id"/>, <paramref name="secret"/>) stands for.</summary>
    public static async Task<Result<TenantInvitation>> FindAsync(AppDbContext db, string id, string secret, DateTime nowUtc, CancellationToken ct)
    {
        if (id is not { Length: 16 } || secret is not { Length: 64 })
        {
            return Errors.InvitationInvalid;
        }

        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (invitation is null || !invitation.IsPending(nowUtc)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(invitation.SecretHash), Encoding.ASCII.GetBytes(Hash(secret))))
        {
            return Errors.InvitationInvalid;
        }

        return invitation;
    }

    /// <summary>The signed-in <paramref name="user"/> accepts: they become a member with the invitation's role, and the link is used up.</summary>
    public static async Task<Result<TenantMembership>> AcceptAsync(AppDbContext db, string id, string secret, AppUser user, DateTime nowUtc, CancellationToken ct)
    {
        var found = await FindAsync(db, id, secret, nowUtc, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var invitation = found.Value;
        if (!string.Equals(user.NormalizedEmail, invitation.NormalizedEmail, StringComparison.Ordinal))
        {
            return Errors.InvitationForAnotherAddress(invitation.Email);
        }

        // Already a member (added meanwhile by another invitation): the role stays as it is.
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == user.Id, ct);
        if (membership is null)
        {
            membership = new TenantMembership { TenantId = invitation.TenantId, UserId = user.Id, Role = invitation.Role };
            db.Memberships.Add(membership);
        }

        invitation.AcceptedAtUtc = nowUtc;
        invitation.AcceptedByUserId = user.Id;
        await db.SaveChangesAsync(ct);
        return membership;
    }

    /// <summary>
    /// A person without an account accepts: the account is created with the invitation's address, then accepted, in one
    /// transaction (no account without its membership). <paramref name="users"/> must work on <paramref name="db"/>.
    /// </summary>
    public static async Task<Result<(AppUser User, TenantMembership Membership)>> AcceptWithNewAccountAsync(
        UserManager<AppUser> users, AppDbContext db, string id, string secret, string displayName, string password, string confirmPassword, DateTime nowUtc, CancellationToken ct)
    {
        var found = await FindAsync(db, id, secret, nowUtc, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        displayName = (displayName ?? "").Trim();
        if (displayName.Length is 0 or > 100)
        {
            return Errors.DisplayName;
        }

        if (!string.Equals(password, confirmPassword, StringComparison.Ordinal))
        {
            return Errors.PasswordConfirmation;
        }

        if (await users.FindByEmailAsync(found.Value.Email) is not null)
        {
            return Errors.AccountExists;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser { UserName = found.Value.Email, Email = found.Value.Email, DisplayName = displayName };
        var created = await users.CreateAsync(user, password ?? "");
        if (!created.Succeeded)
        {
            return Errors.Identity(string.Join(" ", created.Errors.Select(e => e.Description)), "password");
        }

        var accepted = await AcceptAsync(db, id, secret, user, nowUtc, ct);
        if (!accepted.IsSuccess)
        {
            return accepted.Error!;
        }

        await transaction.CommitAsync(ct);
        return (user, accepted.Value);
    }

    /// <summary>The person declines: the link is used up and nobody becomes a member.</summary>
    public static async Task<Result<TenantInvitation>> DeclineAsync(AppDbContext db, string id, string secret, DateTime nowUtc, CancellationToken ct)
    {
        var found = await FindAsync(db, id, secret, nowUtc, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        found.Value.RevokedAtUtc = nowUtc;
        await db.SaveChangesAsync(ct);
        return found.Value;
    }

    /// <summary>The admin withdraws a pending invitation of the current tenant.</summary>
    public static async Task<Result<TenantInvitation>> RevokeAsync(AppDbContext db, string id, DateTime nowUtc, CancellationToken ct)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (invitation is null || !invitation.IsPending(nowUtc))
        {
            return Errors.InvitationNotFound(id);
        }

        invitation.RevokedAtUtc = nowUtc;
        await db.SaveChangesAsync(ct);
        return invitation;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
