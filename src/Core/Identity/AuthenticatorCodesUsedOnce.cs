using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace InfraLedger.Core.Identity;

/// <summary>
/// Identity's authenticator codes (RFC 6238: 30-second steps, accepted two steps either side, so about 150 seconds), each
/// accepted once: a code accepted for a user is refused again for as long as it could still be valid, so a code read
/// over a shoulder or from a proxy's log cannot sign in a second time (RFC 6238 §5.2). The last accepted code and when
/// are kept with the user's key and recovery codes (<c>user_tokens</c>). Two requests with the same code at the same
/// moment: the second one's write meets the first's concurrency stamp and fails, so only one gets in.
/// </summary>
public sealed class AuthenticatorCodesUsedOnce : AuthenticatorTokenProvider<AppUser>
{
    private const string Store = "[InfraLedger]";
    private const string LastCode = "LastAuthenticatorCode";

    /// <summary>Longer than any code stays valid (5 steps of 30 s, and the rounding of the current second).</summary>
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(3);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        if (!await base.ValidateAsync(purpose, token, manager, user))
        {
            return false;
        }

        var now = DateTime.UtcNow;
        var last = await manager.GetAuthenticationTokenAsync(user, Store, LastCode);
        if (last?.Split(' ') is [var code, var ticks] && code == token
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var at) && now - new DateTime(at, DateTimeKind.Utc) < Remembered)
        {
            return false;
        }

        var saved = await manager.SetAuthenticationTokenAsync(user, Store, LastCode, string.Create(CultureInfo.InvariantCulture, $"{token} {now.Ticks}"));
        return saved.Succeeded;
    }
}
