using System.Text.RegularExpressions;
using InfraLedger.Core.Mail;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Support;

/// <summary>The mails a test host without SMTP left in its outbox (they stay queued there, body and all).</summary>
public static partial class Outbox
{
    public static async Task<List<OutboxMail>> MailsToAsync(this AppFactory app, string recipient)
    {
        await using var db = app.Database.Context();
        return await db.OutboxMails.AsNoTracking().Where(m => m.Recipient == recipient).OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>The site path of the newest mail to <paramref name="recipient"/> (an invitation's or a reset's link).</summary>
    public static async Task<string> LinkToAsync(this AppFactory app, string recipient)
    {
        var mails = await app.MailsToAsync(recipient);
        mails.ShouldNotBeEmpty($"no mail to {recipient} in the outbox");
        var match = SitePath().Match(mails[^1].Body);
        match.Success.ShouldBeTrue($"no link in the mail to {recipient}");
        return match.Value;
    }

    [GeneratedRegex(@"/(\d{6}/invitations|account/reset)/[0-9a-f]{16}/[0-9a-f]{64}")]
    private static partial Regex SitePath();
}
