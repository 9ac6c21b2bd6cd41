using Microsoft.AspNetCore.Identity;

namespace InfraLedger.Core.Identity;

/// <summary>A person who signs in (staff of a municipality, a prefecture, a ministry, or the platform).</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}

/// <summary>Role of a user within one tenant; higher includes lower.</summary>
public enum TenantRole
{
    Viewer = 1,  // 閲覧
    Editor = 2,  // 編集
    Admin = 3,   // 管理
}

/// <summary>Roles that reach beyond one tenant.</summary>
public enum PlatformRole
{
    PrefectureReader = 1,  // 都道府県閲覧: every tenant of one prefecture, read only
    NationalReader = 2,    // 全国閲覧: every tenant, read only
    PlatformOperator = 3,  // 運営: tenants, users and groups of the platform
}

/// <summary>A user's role in a tenant (tenant-owned).</summary>
public sealed class TenantMembership : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    public required string UserId { get; init; }

    public required TenantRole Role { get; set; }
}

/// <summary>A cross-tenant role of a user; <see cref="PrefectureCode"/> scopes a prefecture reader.</summary>
public sealed class UserGrant
{
    public long Id { get; init; }

    public required string UserId { get; init; }

    public required PlatformRole Role { get; init; }

    /// <summary>6-digit code of the prefecture, for <see cref="PlatformRole.PrefectureReader"/> only.</summary>
    public string? PrefectureCode { get; init; }
}

/// <summary>A hashed API token for machine clients, scoped to one tenant and one role (tenant-owned).</summary>
public sealed class ApiToken : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    /// <summary>Public part of the token, shown in lists; the secret part is stored only as a hash.</summary>
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required TenantRole Role { get; init; }

    /// <summary>SHA-256 of the secret part (hex). Tokens are 256-bit random, so a fast hash is enough.</summary>
    public required string SecretHash { get; init; }

    public required DateTime CreatedAtUtc { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime? RevokedAtUtc { get; set; }
}

public static class RoleLabels
{
    public static string Of(TenantRole role) => role switch
    {
        TenantRole.Viewer => "閲覧者",
        TenantRole.Editor => "編集者",
        TenantRole.Admin => "管理者",
        _ => role.ToString(),
    };

    public static string Of(PlatformRole role) => role switch
    {
        PlatformRole.PrefectureReader => "都道府県閲覧者",
        PlatformRole.NationalReader => "全国閲覧者",
        PlatformRole.PlatformOperator => "運営者",
        _ => role.ToString(),
    };
}
