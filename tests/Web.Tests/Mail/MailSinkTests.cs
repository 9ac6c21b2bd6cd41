using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Mail;

/// <summary>
/// The web host's background sender delivers the outbox through real SMTP (MailKit) to the sink of scripts/lib/smtp.sh
/// (ADR 0027); the test fails without the sink. Runs on both databases: the claim and the state updates are SQL.
/// </summary>
public sealed class MailSinkTests : IAsyncLifetime
{
    private const string Site = "https://infraledger.example.lg.jp";
    private AppFactory app = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        SmtpSink.Require();
        app = await AppFactory.CreateAsync();
        foreach (var (key, value) in SmtpSink.Settings(Site))
        {
            app.Settings[key] = value;
        }

        var password = await app.CreateUserAsync("admin@yaizu.example.jp", "222127", TenantRole.Admin);
        admin = await app.SignedInClientAsync("admin@yaizu.example.jp", password);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task an_invitation_reaches_the_sink_as_utf8_plain_text_from_the_configured_sender_and_is_logged_without_its_link()
    {
        var invitee = SmtpSink.UniqueAddress("sink-invitee");

        await AppFactory.PostFormAsync(admin, "/222127/members?handler=Set", new() { ["email"] = invitee, ["role"] = "Editor" }, formPage: "/222127/members");

        var mail = (await SmtpSink.WaitForAsync(invitee)).Single();
        mail.Subject.ShouldBe("【インフラ台帳】焼津市への招待");
        mail.From.Mailboxes.Single().Address.ShouldBe("no-reply@infraledger.test");
        mail.Headers["X-InfraLedger-Kind"].ShouldBe("invitation");
        (mail.TextBody ?? "").ShouldContain("インフラ台帳の「焼津市」（団体コード 222127）から、編集者としての招待が届いています。");
        var link = SmtpSink.LinkPath(mail, Site);
        link.ShouldStartWith("/222127/invitations/");
        (await app.Client().GetStringAsync(link)).ShouldContain($"「{invitee}」のアカウントを作成して承諾します。");

        var outbox = (await app.MailsToAsync(invitee)).Single();
        await WaitUntilAsync(async () => (await app.MailsToAsync(invitee)).Single().State == Core.Mail.MailState.Sent);
        (await app.MailsToAsync(invitee)).Single().Body.ShouldBeEmpty(); // the link is not kept once sent
        var page = await admin.GetStringAsync("/222127/mail");
        page.ShouldContain("送信済み");
        page.ShouldNotContain("SMTP）が設定されていません");
        var secret = link.Split('/')[^1];
        var lines = app.Logs.Of("InfraLedger.Mail").ToList();
        lines.ShouldContain(l => l.Contains($"mail sent id={outbox.Id} tenant=222127 kind=invitation recipient={invitee} attempt=1"));
        app.Logs.Lines.ShouldAllBe(l => !l.Contains(secret), "no log line holds the link's secret");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(until, "the outbox row was not marked sent");
            await Task.Delay(100);
        }
    }
}
