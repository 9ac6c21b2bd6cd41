using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace InfraLedger.Core.Mail;

/// <summary>Hands one message to a mail server; <see cref="SmtpMailTransport"/> in the hosts, a fake in the retry tests.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>SMTP through MailKit, one connection per batch of the sender.</summary>
public sealed class SmtpMailTransport(MailSettings settings) : IMailTransport, IAsyncDisposable
{
    private readonly SmtpClient client = new() { Timeout = 30_000 };

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (!client.IsConnected)
        {
            var options = settings.Security switch
            {
                MailSecurity.None => SecureSocketOptions.None,
                MailSecurity.StartTls => SecureSocketOptions.StartTls,
                MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            };
            await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Mail:Host is not set."), settings.Port, options, ct);
            if (settings.UserName is not null)
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            }
        }

        await client.SendAsync(message, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or System.Net.Sockets.SocketException)
            {
                // The mails are sent; a failed QUIT changes nothing.
            }
        }

        client.Dispose();
    }
}
