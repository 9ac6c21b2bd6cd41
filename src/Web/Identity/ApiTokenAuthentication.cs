using System.Security.Claims;
using System.Text.Encodings.Web;
using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace InfraLedger.Web.Identity;

/// <summary><c>Authorization: Bearer il_…</c>: a principal for one tenant and one role.</summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AppDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TenantClaim = "infraledger:tenant";
    public const string RoleClaim = "infraledger:tenant_role";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        // Failed attempts are counted per client address, and an address over its count is not checked at all (issue 17 F3).
        var limits = Context.RequestServices.GetRequiredService<Pages.Reports.Open311.KeyLimits>();
        if (!limits.MayTry(Context))
        {
            return AuthenticateResult.Fail(Pages.Reports.Open311.KeyLimits.TooManyFailures);
        }

        var token = await ApiTokens.AuthenticateAsync(db, header["Bearer ".Length..], Context.RequestAborted);
        if (token is null)
        {
            limits.Failed(Context);
            return AuthenticateResult.Fail("APIトークンが無効です（形式が違う、存在しない、または失効しています）。");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "token:" + token.Id),
                new Claim(ClaimTypes.Name, token.Name),
                new Claim(TenantClaim, token.TenantId),
                new Claim(RoleClaim, token.Role.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
