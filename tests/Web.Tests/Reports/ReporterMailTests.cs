using System.Net;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Reports;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>
/// Issue 22 item 4 end to end: a status change sends the reporter a mail through the outbox and a real SMTP server (the
/// sink scripts/test starts; read back from its Maildir), with this report, its body and the holder's link — and nothing
/// of another tenant, whose own reporter's mail goes out at the same time.
/// </summary>
public sealed class ReporterMailTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private readonly string run = Guid.NewGuid().ToString("N")[..10];
    private AppFactory app = null!;

    public async Task InitializeAsync()
    {
        var smtp = Environment.GetEnvironmentVariable("INFRALEDGER_TEST_SMTP");
        // Fail, never skip: scripts/test (scripts/lib/smtp.sh) starts the sink and sets both variables.
        if (string.IsNullOrEmpty(smtp) || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("INFRALEDGER_TEST_MAILBOX")))
        {
            Assert.Fail("No SMTP sink: run scripts/test, or `. scripts/lib/smtp.sh` first (INFRALEDGER_TEST_SMTP, INFRALEDGER_TEST_MAILBOX).");
        }

        app = await AppFactory.CreateAsync();
        app.Settings["Mail:Host"] = smtp![..smtp.LastIndexOf(':')];
        app.Settings["Mail:Port"] = smtp[(smtp.LastIndexOf(':') + 1)..];
        app.Settings["Mail:Security"] = "None";
        app.Settings["Mail:PollSeconds"] = "0.2";
        app.Settings["Mail:SiteUrl"] = "https://infra.example.lg.jp";
        foreach (var tenant in new[] { Yaizu, Fujieda })
        {
            await using var db = app.Database.Context(tenant, actor: "test-setup");
            await Services.AddDefaultsAsync(db, DateTime.UtcNow, default);
        }
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<ResidentReport> SubmitAsync(string tenant, string email, string description)
    {
        await using var db = app.Database.Context(tenant, actor: "test-setup");
        // Each body's report inside its own boundary (the pin is checked, ADR 0028): 藤枝市役所 or central 焼津市.
        var (lat, lng) = tenant == "222143" ? ("34.8673", "138.2577") : ("34.867", "138.32");
        var submission = ReportPagesTests.Submission("101", description, email, lat, lng);
        return (await ResidentReports.SubmitAsync(db, submission, DateTime.UtcNow, default)).Value;
    }

    [Fact]
    public async Task a_status_change_mails_the_reporter_this_report_only_through_smtp()
    {
        var yaizuEmail = $"yaizu-{run}@example.jp";
        var fujiedaEmail = $"fujieda-{run}@example.jp";
        var ours = await SubmitAsync(Yaizu, yaizuEmail, "焼津の説明（メールには載せない）");
        var theirs = await SubmitAsync(Fujieda, fujiedaEmail, "藤枝の説明");
        var yaizuEditor = await app.SignedInClientAsync($"e-{run}@yaizu.example.jp", await app.CreateUserAsync($"e-{run}@yaizu.example.jp", Yaizu, TenantRole.Editor));
        var fujiedaEditor = await app.SignedInClientAsync($"e-{run}@fujieda.example.jp", await app.CreateUserAsync($"e-{run}@fujieda.example.jp", Fujieda, TenantRole.Editor));

        var changed = await AppFactory.PostFormAsync(yaizuEditor, $"/222127/reports/{ours.Id}?handler=Status", new() { ["newStatus"] = "Fixed", ["statusNotes"] = "舗装を補修しました。" });
        var other = await AppFactory.PostFormAsync(fujiedaEditor, $"/222143/reports/{theirs.Id}?handler=Status", new() { ["newStatus"] = "InProgress", ["statusNotes"] = "藤枝だけのお知らせ" });
        (changed.StatusCode, other.StatusCode).ShouldBe((HttpStatusCode.Redirect, HttpStatusCode.Redirect));

        var mail = await MailboxAsync(yaizuEmail);
        var theirMail = await MailboxAsync(fujiedaEmail);

        mail.Subject.ShouldBe($"【焼津市】受付番号 {ours.Id} の通報: 完了");
        var body = mail.TextBody ?? "";
        body.ShouldContain("舗装を補修しました。");
        body.ShouldContain("直りましたか？");
        body.ShouldContain($"https://infra.example.lg.jp/222127/report/{ours.Id}?key={ours.ReporterKey}");
        foreach (var foreign in new[] { "藤枝", "222143", theirs.ReporterKey!, fujiedaEmail, "焼津の説明", "054-000-0000", "道路課" })
        {
            body.ShouldNotContain(foreign);
            (mail.Subject ?? "").ShouldNotContain(foreign);
        }

        (theirMail.TextBody ?? "").ShouldContain("藤枝だけのお知らせ");
        (theirMail.TextBody ?? "").ShouldNotContain("焼津");
        await using var db = app.Database.Context(Yaizu);
        (await db.OutboxMails.CountAsync(m => m.Recipient == yaizuEmail && m.Kind == ReportMails.Kind)).ShouldBe(1);
    }

    /// <summary>The mail to <paramref name="recipient"/> in the sink's Maildir, waiting for the background sender (no fixed sleep: polled up to a minute).</summary>
    private static async Task<MimeKit.MimeMessage> MailboxAsync(string recipient)
    {
        var mailbox = Path.Combine(Environment.GetEnvironmentVariable("INFRALEDGER_TEST_MAILBOX")!, "new");
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.EnumerateFiles(mailbox))
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == recipient))
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no mail to {recipient} in {mailbox}");
    }
}
