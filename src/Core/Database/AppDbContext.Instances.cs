using InfraLedger.Core.Identity;
using InfraLedger.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Database;

/// <summary>What several web instances share through the database (ADR 0033): the jobs and the data-protection keys.</summary>
public sealed partial class AppDbContext
{
    public DbSet<JobRecord> JobRecords => Set<JobRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private static void ConfigureInstances(ModelBuilder builder)
    {
        builder.Entity<JobRecord>(e =>
        {
            e.ToTable("jobs");
            // Led by the tenant, as every tenant table (Citus-ready), though the row is not a tenant-owned entity.
            e.HasKey(x => new { x.TenantId, x.Id });
            e.Property(x => x.TenantId).HasMaxLength(6).IsFixedLength();
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Message).HasMaxLength(1000);
            e.Property(x => x.ResultRef).HasMaxLength(100);
            e.Property(x => x.Owner).HasMaxLength(200);
            e.Ignore(x => x.IsFinished);
            // The interrupted-job sweep of every instance: unfinished jobs by their lease.
            e.HasIndex(x => new { x.Status, x.LeaseExpiresAtUtc });
            e.HasOne<Tenancy.LocalGovernment>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys");
            e.Property(x => x.FriendlyName).HasMaxLength(100);
        });
    }
}
