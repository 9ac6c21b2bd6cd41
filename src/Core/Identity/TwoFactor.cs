using System.Text;
using InfraLedger.Core.Common;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace InfraLedger.Core.Identity;

/// <summary>
/// Optional two-factor sign-in (issue 22, item 2; docs/decisions/0027): a TOTP authenticator key as ASP.NET Core Identity
/// keeps it (RFC 6238: SHA-1, 6 digits, 30-second steps) and ten single-use recovery codes, shown once.
/// </summary>
public static class TwoFactor
{
    public const int RecoveryCodeCount = 10;

    /// <summary>What the set-up page shows: the key in groups of four, its <c>otpauth://</c> URI and that URI as an inline SVG QR code.</summary>
    public sealed record Setup(string Key, string FormattedKey, string Uri, string QrSvg);

    /// <summary>
    /// Starts the set-up with a new authenticator key. Identity changes the security stamp with it, which ends the user's
    /// other sessions; the caller renews the session of the browser that asked.
    /// </summary>
    public static async Task BeginAsync(UserManager<AppUser> users, AppUser user) => await users.ResetAuthenticatorKeyAsync(user);

    /// <summary>The user's authenticator key for the set-up page, or null before <see cref="BeginAsync"/> (viewing the page changes nothing).</summary>
    public static async Task<Setup?> SetupAsync(UserManager<AppUser> users, AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        // Key URI format of Google Authenticator, which every authenticator app reads.
        var label = Uri.EscapeDataString($"インフラ台帳:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString("インフラ台帳")}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        return new Setup(key, formatted.ToString().Trim().ToLowerInvariant(), uri, svg);
    }

    /// <summary>Turns two-factor sign-in on once <paramref name="code"/> proves the app has the key; returns the recovery codes (shown once).</summary>
    public static async Task<Result<IReadOnlyList<string>>> EnableAsync(UserManager<AppUser> users, AppUser user, string code)
    {
        if (!await VerifyCodeAsync(users, user, code))
        {
            return Errors.TwoFactorCode;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        return await NewRecoveryCodesAsync(users, user);
    }

    /// <summary>New recovery codes (the old ones stop working); two-factor sign-in must be on.</summary>
    public static async Task<Result<IReadOnlyList<string>>> NewRecoveryCodesAsync(UserManager<AppUser> users, AppUser user)
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Errors.TwoFactorNotEnabled;
        }

        return Result<IReadOnlyList<string>>.Ok([.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!]);
    }

    /// <summary>Turns two-factor sign-in off and forgets the key, so that turning it on again needs a new one.</summary>
    public static async Task DisableAsync(UserManager<AppUser> users, AppUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
    }

    /// <summary>The second step of sign-in with an authenticator code; a wrong code counts towards the lockout like a wrong password.</summary>
    public static async Task<Result<AppUser>> SignInWithCodeAsync(UserManager<AppUser> users, AppUser user, string code)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return Errors.TwoFactorLockedOut;
        }

        if (await VerifyCodeAsync(users, user, code))
        {
            await users.ResetAccessFailedCountAsync(user);
            return user;
        }

        await users.AccessFailedAsync(user);
        return Errors.TwoFactorCode;
    }

    /// <summary>The second step of sign-in with a recovery code, which is used up.</summary>
    public static async Task<Result<AppUser>> SignInWithRecoveryCodeAsync(UserManager<AppUser> users, AppUser user, string recoveryCode)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return Errors.TwoFactorLockedOut;
        }

        var normalized = new string([.. (recoveryCode ?? "").Where(c => !char.IsWhiteSpace(c))]);
        if (normalized.Length is > 0 and <= 32 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, normalized)).Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            return user;
        }

        await users.AccessFailedAsync(user);
        return Errors.RecoveryCode;
    }

    /// <summary>How many recovery codes are left.</summary>
    public static Task<int> RecoveryCodesLeftAsync(UserManager<AppUser> users, AppUser user) => users.CountRecoveryCodesAsync(user);

    private static async Task<bool> VerifyCodeAsync(UserManager<AppUser> users, AppUser user, string code)
    {
        var digits = new string([.. (code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-')]);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits);
    }
}
