using InfraLedger.Core.Planning;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Database;

public sealed partial class AppDbContext
{
    public DbSet<PublishedPlanSummary> PublishedPlanSummaries => Set<PublishedPlanSummary>();

    /// <summary>Group plans: read only through Planning.GroupPlans, which checks membership first.</summary>
    public DbSet<GroupPlanRecord> GroupPlanRecords => Set<GroupPlanRecord>();

    private static void ConfigurePlanPublishing(ModelBuilder builder)
    {
        builder.Entity<GroupPlanRecord>(e =>
        {
            e.ToTable("group_plans");
            e.HasKey(x => new { x.GroupId, x.Version });
            e.Property(x => x.CreatedBy).HasMaxLength(6).IsFixedLength();
            e.HasOne<Tenancy.WideAreaGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PublishedPlanSummary>(e =>
        {
            e.ToTable("published_plan_summaries");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(6).IsFixedLength();
            e.Property(x => x.Title).HasMaxLength(200);
            e.HasOne<Tenancy.LocalGovernment>().WithMany().HasForeignKey(x => x.Code).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
