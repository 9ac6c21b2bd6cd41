using InfraLedger.Core.Register;
using InfraLedger.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Database;

public sealed partial class AppDbContext
{
    public DbSet<ReportService> ReportServices => Set<ReportService>();

    public DbSet<ResidentReport> ResidentReports => Set<ResidentReport>();

    public DbSet<ReportNote> ReportNotes => Set<ReportNote>();

    public DbSet<ReportPhoto> ReportPhotos => Set<ReportPhoto>();

    public DbSet<ResponseTemplate> ResponseTemplates => Set<ResponseTemplate>();

    private static void ConfigureReports(ModelBuilder builder)
    {
        builder.Entity<ReportService>(e =>
        {
            e.ToTable("report_services");
            e.HasKey(x => new { x.TenantId, x.Code });
            e.Property(x => x.Code).HasMaxLength(50);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.Property(x => x.Group).HasMaxLength(50);
            e.Property(x => x.Keywords).HasMaxLength(300);
            e.Property(x => x.Section).HasMaxLength(100);
            e.Property(x => x.Notice).HasMaxLength(1000);
            e.Property(x => x.AttributesJson).HasMaxLength(20000);
            e.Ignore(x => x.Attributes);
        });

        builder.Entity<ResidentReport>(e =>
        {
            e.ToTable("resident_reports");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Token).HasMaxLength(32);
            e.Property(x => x.ServiceCode).HasMaxLength(50);
            e.Property(x => x.StatusNotes).HasMaxLength(4000);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.AddressId).HasMaxLength(100);
            e.Property(x => x.Zipcode).HasMaxLength(10);
            e.Property(x => x.AttributesJson).HasMaxLength(20000);
            e.Property(x => x.MediaUrls).HasMaxLength(10000);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.ReporterKey).HasMaxLength(32);
            e.Property(x => x.Language).HasMaxLength(5);
            e.Property(x => x.Phone).HasMaxLength(30);
            e.Property(x => x.FirstName).HasMaxLength(100);
            e.Property(x => x.LastName).HasMaxLength(100);
            e.Property(x => x.DeviceId).HasMaxLength(100);
            e.Property(x => x.AccountId).HasMaxLength(100);
            e.Property(x => x.Channel).HasMaxLength(20);
            e.Property(x => x.Section).HasMaxLength(100);
            e.Property(x => x.FacilityCode).HasMaxLength(50);
            e.Property(x => x.ForwardedToTenantId).HasMaxLength(6);
            e.Property(x => x.ForwardedFromTenantId).HasMaxLength(6);
            e.Ignore(x => x.IsPublic);
            e.HasOne<ReportService>().WithMany().HasForeignKey(x => new { x.TenantId, x.ServiceCode }).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Facility>().WithMany().HasForeignKey(x => new { x.TenantId, x.FacilityCode })
                .HasPrincipalKey(f => new { f.TenantId, f.Code }).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.TenantId, x.Token }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.RequestedAtUtc });
            e.HasIndex(x => new { x.TenantId, x.UpdatedAtUtc });
            e.HasIndex(x => new { x.TenantId, x.Section, x.Status });
            e.HasIndex(x => new { x.TenantId, x.FacilityCode });
            e.HasIndex(x => new { x.TenantId, x.ForwardedFromTenantId, x.ForwardedFromReportId }).HasDatabaseName("ix_resident_reports_tenant_id_forwarded_from");
        });

        builder.Entity<ReportNote>(e =>
        {
            e.ToTable("report_notes");
            e.HasKey(x => new { x.TenantId, x.ReportId, x.Number });
            e.Property(x => x.Type).HasMaxLength(20);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.Author).HasMaxLength(200);
            e.HasOne<ResidentReport>().WithMany().HasForeignKey(x => new { x.TenantId, x.ReportId }).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.TenantId, x.AtUtc });
        });

        builder.Entity<ReportPhoto>(e =>
        {
            e.ToTable("report_photos");
            e.HasKey(x => new { x.TenantId, x.ReportId, x.Number });
            e.Property(x => x.ContentType).HasMaxLength(30);
            e.HasOne<ResidentReport>().WithMany().HasForeignKey(x => new { x.TenantId, x.ReportId }).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ResponseTemplate>(e =>
        {
            e.ToTable("report_response_templates");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ServiceCode).HasMaxLength(50);
            e.Property(x => x.Title).HasMaxLength(ResponseTemplate.MaxTitle);
            e.Property(x => x.Text).HasMaxLength(4000);
            // Named: the default name is longer than PostgreSQL's 63 characters.
            e.HasOne<ReportService>().WithMany().HasForeignKey(x => new { x.TenantId, x.ServiceCode }).OnDelete(DeleteBehavior.Restrict)
                .HasConstraintName("fk_report_response_templates_report_services");
        });
    }
}
