using InfraLedger.Core.Planning;
using InfraLedger.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Database;

public sealed partial class AppDbContext
{
    public DbSet<FacilityConsequence> FacilityConsequences => Set<FacilityConsequence>();

    public DbSet<WorksPlan> WorksPlans => Set<WorksPlan>();

    private static void ConfigurePlanning(ModelBuilder builder, bool sqlite)
    {
        builder.Entity<FacilityConsequence>(e =>
        {
            e.ToTable("facility_consequences");
            e.HasKey(x => new { x.TenantId, x.FacilityCode, x.Attribute });
            e.Property(x => x.FacilityCode).HasMaxLength(50);
            e.Property(x => x.Attribute).HasMaxLength(50);
            // Counts (交通量 台/日, 利用者数) and flags: a REAL on SQLite (no decimal type there), exact on PostgreSQL.
            _ = sqlite ? e.Property(x => x.Value).HasConversion<double>() : e.Property(x => x.Value).HasPrecision(18, 3);
            e.HasOne<Facility>().WithMany().HasForeignKey(x => new { x.TenantId, x.FacilityCode })
                .HasPrincipalKey(f => new { f.TenantId, f.Code }).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WorksPlan>(e =>
        {
            e.ToTable("works_plans");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Title).HasMaxLength(200);
            e.HasIndex(x => new { x.TenantId, x.Status });
        });
    }
}
