namespace InfraLedger.Core.Tenancy;

/// <summary>Marks a tenant-owned row: <c>TenantId</c> (the 6-digit 団体コード) is first in its key and filtered.</summary>
public interface ITenantOwned
{
    string TenantId { get; }
}

/// <summary>
/// Who is acting, for which tenant, in this unit of work (one web request, one CLI command). The DbContext
/// reads it: with no tenant it returns no tenant-owned rows and refuses to write any (fail closed).
/// </summary>
public sealed class TenantScope
{
    /// <summary>The tenant's 6-digit code, or null when no tenant has been resolved.</summary>
    public string? TenantId { get; private set; }

    /// <summary>Recorded in the audit trail: "user:{id}", "token:{id}", "cli:{name}", "system".</summary>
    public string Actor { get; set; } = "system";

    /// <summary>The client address of a web request (after the forwarded headers of a trusted proxy), for security events; null elsewhere.</summary>
    public string? Address { get; set; }

    /// <summary>Sets the tenant once; a second, different tenant in the same unit of work is a bug.</summary>
    public void Enter(LocalGovernmentCode tenant)
    {
        if (TenantId is not null && TenantId != tenant.Value)
        {
            throw new InvalidOperationException($"テナントは作業単位ごとに一度だけ設定できます（{TenantId} → {tenant.Value}）。");
        }

        TenantId = tenant.Value;
    }
}
