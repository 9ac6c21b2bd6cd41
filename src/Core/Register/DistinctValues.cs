using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register;

/// <summary>
/// The distinct values of an indexed column (tenant_id, column) of the current tenant, for a list's filter choices: a
/// skip scan (one index probe per value, a recursive CTE on both databases) instead of reading every row, so that the
/// choices of a 1,000,000-row register cost what those of a small one do.
/// </summary>
public static class DistinctValues
{
    /// <summary>大分類 of the tenant's facilities (index ix_facilities_tenant_id_usage_major).</summary>
    public static Task<List<string>> UsageMajorsAsync(AppDbContext db, CancellationToken ct) => OfAsync(db, "facilities", "usage_major", ct);

    /// <summary>勘定科目 of the tenant's fixed assets (index ix_fixed_assets_tenant_id_account).</summary>
    public static Task<List<string>> AccountsAsync(AppDbContext db, CancellationToken ct) => OfAsync(db, "fixed_assets", "account", ct);

    private static Task<List<string>> OfAsync(AppDbContext db, string table, string column, CancellationToken ct)
    {
        // Raw SQL has no tenant filter: the tenant is a parameter here, and without one there are no rows (fail closed).
        var tenant = db.Scope.TenantId ?? "";
        var tenantParameter = db.Database.IsNpgsql() ? "CAST({0} AS character(6))" : "{0}";
#pragma warning disable EF1002 // table and column are constants of this class; the tenant is a parameter
        return db.Database.SqlQueryRaw<string>(
            $"""
            WITH RECURSIVE v(value) AS (
                SELECT (SELECT {column} FROM {table} WHERE tenant_id = {tenantParameter} AND {column} IS NOT NULL ORDER BY {column} LIMIT 1)
                UNION ALL
                SELECT (SELECT {column} FROM {table} WHERE tenant_id = {tenantParameter} AND {column} > v.value ORDER BY {column} LIMIT 1) FROM v WHERE v.value IS NOT NULL)
            SELECT value AS "Value" FROM v WHERE value IS NOT NULL
            """, tenant).ToListAsync(ct);
#pragma warning restore EF1002
    }
}
