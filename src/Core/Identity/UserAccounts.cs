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

    /// <summary>Adds or changes the role of a user in the current tenant.</summary>
    public static async Task<Result<TenantMembership>> SetMembershipAsync(AppDbContext db, string email, TenantRole role, CancellationToken ct)
    {
        var tenantId = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。");
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is null)
        {
            return Errors.UserNotFound(email);
        }

        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == user.Id, ct);
        if (membership is null)
        {
            membership = new TenantMembership { TenantId = tenantId, UserId = user.Id, Role = role };
            db.Memberships.Add(membership);
        }
        else
        {
            if (membership.Role == TenantRole.Admin && role != TenantRole.Admin && await IsLastAdminAsync(db, user.Id, ct))
            {
                return Errors.LastAdmin;
            }

            membership.Role = role;
        }

        await db.SaveChangesAsync(ct);
        return membership;
    }

    /// <summary>Removes a user from the current tenant; the last admin stays.</summary>
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
        return membership;
    }

    public sealed record Member(string UserId, string Email, string DisplayName, TenantRole Role);

    /// <summary>Members of the current tenant, admins first.</summary>
    public static Task<List<Member>> MembersAsync(AppDbContext db, CancellationToken ct) =>
        db.Memberships.AsNoTracking()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Role, u.Id, u.Email, u.DisplayName })
            .OrderByDescending(x => x.Role).ThenBy(x => x.Email)
            .Select(x => new Member(x.Id, x.Email!, x.DisplayName, x.Role))
            .ToListAsync(ct);

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
