using InfraLedger.Core.Mail;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Database;

public sealed partial class AppDbContext
{
    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    private static void ConfigureMail(ModelBuilder builder)
    {
        builder.Entity<OutboxMail>(e =>
        {
            e.ToTable("mail_outbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.TenantId).HasMaxLength(6).IsFixedLength();
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Recipient).HasMaxLength(256);
            e.Property(x => x.Subject).HasMaxLength(200);
            e.Property(x => x.LastError).HasMaxLength(500);
            e.HasIndex(x => new { x.State, x.NextAttemptAtUtc });
            e.HasIndex(x => new { x.TenantId, x.Id });
        });
    }
}
