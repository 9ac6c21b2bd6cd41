using Microsoft.AspNetCore.Identity;

namespace InfraLedger.Core.Identity;

/// <summary>Password and lockout policy, shared by the web app and the CLI.</summary>
public static class IdentityPolicy
{
    public const int PasswordLength = 12;

    public static void Apply(IdentityOptions o)
    {
        // Length over composition rules (NIST SP 800-63B §5.1.1.2): at least 12 characters, no forced symbols.
        o.Password.RequiredLength = PasswordLength;
        o.Password.RequiredUniqueChars = 5;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = true;
    }

    /// <summary>A random password that satisfies the policy: 20 characters from an unambiguous alphabet.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return System.Security.Cryptography.RandomNumberGenerator.GetString(alphabet, 20);
    }
}
