using System.Linq.Expressions;
using InfraLedger.Core.Audit;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InfraLedger.Core.Database;

/// <summary>
/// The one DbContext of the application. Tenant scope lives here and fails closed: every
/// <see cref="ITenantOwned"/> entity is filtered to <see cref="TenantScope.TenantId"/> (no tenant → no rows),
/// writes outside the scope throw, and every change writes an audit event in the same transaction.
/// </summary>
public sealed partial class AppDbContext(DbContextOptions<AppDbContext> options, TenantScope scope)
    : IdentityUserContext<AppUser>(options)
{
    public TenantScope Scope { get; } = scope;

    /// <summary>Read by the query filters; EF parameterises it per context instance.</summary>
    public string? CurrentTenantId => Scope.TenantId;

    public DbSet<LocalGovernment> LocalGovernments => Set<LocalGovernment>();

    public DbSet<ReferenceDataLoad> ReferenceDataLoads => Set<ReferenceDataLoad>();

    public DbSet<WideAreaGroup> WideAreaGroups => Set<WideAreaGroup>();

    public DbSet<WideAreaGroupMember> WideAreaGroupMembers => Set<WideAreaGroupMember>();

    public DbSet<TenantSetting> TenantSettings => Set<TenantSetting>();

    public DbSet<TenantMembership> Memberships => Set<TenantMembership>();

    public DbSet<UserGrant> UserGrants => Set<UserGrant>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Facility> Facilities => Set<Facility>();

    public DbSet<FixedAsset> FixedAssets => Set<FixedAsset>();

    public DbSet<RegisterVersion> RegisterVersions => Set<RegisterVersion>();

    public DbSet<Register.Import.ImportLayout> ImportLayouts => Set<Register.Import.ImportLayout>();

    public DbSet<Indicators.StatisticsSource> StatisticsSources => Set<Indicators.StatisticsSource>();

    public DbSet<Indicators.PublicIndicatorValue> PublicIndicatorValues => Set<Indicators.PublicIndicatorValue>();

    public DbSet<Indicators.SimilarGroupAssignment> SimilarGroups => Set<Indicators.SimilarGroupAssignment>();

    public DbSet<Indicators.TenantPopulation> Populations => Set<Indicators.TenantPopulation>();

    public DbSet<Projection.ProjectionScenario> ProjectionScenarios => Set<Projection.ProjectionScenario>();

    public DbSet<Projection.RecentInvestment> RecentInvestments => Set<Projection.RecentInvestment>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite gives DateTime back with Kind=Unspecified and PostgreSQL's timestamptz demands Utc:
        // every DateTime in this model is UTC, so say so on the way back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().ToTable("users").Property(u => u.DisplayName).HasMaxLength(100);
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("user_tokens");

        builder.Entity<LocalGovernment>(e =>
        {
            e.ToTable("local_governments");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(6).IsFixedLength();
            e.Property(x => x.PrefectureCode).HasMaxLength(6).IsFixedLength();
            e.Property(x => x.ParentCode).HasMaxLength(6).IsFixedLength();
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Kana).HasMaxLength(100);
            e.Property(x => x.NameEn).HasMaxLength(50);
            e.Property(x => x.Url).HasMaxLength(200);
            e.HasIndex(x => x.PrefectureCode);
        });

        builder.Entity<ReferenceDataLoad>(e =>
        {
            e.ToTable("reference_data_loads");
            e.Property(x => x.Dataset).HasMaxLength(100);
            e.Property(x => x.Source).HasMaxLength(500);
            e.Property(x => x.Sha256).HasMaxLength(64);
        });

        builder.Entity<WideAreaGroup>(e =>
        {
            e.ToTable("wide_area_groups");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WideAreaGroupMember>(e =>
        {
            e.ToTable("wide_area_group_members");
            e.HasKey(x => new { x.GroupId, x.MemberCode });
            e.Property(x => x.MemberCode).HasMaxLength(6).IsFixedLength();
            e.HasOne<LocalGovernment>().WithMany().HasForeignKey(x => x.MemberCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.MemberCode);
        });

        builder.Entity<TenantSetting>(e =>
        {
            e.ToTable("tenant_settings");
            e.HasKey(x => new { x.TenantId, x.Key });
            e.Property(x => x.Key).HasMaxLength(64);
            e.Property(x => x.Value).HasMaxLength(4000);
        });

        builder.Entity<TenantMembership>(e =>
        {
            e.ToTable("tenant_memberships");
            e.HasKey(x => new { x.TenantId, x.UserId });
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            // No index on user_id alone: every index of a tenant-owned table starts with tenant_id (Citus-ready);
            // the sign-in lookup of a user's tenants scans this small table.
        });

        builder.Entity<UserGrant>(e =>
        {
            e.ToTable("user_grants");
            e.Property(x => x.PrefectureCode).HasMaxLength(6).IsFixedLength();
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.UserId, x.Role, x.PrefectureCode }).IsUnique();
        });

        builder.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.SecretHash).HasMaxLength(64);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
        });

        builder.Entity<AuditEvent>(e =>
        {
            e.ToTable("audit_events");
            e.HasKey(x => new { x.TenantId, x.Sequence });
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Action).HasMaxLength(10);
            e.Property(x => x.EntityType).HasMaxLength(100);
            e.Property(x => x.EntityKey).HasMaxLength(200);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
        });

        ConfigureRegister(builder);
        ConfigureIndicators(builder);
        ConfigureProjection(builder, Database.IsSqlite());
        ConfigureOpenData(builder);
        ConfigureInspections(builder, Database.IsSqlite());
        ConfigureReports(builder);
        ConfigureSessionsAndInvitations(builder);
        ConfigureMaintenance(builder);
        ConfigurePlanning(builder, Database.IsSqlite());
        ConfigurePlanPublishing(builder);
        ConfigureSearch(builder, Database.IsSqlite());
        ConfigureMail(builder);
        ConfigureInstances(builder);

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            entity.FindProperty(nameof(ITenantOwned.TenantId))!.SetMaxLength(6);
            entity.FindProperty(nameof(ITenantOwned.TenantId))!.SetIsFixedLength(true);
            builder.Entity(entity.ClrType).HasQueryFilter(TenantFilter(entity.ClrType));
            builder.Entity(entity.ClrType).HasOne(typeof(LocalGovernment)).WithMany()
                .HasForeignKey(nameof(ITenantOwned.TenantId)).OnDelete(DeleteBehavior.Restrict);
        }

        SnakeCaseNames.Apply(builder);
    }

    private void ConfigureRegister(ModelBuilder builder)
    {
        // SQLite has no decimal type: EF stores it as text, which cannot be sorted or summed in SQL. Yen are
        // whole numbers (RegisterValidation refuses fractions), so they are stored as integers; quantities
        // (㎡, m) as REAL. PostgreSQL keeps exact numerics.
        var sqlite = Database.IsSqlite();

        builder.Entity<Facility>(e =>
        {
            e.ToTable("facilities");
            e.HasKey(x => new { x.TenantId, x.Code });
            e.Property(x => x.Code).HasMaxLength(50);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Kana).HasMaxLength(200);
            e.Property(x => x.UsageMajor).HasMaxLength(100);
            e.Property(x => x.UsageMinor).HasMaxLength(100);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.Structure).HasMaxLength(100);
            e.Property(x => x.Section).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.ChangeReason).HasMaxLength(300);
            e.Property(x => x.ImportSource).HasMaxLength(200);
            _ = sqlite ? e.Property(x => x.Quantity).HasConversion<double?>() : e.Property(x => x.Quantity).HasPrecision(18, 3);
            _ = sqlite ? e.Property(x => x.Width).HasConversion<double?>() : e.Property(x => x.Width).HasPrecision(9, 2);
            e.HasIndex(x => new { x.TenantId, x.Kind });
            e.HasIndex(x => new { x.TenantId, x.UsageMajor });
            // The open-data catalogue's summary per publisher (CrossTenant.RegisterSummariesOfPublishersAsync, migration 0025):
            // the newest change is the last entry of the first index, the sample count a count over the second, small, one.
            e.HasIndex(x => new { x.TenantId, x.RecordedAtUtc });
            e.HasIndex(x => x.TenantId, "ix_facilities_tenant_id_sample").HasFilter("is_sample");
        });

        builder.Entity<FixedAsset>(e =>
        {
            e.ToTable("fixed_assets");
            e.HasKey(x => new { x.TenantId, x.Number });
            e.Property(x => x.Number).HasMaxLength(50);
            e.Property(x => x.FacilityCode).HasMaxLength(50);
            e.Property(x => x.ChangeReason).HasMaxLength(300);
            e.Property(x => x.ImportSource).HasMaxLength(200);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.AssetClass).HasMaxLength(50);
            e.Property(x => x.Account).HasMaxLength(50);
            e.Property(x => x.QuantityUnit).HasMaxLength(20);
            e.Property(x => x.Location).HasMaxLength(300);
            e.Property(x => x.Usage).HasMaxLength(100);
            e.Property(x => x.BusinessCategory).HasMaxLength(100);
            e.Property(x => x.Section).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(2000);
            _ = sqlite ? e.Property(x => x.AcquisitionCost).HasConversion<long>() : e.Property(x => x.AcquisitionCost).HasPrecision(18, 0);
            _ = sqlite ? e.Property(x => x.Quantity).HasConversion<double?>() : e.Property(x => x.Quantity).HasPrecision(18, 3);
            e.HasOne<Facility>().WithMany().HasForeignKey(x => new { x.TenantId, x.FacilityCode })
                .HasPrincipalKey(f => new { f.TenantId, f.Code }).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.TenantId, x.Account });
            e.HasIndex(x => new { x.TenantId, x.RecordedAtUtc });
            e.HasIndex(x => x.TenantId, "ix_fixed_assets_tenant_id_sample").HasFilter("is_sample");
        });

        builder.Entity<RegisterVersion>(e =>
        {
            e.ToTable("register_versions");
            e.HasKey(x => new { x.TenantId, x.EntryType, x.Key, x.Version });
            e.Property(x => x.Key).HasMaxLength(50);
            e.Property(x => x.Reason).HasMaxLength(300);
            e.HasIndex(x => new { x.TenantId, x.ValidFrom });
            e.HasIndex(x => new { x.TenantId, x.RecordedAtUtc });
        });

        builder.Entity<Register.Import.ImportLayout>(e =>
        {
            e.ToTable("import_layouts");
            e.HasKey(x => new { x.TenantId, x.LayoutKey });
            e.Property(x => x.LayoutKey).HasMaxLength(64);
        });
    }

    /// <summary><c>e =&gt; CurrentTenantId != null &amp;&amp; e.TenantId == CurrentTenantId</c>: no tenant, no rows.</summary>
    private LambdaExpression TenantFilter(Type type)
    {
        var e = Expression.Parameter(type, "e");
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentTenantId));
        var tenantId = Expression.Property(e, nameof(ITenantOwned.TenantId));
        return Expression.Lambda(
            Expression.AndAlso(
                Expression.NotEqual(current, Expression.Constant(null, typeof(string))),
                Expression.Equal(tenantId, current)),
            e);
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
