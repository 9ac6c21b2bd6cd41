using System.CommandLine;
using InfraLedger.Core.Database;
using InfraLedger.Core.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfraLedger.Cli;

/// <summary><c>mail status</c> and <c>mail send</c>: the outbox seen and emptied by the operator (docs/decisions/0027).</summary>
internal static class MailCommands
{
    public static Command Create()
    {
        var status = new Command("status", "送信サーバーの設定と送信待ち・済み・失敗の件数 / SMTP setting and outbox counts");
        status.SetAction(async (parse, ct) =>
        {
            var settings = MailSettings.From(CliHost.Configuration());
            await using var services = CliHost.Services();
            await using var scope = services.CreateAsyncScope();
            var summary = await MailOutbox.SummaryAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), null, 20, ct);
            Console.WriteLine(settings.Configured
                ? $"送信サーバー / SMTP: {settings}"
                : "送信サーバー（SMTP）が設定されていません（Mail:Host）。メールは送信待ちのまま残ります / SMTP is not configured (Mail:Host): mails stay queued");
            Console.WriteLine($"送信待ち {summary.Queued} 件、送信済み {summary.Sent} 件、送信失敗 {summary.Failed} 件 / queued {summary.Queued}, sent {summary.Sent}, failed {summary.Failed}");
            foreach (var m in summary.Latest)
            {
                // The listing never shows a body: it may hold a one-time link.
                Console.WriteLine($"{m.Id}\t{m.CreatedAtUtc:yyyy-MM-dd HH:mm}Z\t{m.TenantId ?? "-"}\t{m.Kind}\t{m.Recipient}\t{m.State}\t{m.Attempts}\t{m.LastError}");
            }

            return 0;
        });

        var send = new Command("send", "送信待ちのメールを今すぐ送る / Send the due mails now");
        send.SetAction(async (parse, ct) =>
        {
            var settings = MailSettings.From(CliHost.Configuration());
            if (!settings.Configured)
            {
                return CliHost.Fail(Errors.NotConfigured);
            }

            await using var services = CliHost.Services();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(MailDelivery.LogCategory);
            await using var transport = new SmtpMailTransport(settings);
            int sent = 0, retrying = 0, failed = 0;
            MailDelivery.Batch batch;
            do
            {
                batch = await MailDelivery.SendDueAsync(db, transport, settings, logger, () => DateTime.UtcNow, 50, ct);
                (sent, retrying, failed) = (sent + batch.Sent, retrying + batch.Retrying, failed + batch.Failed);
            }
            while (batch.Sent + batch.Retrying + batch.Failed == 50);

            Console.WriteLine($"送信 {sent} 件、再送待ち {retrying} 件、失敗 {failed} 件 / sent {sent}, retrying {retrying}, failed {failed}");
            return failed + retrying > 0 ? 1 : 0;
        });

        return new Command("mail", "メールの送信 / Mail outbox") { status, send };
    }
}
