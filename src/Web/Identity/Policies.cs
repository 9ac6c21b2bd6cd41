using InfraLedger.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;

namespace InfraLedger.Web.Identity;

/// <summary>The named authorization policies. Every page and endpoint names one of these or is explicitly anonymous.</summary>
public static class Policies
{
    public const string TenantViewer = "tenant:viewer";
    public const string TenantEditor = "tenant:editor";
    public const string TenantAdmin = "tenant:admin";
    public const string PlatformOperator = "platform:operator";
    public const string SignedIn = "signed-in";

    /// <summary>The default scheme: an API token when the request carries one, otherwise the staff cookie.</summary>
    private const string CookieOrToken = "cookie-or-token";

    public static IServiceCollection AddInfraLedgerAuth(this IServiceCollection services)
    {
        services.AddAuthentication(CookieOrToken)
            .AddPolicyScheme(CookieOrToken, null, o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.Cookie.Name = "infraledger.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request came over https, directly or through a proxy that says so (docs/operations.md).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = SessionCookie.Lifetime;
            o.SlidingExpiration = true;
            // Every request's cookie is checked against its server-side session (docs/decisions/0016).
            o.Events.OnValidatePrincipal = SessionCookie.ValidatePrincipalAsync;
            o.Events.OnCheckSlidingExpiration = SessionCookie.CheckSlidingExpirationAsync;
            // Machines get status codes, not a redirect to a sign-in form.
            o.Events.OnRedirectToLogin = c => Redirect(c, StatusCodes.Status401Unauthorized);
            // A refusal is answered in place (the error page renders 403), not by a redirect.
            o.Events.OnRedirectToAccessDenied = c =>
            {
                c.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddScoped<IAuthorizationHandler, TenantRoleHandler>();
        services.AddScoped<IAuthorizationHandler, PlatformRoleHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, NotFoundForOtherTenants>();
        services.AddAuthorizationBuilder()
            // Fail closed: an endpoint that names no policy still needs a signed-in user (the architecture test
            // also insists that each names one).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(TenantViewer, p => p.AddRequirements(new TenantRoleRequirement(TenantRole.Viewer)))
            .AddPolicy(TenantEditor, p => p.AddRequirements(new TenantRoleRequirement(TenantRole.Editor)))
            .AddPolicy(TenantAdmin, p => p.AddRequirements(new TenantRoleRequirement(TenantRole.Admin)))
            .AddPolicy(PlatformOperator, p => p.RequireAuthenticatedUser().AddRequirements(new PlatformRoleRequirement(Core.Identity.PlatformRole.PlatformOperator)));
        return services;
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c, int status)
    {
        if (ErrorResponses.IsApi(c.Request))
        {
            c.Response.StatusCode = status;
        }
        else
        {
            c.Response.Redirect(c.RedirectUri);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A signed-in user who is not a member of the URL's tenant gets 404, as if the tenant's data did not
/// exist; a member whose role is too low gets 403.
/// </summary>
public sealed class NotFoundForOtherTenants : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Handler is TenantRoleHandler && r.Message == TenantRoleHandler.NotMember) == true)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
