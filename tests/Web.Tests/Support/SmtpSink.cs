using MimeKit;

namespace InfraLedger.Web.Tests.Support;

/// <summary>
/// The local SMTP sink that scripts/test starts (scripts/lib/smtp.sh: Debian's aiosmtpd keeping a Maildir). Tests that
/// send mail point the app at it and read what arrived; they fail, never skip, without it.
/// </summary>
public static class SmtpSink
{
    private static (string Host, int Port, string Mailbox) Where()
    {
        var address = Environment.GetEnvironmentVariable("INFRALEDGER_TEST_SMTP");
        var mailbox = Environment.GetEnvironmentVariable("INFRALEDGER_TEST_MAILBOX");
        if (string.IsNullOrEmpty(address) || string.IsNullOrEmpty(mailbox) || !Directory.Exists(mailbox))
        {
            Assert.Fail("No SMTP sink (INFRALEDGER_TEST_SMTP, INFRALEDGER_TEST_MAILBOX). Run scripts/test, or `. scripts/lib/smtp.sh` before dotnet test.");
        }

        var colon = address!.LastIndexOf(':');
        return (address[..colon], int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), mailbox!);
    }

    /// <summary>Whether scripts/lib/smtp.sh's sink is there (the shared browser app then sends its mails to it).</summary>
    public static bool Available =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("INFRALEDGER_TEST_SMTP"))
        && Directory.Exists(Environment.GetEnvironmentVariable("INFRALEDGER_TEST_MAILBOX") ?? "");

    /// <summary>Fails the test when the sink is not there.</summary>
    public static void Require() => Where();

    /// <summary>The app's mail settings for the sink: plain SMTP, a quick poll, links to <paramref name="siteUrl"/>.</summary>
    public static Dictionary<string, string> Settings(string siteUrl)
    {
        var (host, port, _) = Where();
        return new()
        {
            ["Mail:Host"] = host,
            ["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:From"] = "no-reply@infraledger.test",
            ["Mail:PollSeconds"] = "0.2",
            ["Mail:FirstRetrySeconds"] = "0.2",
            ["Mail:SiteUrl"] = siteUrl,
        };
    }

    /// <summary>An address nobody else in this run (or an earlier run, whose mails stay in the Maildir) uses.</summary>
    public static string UniqueAddress(string name, string domain = "example.jp") => $"{name}-{Guid.NewGuid().ToString("N")[..10]}@{domain}";

    /// <summary>Every mail the sink received for <paramref name="recipient"/> so far.</summary>
    public static List<MimeMessage> MailsTo(string recipient)
    {
        var (_, _, mailbox) = Where();
        var mails = new List<MimeMessage>();
        foreach (var file in new[] { "new", "cur" }.Select(d => Path.Combine(mailbox, d)).Where(Directory.Exists).SelectMany(Directory.EnumerateFiles))
        {
            MimeMessage message;
            try
            {
                message = MimeMessage.Load(file);
            }
            catch (IOException)
            {
                continue; // being written
            }

            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
            {
                mails.Add(message);
            }
        }

        return [.. mails.OrderBy(m => m.Date)];
    }

    /// <summary>Waits (polling, up to <paramref name="timeoutSeconds"/>) until <paramref name="count"/> mails to <paramref name="recipient"/> arrived.</summary>
    public static async Task<List<MimeMessage>> WaitForAsync(string recipient, int count = 1, int timeoutSeconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var mails = MailsTo(recipient);
            if (mails.Count >= count)
            {
                return mails;
            }

            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"{mails.Count} of {count} mails to {recipient} arrived at the SMTP sink within {timeoutSeconds} s");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The first path of this site in a mail's text (e.g. <c>/account/reset/…</c>), from its absolute link.</summary>
    public static string LinkPath(MimeMessage mail, string siteUrl)
    {
        var text = mail.TextBody ?? "";
        var start = text.IndexOf(siteUrl, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"no link to {siteUrl} in: {text}");
        var end = text.IndexOfAny([' ', '\r', '\n'], start);
        return text[(start + siteUrl.Length)..(end < 0 ? text.Length : end)];
    }
}
