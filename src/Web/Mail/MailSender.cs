using InfraLedger.Core.Database;
using InfraLedger.Core.Mail;

namespace InfraLedger.Web.Mail;

/// <summary>
/// The background sender of the mail outbox (docs/decisions/0027): every <see cref="MailSettings.PollInterval"/> it sends
/// the due mails through SMTP. Without <c>Mail:Host</c> it sends nothing and the mails wait (the admin page says so).
/// </summary>
public sealed class MailSender(MailSettings settings, DatabaseSettings database, ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger logger = loggers.CreateLogger(MailDelivery.LogCategory);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Configured)
        {
            logger.LogWarning("mail sender idle: Mail:Host is not set; mails stay queued in the outbox");
            return;
        }

        using var timer = new PeriodicTimer(settings.PollInterval);
        do
        {
            try
            {
                await SendAllDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A database outage must not stop the sender; the next tick tries again.
                logger.LogError(e, "mail sender: the outbox could not be read");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SendAllDueAsync(CancellationToken ct)
    {
        await using var db = database.CreateContext();
        await using var transport = new SmtpMailTransport(settings);
        MailDelivery.Batch batch;
        do
        {
            batch = await MailDelivery.SendDueAsync(db, transport, settings, logger, () => DateTime.UtcNow, 20, ct);
        }
        while (batch.Sent + batch.Retrying + batch.Failed == 20);
    }
}
