using System.Security.Claims;
using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InfraLedger.Web.Identity;

/// <summary>
/// The sign-in cookie bound to a server-side session (<see cref="Sessions"/>, docs/decisions/0016): every request's
/// cookie is checked against its session row and the user's security stamp, so that signing out, a password change
/// and a removal from a tenant end existing cookies at once.
/// </summary>
public static class SessionCookie
{
    public const string SessionClaim = "infraledger:session";

    /// <summary>The cookie's and the session's lifetime, sliding: renewed while the user keeps working.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>Starts a session for <paramref name="user"/> and issues its cookie (a new session key at every sign-in).</summary>
    public static async Task SignInAsync(HttpContext http, AppUser user, CancellationToken ct)
    {
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var signIn = http.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        var key = await Sessions.StartAsync(db, user.Id, DateTime.UtcNow, Lifetime, http.Connection.RemoteIpAddress?.ToString(), ct);
        await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = false }, [new Claim(SessionClaim, key)]);
    }

    /// <summary>Ends this browser's session (its row is deleted: a copy of the cookie is refused from now on) and clears the cookie.</summary>
    public static async Task SignOutAsync(HttpContext http, CancellationToken ct)
    {
        if (http.User.FindFirstValue(SessionClaim) is { } key)
        {
            await Sessions.EndAsync(http.RequestServices.GetRequiredService<AppDbContext>(), key, ct);
        }

        await http.RequestServices.GetRequiredService<SignInManager<AppUser>>().SignOutAsync();
    }

    /// <summary>The cookie events' principal check (replaces Identity's periodic stamp check): on every request.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stampClaim = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var key = principal?.FindFirstValue(SessionClaim);
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (key is not null && userId is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
            if (await Sessions.IsLiveAsync(db, key, userId, principal!.FindFirstValue(stampClaim), DateTime.UtcNow, context.HttpContext.RequestAborted))
            {
                return;
            }
        }

        // No session, an ended one, or a changed stamp (e.g. a cookie from before sessions existed): signed out.
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>When the cookie slides forward, so does its session.</summary>
    public static async Task CheckSlidingExpirationAsync(CookieSlidingExpirationContext context)
    {
        if (context.ShouldRenew && context.Principal?.FindFirstValue(SessionClaim) is { } key)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
            await Sessions.ExtendAsync(db, key, DateTime.UtcNow + Lifetime, context.HttpContext.RequestAborted);
        }
    }
}
