using System.Security.Cryptography;
using System.Text;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Identity;

/// <summary>
/// API tokens for machine clients: <c>il_{団体コード}_{id}_{secret}</c>. The tenant and id are public (shown in
/// lists, used to find the token by its primary key); only the SHA-256 of the 256-bit secret is stored, so a
/// database leak reveals no usable token.
/// </summary>
public static class ApiTokens
{
    public const string Prefix = "il_";

    public sealed record Issued(ApiToken Token, string PlainText);

    /// <summary>Creates a token for the current tenant; the plain text is returned once and never stored.</summary>
    public static async Task<Result<Issued>> CreateAsync(AppDbContext db, string name, TenantRole role, DateTime nowUtc, CancellationToken ct)
    {
        var tenantId = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。");
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            return Errors.TokenName;
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            TenantId = tenantId,
            Id = id,
            Name = name,
            Role = role,
            SecretHash = Hash(secret),
            CreatedAtUtc = nowUtc,
            CreatedBy = db.Scope.Actor,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new Issued(token, $"{Prefix}{tenantId}_{id}_{secret}");
    }

    public static Task<List<ApiToken>> ListAsync(AppDbContext db, CancellationToken ct) =>
        db.ApiTokens.AsNoTracking().OrderByDescending(t => t.CreatedAtUtc).ToListAsync(ct);

    public static async Task<Result<ApiToken>> RevokeAsync(AppDbContext db, string id, DateTime nowUtc, CancellationToken ct)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
        {
            return Errors.TokenNotFound(id);
        }

        token.RevokedAtUtc ??= nowUtc;
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The live token the plain text stands for, or null (malformed, unknown, wrong secret or revoked).</summary>
    public static async Task<ApiToken?> AuthenticateAsync(AppDbContext db, string plainText, CancellationToken ct)
    {
        var parts = plainText.Trim().Split('_');
        if (parts.Length != 4 || parts[0] + "_" != Prefix || parts[2].Length != 16 || parts[3].Length != 64
            || !LocalGovernmentCode.TryParse(parts[1], out var tenant))
        {
            return null;
        }

        var token = await CrossTenant.FindApiTokenAsync(db, tenant.Value.Value, parts[2], ct);
        if (token is null || token.RevokedAtUtc is not null)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(token.SecretHash);
        var actual = Encoding.ASCII.GetBytes(Hash(parts[3]));
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? token : null;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
