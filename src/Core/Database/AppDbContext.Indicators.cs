using InfraLedger.Core.Indicators;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Database;

public sealed partial class AppDbContext
{
    public DbSet<PublishedProjection> PublishedProjections => Set<PublishedProjection>();

    private static void ConfigureIndicators(ModelBuilder builder)
    {
        builder.Entity<PublishedProjection>(e =>
        {
            e.ToTable("published_projections");
            e.HasKey(x => new { x.Code, x.FiscalYear });
            e.Property(x => x.Code).HasMaxLength(6).IsFixedLength();
            e.HasOne<Tenancy.LocalGovernment>().WithMany().HasForeignKey(x => x.Code).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<StatisticsSource>(e =>
        {
            e.ToTable("statistics_sources");
            e.Property(x => x.Id).HasMaxLength(50);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Publisher).HasMaxLength(100);
            e.Property(x => x.Licence).HasMaxLength(200);
            e.Property(x => x.Attribution).HasMaxLength(300);
            e.Property(x => x.Url).HasMaxLength(500);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.Sha256).HasMaxLength(64);
        });

        builder.Entity<PublicIndicatorValue>(e =>
        {
            e.ToTable("public_indicator_values");
            e.HasKey(x => new { x.Code, x.FiscalYear, x.Indicator });
            e.Property(x => x.Code).HasMaxLength(6).IsFixedLength();
            e.Property(x => x.Indicator).HasMaxLength(50);
            e.Property(x => x.Text).HasMaxLength(40);
            e.Property(x => x.PrefectureName).HasMaxLength(10);
            e.Property(x => x.BodyName).HasMaxLength(50);
            e.Property(x => x.SourceId).HasMaxLength(50);
            e.HasOne<StatisticsSource>().WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.Indicator, x.FiscalYear });
            e.HasIndex(x => x.SourceId);
        });

        builder.Entity<SimilarGroupAssignment>(e =>
        {
            e.ToTable("similar_groups");
            e.HasKey(x => new { x.Code, x.FiscalYear });
            e.Property(x => x.Code).HasMaxLength(6).IsFixedLength();
            e.Property(x => x.Group).HasMaxLength(30);
            e.Property(x => x.SourceId).HasMaxLength(50);
            e.HasOne<StatisticsSource>().WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.FiscalYear, x.Group });
            e.HasIndex(x => x.SourceId);
        });

        builder.Entity<TenantPopulation>(e =>
        {
            e.ToTable("populations");
            e.HasKey(x => new { x.TenantId, x.FiscalYear });
            e.Property(x => x.Basis).HasMaxLength(50);
            e.Property(x => x.Source).HasMaxLength(300);
            e.Property(x => x.SecondaryIndustryShare).HasPrecision(5, 2);
            e.Property(x => x.TertiaryIndustryShare).HasPrecision(5, 2);
        });
    }
}
