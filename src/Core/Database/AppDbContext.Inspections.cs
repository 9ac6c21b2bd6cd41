using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Database;

public sealed partial class AppDbContext
{
    public DbSet<Inspection> Inspections => Set<Inspection>();

    public DbSet<MaintenanceWork> MaintenanceWorks => Set<MaintenanceWork>();

    public DbSet<InspectionPhoto> InspectionPhotos => Set<InspectionPhoto>();

    public DbSet<DeteriorationModel> DeteriorationModels => Set<DeteriorationModel>();

    private static void ConfigureInspections(ModelBuilder builder, bool sqlite)
    {
        builder.Entity<Inspection>(e =>
        {
            e.ToTable("inspections");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.FacilityCode).HasMaxLength(50);
            e.Property(x => x.Member).HasMaxLength(100);
            e.Property(x => x.Inspector).HasMaxLength(100);
            e.Property(x => x.Scheme).HasMaxLength(32);
            e.Property(x => x.Countermeasure).HasMaxLength(4);
            e.Property(x => x.Findings).HasMaxLength(4000);
            e.Property(x => x.Photos).HasMaxLength(4000);
            e.HasOne<Facility>().WithMany().HasForeignKey(x => new { x.TenantId, x.FacilityCode })
                .HasPrincipalKey(f => new { f.TenantId, f.Code }).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.TenantId, x.FacilityCode, x.InspectedOn });
        });

        builder.Entity<InspectionPhoto>(e =>
        {
            e.ToTable("inspection_photos");
            e.HasKey(x => new { x.TenantId, x.InspectionId, x.Number });
            e.Property(x => x.Number).ValueGeneratedNever();
            e.Property(x => x.ContentType).HasMaxLength(30);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.Caption).HasMaxLength(Core.Inspections.InspectionPhotos.MaxCaption);
            e.HasOne<Inspection>().WithMany().HasForeignKey(x => new { x.TenantId, x.InspectionId }).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MaintenanceWork>(e =>
        {
            e.ToTable("maintenance_works");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.FacilityCode).HasMaxLength(50);
            e.Property(x => x.Member).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(1000);
            _ = sqlite ? e.Property(x => x.Cost).HasConversion<long?>() : e.Property(x => x.Cost).HasPrecision(18, 0);
            e.HasOne<Facility>().WithMany().HasForeignKey(x => new { x.TenantId, x.FacilityCode })
                .HasPrincipalKey(f => new { f.TenantId, f.Code }).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.TenantId, x.FacilityCode, x.CompletedOn });
        });

        builder.Entity<DeteriorationModel>(e =>
        {
            e.ToTable("deterioration_models");
            e.HasKey(x => new { x.TenantId, x.Kind });
            e.Property(x => x.Scheme).HasMaxLength(32);
            e.Property(x => x.Source).HasMaxLength(300);
        });
    }
}
