using System.Runtime.CompilerServices;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace InfraLedger.Core.Identity;

/// <summary>
/// Security events (issue 17, F6), one log line each under the category <see cref="Category"/>, always with the
/// tenant and the client address: <c>security {event} tenant=… user=… address=… actor=… detail</c>. Operators route the
/// category to their log store (docs/operations.md).
/// </summary>
public static class SecurityLog
{
    public const string Category = "InfraLedger.Security";

    public static void Write(ILogger logger, LogLevel level, string name, string? tenant, string? user, string? address, string? actor, string detail = "") =>
        logger.Log(level, "security {Event} tenant={Tenant} user={User} address={Address} actor={Actor} {Detail}",
            name, Or(tenant), Or(user), Or(address), Or(actor), detail);

    private static string Or(string? value) => string.IsNullOrEmpty(value) ? "-" : value;
}

/// <summary>
/// Logs the security-relevant changes of every save, whichever host or code path made them: accounts, passwords,
/// lockouts, two-factor settings and recovery codes, password-reset links, memberships and roles, invitations, API tokens,
/// platform grants. Written after the save succeeded; never a secret (no link, key or code).
/// </summary>
public sealed class SecurityEventInterceptor(ILoggerFactory loggers) : SaveChangesInterceptor
{
    private sealed record Pending(LogLevel Level, string Name, string? Tenant, string? User, string Detail);

    private readonly ILogger logger = loggers.CreateLogger(SecurityLog.Category);
    private readonly ConditionalWeakTable<DbContext, List<Pending>> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context, null);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // An event about a user (a password, a lockout) names the tenants the user belongs to.
        Dictionary<string, string>? tenantsOfUsers = null;
        if (eventData.Context is AppDbContext db && pending.TryGetValue(db, out var events) && events.Any(e => e.Tenant is null && e.User is not null))
        {
            tenantsOfUsers = [];
            foreach (var user in events.Where(e => e.Tenant is null && e.User is not null).Select(e => e.User!).Distinct())
            {
                var memberships = await CrossTenant.MembershipsOfUserAsync(db, user, cancellationToken);
                tenantsOfUsers[user] = string.Join(',', memberships.Select(m => m.TenantId).Order(StringComparer.Ordinal));
            }
        }

        Flush(eventData.Context, tenantsOfUsers);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is not null)
        {
            pending.Remove(eventData.Context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var events = new List<Pending>();
        var now = DateTimeOffset.UtcNow;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            events.AddRange(entry.Entity switch
            {
                AppUser user => OfUser(entry, user, now),
                TenantMembership m => OfMembership(entry, m),
                TenantInvitation i => OfInvitation(entry, i),
                ApiToken t => OfToken(entry, t),
                PasswordReset r when entry.State == EntityState.Added =>
                    [new(LogLevel.Information, "password_reset_issued", null, r.UserId, $"reset={r.Id} by={r.CreatedBy} expires={r.ExpiresAtUtc:O}")],
                Microsoft.AspNetCore.Identity.IdentityUserToken<string> k when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted =>
                    [new(LogLevel.Information, k.Name == "RecoveryCodes" ? "recovery_codes_changed" : "authenticator_key_changed", null, k.UserId, $"state={entry.State}")],
                UserGrant g when entry.State is EntityState.Added or EntityState.Deleted =>
                    [new(LogLevel.Information, entry.State == EntityState.Added ? "grant_added" : "grant_removed", null, g.UserId, $"role={g.Role} prefecture={g.PrefectureCode ?? "-"}")],
                _ => [],
            });
        }

        if (events.Count > 0)
        {
            pending.AddOrUpdate(context, events);
        }
    }

    private static IEnumerable<Pending> OfUser(EntityEntry entry, AppUser user, DateTimeOffset now)
    {
        if (entry.State == EntityState.Added)
        {
            yield return new(LogLevel.Information, "account_created", null, user.Id, $"email={user.Email}");
            yield break;
        }

        if (entry.State != EntityState.Modified)
        {
            yield break;
        }

        // A rehash on sign-in changes the hash but not the stamp: only a new password changes both.
        if (entry.Property(nameof(AppUser.PasswordHash)).IsModified && entry.Property(nameof(AppUser.SecurityStamp)).IsModified
            && entry.Property(nameof(AppUser.PasswordHash)).OriginalValue is not null)
        {
            yield return new(LogLevel.Information, "password_changed", null, user.Id, "");
        }

        var twoFactor = entry.Property(nameof(AppUser.TwoFactorEnabled));
        if (twoFactor.IsModified && !Equals(twoFactor.OriginalValue, twoFactor.CurrentValue))
        {
            yield return new(LogLevel.Information, user.TwoFactorEnabled ? "two_factor_enabled" : "two_factor_disabled", null, user.Id, "");
        }

        var lockout = entry.Property(nameof(AppUser.LockoutEnd));
        if (lockout.IsModified)
        {
            var before = lockout.OriginalValue as DateTimeOffset? > now;
            var after = user.LockoutEnd > now;
            if (after && !before)
            {
                yield return new(LogLevel.Warning, "account_locked", null, user.Id, $"until={user.LockoutEnd:O}");
            }
            else if (before && !after)
            {
                yield return new(LogLevel.Information, "account_unlocked", null, user.Id, "");
            }
        }
    }

    private static IEnumerable<Pending> OfMembership(EntityEntry entry, TenantMembership m) => entry.State switch
    {
        EntityState.Added => [new(LogLevel.Information, "member_added", m.TenantId, m.UserId, $"role={m.Role}")],
        EntityState.Deleted => [new(LogLevel.Information, "member_removed", m.TenantId, m.UserId, $"role={m.Role}")],
        EntityState.Modified when entry.Property(nameof(TenantMembership.Role)).IsModified =>
            [new(LogLevel.Information, "role_changed", m.TenantId, m.UserId, $"role={entry.Property(nameof(TenantMembership.Role)).OriginalValue}->{m.Role}")],
        _ => [],
    };

    private static IEnumerable<Pending> OfInvitation(EntityEntry entry, TenantInvitation i)
    {
        var detail = $"invitation={i.Id} email={i.Email} role={i.Role}";
        if (entry.State == EntityState.Added)
        {
            return [new(LogLevel.Information, "invitation_created", i.TenantId, null, detail)];
        }

        if (entry.State == EntityState.Modified && entry.Property(nameof(TenantInvitation.AcceptedAtUtc)).IsModified && i.AcceptedAtUtc is not null)
        {
            return [new(LogLevel.Information, "invitation_accepted", i.TenantId, i.AcceptedByUserId, detail)];
        }

        return entry.State == EntityState.Modified && entry.Property(nameof(TenantInvitation.RevokedAtUtc)).IsModified && i.RevokedAtUtc is not null
            ? [new(LogLevel.Information, "invitation_revoked", i.TenantId, null, detail)]
            : [];
    }

    private static IEnumerable<Pending> OfToken(EntityEntry entry, ApiToken t)
    {
        var detail = $"token={t.Id} role={t.Role} name={t.Name}";
        if (entry.State == EntityState.Added)
        {
            return [new(LogLevel.Information, "token_created", t.TenantId, null, detail)];
        }

        return entry.State == EntityState.Modified && entry.Property(nameof(ApiToken.RevokedAtUtc)).IsModified && t.RevokedAtUtc is not null
            ? [new(LogLevel.Information, "token_revoked", t.TenantId, null, detail)]
            : [];
    }

    private void Flush(DbContext? context, Dictionary<string, string>? tenantsOfUsers)
    {
        if (context is null || !pending.TryGetValue(context, out var events))
        {
            return;
        }

        pending.Remove(context);
        var scope = (context as AppDbContext)?.Scope;
        foreach (var e in events)
        {
            var tenant = e.Tenant ?? (e.User is not null && tenantsOfUsers?.GetValueOrDefault(e.User) is { Length: > 0 } t ? t : scope?.TenantId);
            SecurityLog.Write(logger, e.Level, e.Name, tenant, e.User, scope?.Address, scope?.Actor, e.Detail);
        }
    }
}
