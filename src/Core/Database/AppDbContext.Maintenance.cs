using InfraLedger.Core.Maintenance;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Database;

public sealed partial class AppDbContext
{
    public DbSet<MaintenanceLibrary> MaintenanceLibraries => Set<MaintenanceLibrary>();

    private static void ConfigureMaintenance(ModelBuilder builder)
    {
        builder.Entity<MaintenanceLibrary>(e =>
        {
            e.ToTable("maintenance_libraries");
            e.HasKey(x => new { x.TenantId, x.Kind });
            e.Property(x => x.PresetId).HasMaxLength(50);
        });
    }
}
