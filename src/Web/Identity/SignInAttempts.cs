using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace InfraLedger.Web.Identity;

/// <summary>
/// One attempt of the sign-in form: the per-address throttle first, then the equal-cost password check and the
/// account lockout (<see cref="PasswordSignIn"/>), then the session; every failure, refusal and lockout is a security
/// event with the user's tenants and the client address (docs/decisions/0017).
/// </summary>
public sealed class SignInAttempts(SignInThrottle throttle, UserManager<AppUser> users, AppDbContext db, ILoggerFactory loggers)
{
    public abstract record Outcome;

    public sealed record SignedIn(AppUser User) : Outcome;

    public sealed record Throttled(TimeSpan RetryAfter) : Outcome;

    public sealed record LockedOut : Outcome;

    public sealed record Failed : Outcome;

    /// <summary>The password was right and the account uses two-factor sign-in: the code is asked next (<see cref="TwoFactorSignIn"/>).</summary>
    public sealed record TwoFactorRequired(AppUser User) : Outcome;

    private readonly ILogger log = loggers.CreateLogger(SecurityLog.Category);

    public async Task<Outcome> TryAsync(HttpContext http, string email, string password, CancellationToken ct)
    {
        var ip = http.Connection.RemoteIpAddress;
        var address = ip?.ToString();
        if (throttle.RetryAfter(ip, email) is { } wait)
        {
            SecurityLog.Write(log, LogLevel.Warning, "sign_in_throttled", null, null, address, null, $"email={Clip(email)} retry_after={(int)wait.TotalSeconds}s");
            return new Throttled(wait);
        }

        var attempt = await PasswordSignIn.CheckAsync(users, email, password);
        var tenants = attempt.User is null ? null : await TenantsOfAsync(attempt.User.Id, ct);
        switch (attempt.Outcome)
        {
            case PasswordSignIn.Outcome.Succeeded:
                throttle.Succeeded(ip, email);
                if (attempt.User!.TwoFactorEnabled)
                {
                    await TwoFactorSignIn.BeginAsync(http, attempt.User);
                    SecurityLog.Write(log, LogLevel.Information, "sign_in_password_ok_code_asked", tenants, attempt.User.Id, address, null);
                    return new TwoFactorRequired(attempt.User);
                }

                await SessionCookie.SignInAsync(http, attempt.User!, ct);
                SecurityLog.Write(log, LogLevel.Information, "sign_in", tenants, attempt.User!.Id, address, null);
                return new SignedIn(attempt.User);
            case PasswordSignIn.Outcome.LockedOut:
                throttle.Failed(ip, email);
                SecurityLog.Write(log, LogLevel.Warning, attempt.LockedNow ? "sign_in_failed_and_locked" : "sign_in_refused_locked", tenants, attempt.User!.Id, address, null,
                    $"email={Clip(email)}");
                return new LockedOut();
            default:
                throttle.Failed(ip, email);
                SecurityLog.Write(log, LogLevel.Warning, "sign_in_failed", tenants, attempt.User?.Id, address, null,
                    $"email={Clip(email)} account={(attempt.User is null ? "unknown" : "known")}");
                return new Failed();
        }
    }

    /// <summary>Signs out this browser's session and logs it.</summary>
    public async Task SignOutAsync(HttpContext http, CancellationToken ct)
    {
        var userId = users.GetUserId(http.User);
        await SessionCookie.SignOutAsync(http, ct);
        SecurityLog.Write(log, LogLevel.Information, "sign_out", userId is null ? null : await TenantsOfAsync(userId, ct), userId, http.Connection.RemoteIpAddress?.ToString(), null);
    }

    private async Task<string> TenantsOfAsync(string userId, CancellationToken ct) =>
        string.Join(',', (await CrossTenant.MembershipsOfUserAsync(db, userId, ct)).Select(m => m.TenantId).Order(StringComparer.Ordinal));

    /// <summary>What the client typed as its address, bounded and on one line (it is untrusted input in a log).</summary>
    private static string Clip(string email)
    {
        var line = new string([.. email.Trim().Where(c => !char.IsControl(c))]);
        return line.Length > 100 ? line[..100] : line;
    }
}

public static class SignInServices
{
    /// <summary>The sign-in throttle (limits from <c>SignIn:*</c>, docs/operations.md) and the sign-in attempt.</summary>
    public static IServiceCollection AddSignInAttempts(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = new SignInThrottle.Limits(
            configuration.GetValue("SignIn:FailuresPerAddress", 30),
            configuration.GetValue("SignIn:FailuresPerAccountAndAddress", 5),
            TimeSpan.FromSeconds(configuration.GetValue("SignIn:WindowSeconds", 900)));
        services.AddSingleton(new SignInThrottle(limits, TimeProvider.System));
        return services.AddScoped<SignInAttempts>();
    }
}
