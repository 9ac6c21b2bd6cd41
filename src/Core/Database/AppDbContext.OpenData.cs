using InfraLedger.Core.OpenData;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Database;

public sealed partial class AppDbContext
{
    public DbSet<OpenDataset> OpenDatasets => Set<OpenDataset>();

    private static void ConfigureOpenData(ModelBuilder builder) =>
        builder.Entity<OpenDataset>(e =>
        {
            e.ToTable("open_datasets");
            e.HasKey(x => new { x.TenantId, x.Kind });
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Licence).HasMaxLength(50);
        });
}
