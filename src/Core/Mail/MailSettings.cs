using Microsoft.Extensions.Configuration;

namespace InfraLedger.Core.Mail;

/// <summary>How the SMTP server is reached.</summary>
public enum MailSecurity
{
    /// <summary>STARTTLS when the server offers it (MailKit's Auto; port 465 means TLS on connect).</summary>
    Auto,

    /// <summary>Plain SMTP (a local relay or a test sink only).</summary>
    None,

    /// <summary>STARTTLS required (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
}

/// <summary>
/// The mail settings (<c>Mail:*</c> in appsettings, environment <c>Mail__Host</c> …). Without <see cref="Host"/> the
/// application runs and mails wait in the outbox; the admin page and <c>infraledger mail status</c> say so.
/// </summary>
public sealed record MailSettings
{
    public string? Host { get; init; }

    public int Port { get; init; } = 25;

    public MailSecurity Security { get; init; } = MailSecurity.Auto;

    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>The sender's address (setting Mail:From).</summary>
    public string Sender { get; init; } = "no-reply@infraledger.invalid";

    public string SenderName { get; init; } = "インフラ台帳";

    /// <summary>
    /// The site's address as residents and staff reach it (e.g. <c>https://infra.example.lg.jp</c>), put before the
    /// links in mails. Never taken from a request's Host header, which a caller chooses.
    /// </summary>
    public string SiteUrl { get; init; } = "http://localhost:5000";

    /// <summary>Attempts before a mail is marked failed.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Delay before the second attempt; doubled for each further one (capped at one hour).</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the background sender looks at the outbox when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);

    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public static MailSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Mail");
        var defaults = new MailSettings();
        return new MailSettings
        {
            Host = section["Host"] is { Length: > 0 } host ? host.Trim() : null,
            Port = int.TryParse(section["Port"], out var port) ? port : defaults.Port,
            Security = Enum.TryParse<MailSecurity>(section["Security"], ignoreCase: true, out var security) ? security : defaults.Security,
            UserName = section["UserName"] is { Length: > 0 } user ? user : null,
            Password = section["Password"] is { Length: > 0 } password ? password : null,
            Sender = section["From"] is { Length: > 0 } from ? from.Trim() : defaults.Sender,
            SenderName = section["FromName"] is { Length: > 0 } name ? name : defaults.SenderName,
            SiteUrl = (section["SiteUrl"] is { Length: > 0 } site ? site.Trim() : defaults.SiteUrl).TrimEnd('/'),
            MaxAttempts = int.TryParse(section["MaxAttempts"], out var max) && max > 0 ? max : defaults.MaxAttempts,
            FirstRetryDelay = double.TryParse(section["FirstRetrySeconds"], System.Globalization.CultureInfo.InvariantCulture, out var retry) && retry >= 0
                ? TimeSpan.FromSeconds(retry) : defaults.FirstRetryDelay,
            PollInterval = double.TryParse(section["PollSeconds"], System.Globalization.CultureInfo.InvariantCulture, out var poll) && poll > 0
                ? TimeSpan.FromSeconds(poll) : defaults.PollInterval,
        };
    }

    /// <summary>What to show instead of the settings (never the password).</summary>
    public override string ToString() =>
        Configured ? $"{Host}:{Port} ({Security}{(UserName is null ? "" : ", 認証あり")}) 差出人 {Sender}" : "SMTP 未設定";
}
