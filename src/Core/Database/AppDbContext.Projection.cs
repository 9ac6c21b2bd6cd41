using InfraLedger.Core.Projection;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Database;

public sealed partial class AppDbContext
{
    private static void ConfigureProjection(ModelBuilder builder, bool sqlite)
    {
        builder.Entity<ProjectionScenario>(e =>
        {
            e.ToTable("projection_scenarios");
            e.HasKey(x => new { x.TenantId, x.Name });
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.PresetId).HasMaxLength(50);
        });

        builder.Entity<RecentInvestment>(e =>
        {
            e.ToTable("recent_investments");
            e.HasKey(x => new { x.TenantId, x.FiscalYear });
            e.Property(x => x.Source).HasMaxLength(300);
            e.Ignore(x => x.Total);
            foreach (var amount in new[] { nameof(RecentInvestment.Renewal), nameof(RecentInvestment.NewBuild), nameof(RecentInvestment.Land) })
            {
                _ = sqlite ? e.Property<decimal>(amount).HasConversion<long>() : e.Property<decimal>(amount).HasPrecision(18, 0);
            }
        });
    }
}
