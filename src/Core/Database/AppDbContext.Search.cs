using InfraLedger.Core.Inspections;
using InfraLedger.Core.Register;
using InfraLedger.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfraLedger.Core.Database;

public sealed partial class AppDbContext
{
    /// <summary>
    /// The search text of the four searchable kinds and the natural sort keys of the register (migration 0018). On PostgreSQL
    /// a trigram GIN index per table (pg_trgm, with btree_gin for tenant_id, which comes last since migration 0022: ADR 0034);
    /// on SQLite an FTS5 trigram table per table kept by triggers, which the EF model does not describe (see Search/SearchIndex).
    /// The list pages' sort orders each have an index (tenant_id, sort column, key), read in both directions.
    /// </summary>
    private static void ConfigureSearch(ModelBuilder builder, bool sqlite)
    {
        builder.Entity<Facility>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.CodeOrder, x.Code });
            e.HasIndex(x => new { x.TenantId, x.Name, x.Code });
            e.HasIndex(x => new { x.TenantId, x.YearBuilt, x.Code });
            e.HasIndex(x => new { x.TenantId, x.Quantity, x.Code });
            Trigram(e, x => new { x.SearchText, x.TenantId }, sqlite);
        });

        builder.Entity<FixedAsset>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.NumberOrder, x.Number });
            e.HasIndex(x => new { x.TenantId, x.Name, x.Number });
            e.HasIndex(x => new { x.TenantId, x.AcquisitionDate, x.Number });
            e.HasIndex(x => new { x.TenantId, x.AcquisitionCost, x.Number });
            Trigram(e, x => new { x.SearchText, x.TenantId }, sqlite);
        });

        builder.Entity<Inspection>(e => Trigram(e, x => new { x.SearchText, x.TenantId }, sqlite));
        builder.Entity<ResidentReport>(e => Trigram(e, x => new { x.SearchText, x.TenantId }, sqlite));
        if (!sqlite)
        {
            builder.HasPostgresExtension("pg_trgm").HasPostgresExtension("btree_gin");
        }
    }

    private static void Trigram<T>(EntityTypeBuilder<T> e, System.Linq.Expressions.Expression<Func<T, object?>> columns, bool sqlite)
        where T : class
    {
        if (!sqlite)
        {
            e.HasIndex(columns).HasMethod("gin").HasOperators("gin_trgm_ops", "bpchar_ops");
        }
    }
}
