using InfraLedger.Core.Planning;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Database;

public sealed partial class AppDbContext
{
    public DbSet<PublishedPlanSummary> PublishedPlanSummaries => Set<PublishedPlanSummary>();

    private static void ConfigurePlanPublishing(ModelBuilder builder) =>
        builder.Entity<PublishedPlanSummary>(e =>
        {
            e.ToTable("published_plan_summaries");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(6).IsFixedLength();
            e.Property(x => x.Title).HasMaxLength(200);
            e.HasOne<Tenancy.LocalGovernment>().WithMany().HasForeignKey(x => x.Code).OnDelete(DeleteBehavior.Restrict);
        });
}
