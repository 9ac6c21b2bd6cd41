using Microsoft.AspNetCore.Identity;

namespace InfraLedger.Core.Identity;

/// <summary>Password and lockout policy, shared by the web app and the CLI.</summary>
public static class IdentityPolicy
{
    public const int PasswordLength = 12;

    public const int MaxFailedAttempts = 10;

    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public static void Apply(IdentityOptions o)
    {
        // Length over composition rules (NIST SP 800-63B §5.1.1.2): at least 12 characters, no forced symbols; common,
        // repetitive, sequential and context-derived passwords are refused by PasswordRules.
        o.Password.RequiredLength = PasswordLength;
        o.Password.RequiredUniqueChars = 5;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        // The account locks after this many failures in a row, from any addresses; the per-address throttle of the
        // sign-in form (5 failures for one account from one address) comes first, so one client alone cannot lock
        // anybody out (docs/decisions/0017). NIST SP 800-63B §5.2.2 allows up to 100.
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        o.Lockout.DefaultLockoutTimeSpan = LockoutTime;
        o.User.RequireUniqueEmail = true;
    }

    /// <summary>A random password that satisfies the policy: 20 characters from an unambiguous alphabet.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return System.Security.Cryptography.RandomNumberGenerator.GetString(alphabet, 20);
    }
}
