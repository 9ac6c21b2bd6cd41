using System.Security.Claims;
using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace InfraLedger.Web.Identity;

/// <summary>
/// The second step of sign-in for an account with two-factor sign-in (docs/decisions/0027): after the right password the
/// browser holds only Identity's short-lived two-factor cookie (the user id and security stamp, 5 minutes), which the
/// code page turns into a real session (<see cref="SessionCookie"/>) once an authenticator or recovery code is right.
/// </summary>
public static class TwoFactorSignIn
{
    private const string StampClaim = "infraledger:stamp";

    public static async Task BeginAsync(HttpContext http, AppUser user)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id), new Claim(StampClaim, user.SecurityStamp ?? "")], IdentityConstants.TwoFactorUserIdScheme);
        await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(5) });
    }

    /// <summary>The account whose password was just checked in this browser, or null (no step begun, expired, or the account changed since).</summary>
    public static async Task<AppUser?> PendingUserAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var id = result.Principal?.FindFirstValue(ClaimTypes.Name);
        if (!result.Succeeded || id is null)
        {
            return null;
        }

        var user = await http.RequestServices.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id);
        return user is not null && user.TwoFactorEnabled && user.SecurityStamp == result.Principal!.FindFirstValue(StampClaim) ? user : null;
    }

    /// <summary>Ends the step and starts the session; logs the sign-in with how the second factor was given.</summary>
    public static async Task CompleteAsync(HttpContext http, AppUser user, string how, CancellationToken ct)
    {
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SessionCookie.SignInAsync(http, user, ct);
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var tenants = string.Join(',', (await CrossTenant.MembershipsOfUserAsync(db, user.Id, ct)).Select(m => m.TenantId).Order(StringComparer.Ordinal));
        var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(SecurityLog.Category);
        SecurityLog.Write(log, LogLevel.Information, "sign_in", tenants, user.Id, http.Connection.RemoteIpAddress?.ToString(), null, $"second_factor={how}");
    }

    /// <summary>Logs a wrong code.</summary>
    public static void Failed(HttpContext http, AppUser user, string how)
    {
        var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(SecurityLog.Category);
        SecurityLog.Write(log, LogLevel.Warning, "sign_in_second_factor_failed", null, user.Id, http.Connection.RemoteIpAddress?.ToString(), null, $"second_factor={how}");
    }

    /// <summary>Where a completed sign-in goes: the local return address, else the one tenant's home page, else the list of one's tenants.</summary>
    public static async Task<string> DestinationAsync(AppDbContext db, AppUser user, string? returnUrl, Microsoft.AspNetCore.Mvc.IUrlHelper url, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl))
        {
            return returnUrl;
        }

        var memberships = await CrossTenant.MembershipsOfUserAsync(db, user.Id, ct);
        return memberships.Count == 1 ? "/" + memberships[0].TenantId : "/";
    }
}
