using InfraLedger.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Database;

public sealed partial class AppDbContext
{
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<TenantInvitation> Invitations => Set<TenantInvitation>();

    public DbSet<PasswordReset> PasswordResets => Set<PasswordReset>();

    private static void ConfigureSessionsAndInvitations(ModelBuilder builder)
    {
        builder.Entity<UserSession>(e =>
        {
            e.ToTable("user_sessions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.ClientAddress).HasMaxLength(64);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.UserId);
            e.HasIndex(x => x.ExpiresAtUtc);
        });

        builder.Entity<TenantInvitation>(e =>
        {
            e.ToTable("tenant_invitations");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.Property(x => x.Id).HasMaxLength(16);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.NormalizedEmail).HasMaxLength(256);
            e.Property(x => x.SecretHash).HasMaxLength(64);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.AcceptedByUserId).HasMaxLength(450);
            e.HasIndex(x => new { x.TenantId, x.NormalizedEmail });
        });

        builder.Entity<PasswordReset>(e =>
        {
            e.ToTable("password_resets");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(16);
            e.Property(x => x.SecretHash).HasMaxLength(64);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.UserId);
        });
    }
}
