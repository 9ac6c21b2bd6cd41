using System.Security.Claims;
using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Identity;

public sealed record TenantRoleRequirement(TenantRole Minimum) : IAuthorizationRequirement;

/// <summary>
/// Grants a tenant route to a member of the URL's tenant with at least the required role, to an API token
/// of that tenant with that role, and read access to prefecture and national readers.
/// </summary>
public sealed class TenantRoleHandler(AppDbContext db) : AuthorizationHandler<TenantRoleRequirement>
{
    public const string NotMember = "not-member";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantRoleRequirement requirement)
    {
        var tenantId = db.Scope.TenantId;
        if (tenantId is null || context.User.Identity?.IsAuthenticated != true)
        {
            context.Fail(new AuthorizationFailureReason(this, NotMember));
            return;
        }

        var role = await RoleInTenantAsync(context.User, tenantId);
        if (role >= requirement.Minimum)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, role is null ? NotMember : "role-too-low"));
        }
    }

    /// <summary>The effective role of the principal in the current tenant, or null when it has none.</summary>
    private async Task<TenantRole?> RoleInTenantAsync(ClaimsPrincipal user, string tenantId)
    {
        if (user.FindFirstValue(ApiTokenAuthentication.TenantClaim) is { } tokenTenant)
        {
            return tokenTenant == tenantId && Enum.TryParse<TenantRole>(user.FindFirstValue(ApiTokenAuthentication.RoleClaim), out var tokenRole)
                ? tokenRole
                : null;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        // The tenant filter restricts this to the URL's tenant.
        var membership = await db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId);
        if (membership is not null)
        {
            return membership.Role;
        }

        var prefecture = LocalGovernmentCode.Parse(tenantId).Value.Prefecture.Value;
        var reader = await db.UserGrants.AnyAsync(g => g.UserId == userId
            && (g.Role == PlatformRole.NationalReader || (g.Role == PlatformRole.PrefectureReader && g.PrefectureCode == prefecture)));
        return reader ? TenantRole.Viewer : null;
    }
}

public sealed record PlatformRoleRequirement(PlatformRole Role) : IAuthorizationRequirement;

public sealed class PlatformRoleHandler(AppDbContext db) : AuthorizationHandler<PlatformRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PlatformRoleRequirement requirement)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null && context.User.FindFirstValue(ApiTokenAuthentication.TenantClaim) is null
            && await db.UserGrants.AnyAsync(g => g.UserId == userId && g.Role == requirement.Role))
        {
            context.Succeed(requirement);
        }
    }
}
