using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Identity;

/// <summary>Creating users and giving them roles.</summary>
public static class UserAccounts
{
    public sealed record Created(AppUser User, string? GeneratedPassword);

    /// <summary>Creates a user; without a password one is generated and returned once.</summary>
    public static async Task<Result<Created>> CreateAsync(UserManager<AppUser> users, string email, string displayName, string? password)
    {
        var generated = password is null ? IdentityPolicy.GeneratePassword() : null;
        var user = new AppUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = displayName.Trim() };
        var result = await users.CreateAsync(user, password ?? generated!);
        if (!result.Succeeded)
        {
            return Errors.Identity(string.Join(" ", result.Errors.Select(e => e.Description)), "email");
        }

        return new Created(user, generated);
    }

    /// <summary>
    /// Makes a user a member of the current tenant (or changes their role) without an invitation. Only for a person who
    /// consented by other means: an account the platform operator creates for the tenant (CLI <c>users add --tenant</c>,
    /// the demo seed). Admins add people through <see cref="Invitations"/>; an architecture test keeps the callers to these.
    /// </summary>
    public static async Task<Result<TenantMembership>> AddMemberAsync(AppDbContext db, string email, TenantRole role, CancellationToken ct)
    {
        var tenantId = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。");
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is null)
        {
            return Errors.UserNotFound(email);
        }

        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == user.Id, ct);
        if (membership is not null)
        {
            return await ChangeRoleAsync(db, membership, role, ct);
        }

        membership = new TenantMembership { TenantId = tenantId, UserId = user.Id, Role = role };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(ct);
        return membership;
    }

    /// <summary>Changes the role of a member of the current tenant; the last admin stays an admin.</summary>
    public static async Task<Result<TenantMembership>> ChangeRoleAsync(AppDbContext db, TenantMembership membership, TenantRole role, CancellationToken ct)
    {
        if (membership.Role == TenantRole.Admin && role != TenantRole.Admin && await IsLastAdminAsync(db, membership.UserId, ct))
        {
            return Errors.LastAdmin;
        }

        membership.Role = role;
        await db.SaveChangesAsync(ct);
        return membership;
    }

    /// <summary>The admin's role editor: changes the role of the member <paramref name="userId"/> of the current tenant.</summary>
    public static async Task<Result<TenantMembership>> ChangeRoleOfAsync(AppDbContext db, string userId, TenantRole role, CancellationToken ct)
    {
        if (!Enum.IsDefined(role))
        {
            return Errors.RoleUnknown;
        }

        // The tenant filter: a member of another tenant is not found here.
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == userId, ct);
        return membership is null ? Errors.NotMember(userId) : await ChangeRoleAsync(db, membership, role, ct);
    }

    /// <summary>
    /// Removes a user from the current tenant; the last admin stays. Every sign-in session of the user ends at once
    /// (docs/decisions/0016): a cookie copied before the removal is refused everywhere, not only in this tenant.
    /// </summary>
    public static async Task<Result<TenantMembership>> RemoveMembershipAsync(AppDbContext db, string userId, CancellationToken ct)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == userId, ct);
        if (membership is null)
        {
            return Errors.NotMember(userId);
        }

        if (membership.Role == TenantRole.Admin && await IsLastAdminAsync(db, userId, ct))
        {
            return Errors.LastAdmin;
        }

        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        await Sessions.EndAllAsync(db, userId, ct);
        return membership;
    }

    /// <summary>
    /// An admin of the current tenant lifts the sign-in lockout of one of its members (docs/decisions/0017): the
    /// failure count starts again from zero.
    /// </summary>
    public static async Task<Result<AppUser>> UnlockAsync(UserManager<AppUser> users, AppDbContext db, string userId, CancellationToken ct)
    {
        var user = await db.Memberships.AnyAsync(m => m.UserId == userId, ct) ? await users.FindByIdAsync(userId) : null;
        if (user is null)
        {
            return Errors.NotMember(userId);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return user;
    }

    /// <summary>
    /// The signed-in user changes their own password (the current one proves it is them). The security stamp changes, so
    /// every existing session of the user ends; the caller starts a new one for the browser that made the change.
    /// </summary>
    public static async Task<Result<AppUser>> ChangePasswordAsync(UserManager<AppUser> users, AppDbContext db, AppUser user, string current, string password, string confirm, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(current))
        {
            return Errors.Identity("現在のパスワードを入力してください。", "currentPassword");
        }

        if (!string.Equals(password, confirm, StringComparison.Ordinal))
        {
            return Errors.PasswordConfirmation;
        }

        var changed = await users.ChangePasswordAsync(user, current, password ?? "");
        if (!changed.Succeeded)
        {
            var mismatch = changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            return mismatch
                ? Errors.Identity("現在のパスワードが正しくありません。", "currentPassword")
                : Errors.Identity(string.Join(" ", changed.Errors.Select(e => e.Description)), "newPassword");
        }

        await Sessions.EndAllAsync(db, user.Id, ct);
        return user;
    }

    /// <summary>A member of the current tenant; <paramref name="LockoutEnd"/> is set while sign-in is locked.</summary>
    public sealed record Member(string UserId, string Email, string DisplayName, TenantRole Role, DateTimeOffset? LockoutEnd = null);

    /// <summary>Members of the current tenant, admins first.</summary>
    public static Task<List<Member>> MembersAsync(AppDbContext db, CancellationToken ct) =>
        db.Memberships.AsNoTracking()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Role, u.Id, u.Email, u.DisplayName, u.LockoutEnd })
            .OrderByDescending(x => x.Role).ThenBy(x => x.Email)
            .Select(x => new Member(x.Id, x.Email!, x.DisplayName, x.Role, x.LockoutEnd))
            .ToListAsync(ct);

    /// <summary>An account as the operator's list shows it: its tenants with the role in each (<c>222127:Admin</c>).</summary>
    public sealed record Account(string UserId, string Email, string DisplayName, bool TwoFactor, DateTimeOffset? LockoutEnd, IReadOnlyList<string> Memberships);

    /// <summary>
    /// Accounts for the operator (CLI <c>users list</c>): of the current tenant when a tenant is set (its members only),
    /// otherwise every account of the platform.
    /// </summary>
    public static async Task<List<Account>> AccountsAsync(AppDbContext db, CancellationToken ct)
    {
        var tenant = db.Scope.TenantId;
        var users = tenant is null
            ? await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct)
            : await db.Memberships.AsNoTracking().Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.Email).ToListAsync(ct);
        var accounts = new List<Account>();
        foreach (var u in users)
        {
            var memberships = await CrossTenant.MembershipsOfUserAsync(db, u.Id, ct);
            accounts.Add(new Account(u.Id, u.Email ?? "", u.DisplayName, u.TwoFactorEnabled, u.LockoutEnd,
                [.. memberships.Where(m => tenant is null || m.TenantId == tenant).OrderBy(m => m.TenantId, StringComparer.Ordinal).Select(m => $"{m.TenantId}:{m.Role}")]));
        }

        return accounts;
    }

    /// <summary>Gives a user a cross-tenant role (platform data, not tenant-owned).</summary>
    public static async Task<Result<UserGrant>> GrantAsync(AppDbContext db, string userId, PlatformRole role, string? prefectureCode, CancellationToken ct)
    {
        string? prefecture = null;
        if (role == PlatformRole.PrefectureReader)
        {
            if (string.IsNullOrWhiteSpace(prefectureCode))
            {
                return Errors.PrefectureRequired;
            }

            var code = LocalGovernmentCode.Parse(prefectureCode);
            if (!code.IsSuccess)
            {
                return code.Error! with { Field = "prefecture" };
            }

            if (!code.Value.IsPrefecture)
            {
                return Errors.NotAPrefecture(code.Value.Value);
            }

            prefecture = code.Value.Value;
        }

        var existing = await db.UserGrants.SingleOrDefaultAsync(g => g.UserId == userId && g.Role == role && g.PrefectureCode == prefecture, ct);
        if (existing is not null)
        {
            return existing;
        }

        var grant = new UserGrant { UserId = userId, Role = role, PrefectureCode = prefecture };
        db.UserGrants.Add(grant);
        await db.SaveChangesAsync(ct);
        return grant;
    }

    private static Task<bool> IsLastAdminAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.Memberships.AllAsync(m => m.Role != TenantRole.Admin || m.UserId == userId, ct);
}
