using InfraLedger.Core.Mail;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace InfraLedger.Core.Tests.Mail;

/// <summary>The outbox and its sender (ADR 0027): queued in the caller's save, retried with a doubling delay, failed after N attempts.</summary>
public sealed class MailDeliveryTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly MailSettings Settings = new() { Host = "smtp.test", MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromSeconds(30) };
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>A server that refuses the first <paramref name="failures"/> messages, then takes them.</summary>
    private sealed class FlakyTransport(int failures) : IMailTransport
    {
        public List<MimeMessage> Sent { get; } = [];

        public int Tries { get; private set; }

        public Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            Tries++;
            if (Tries <= failures)
            {
                throw new IOException("451 4.3.0 try again later");
            }

            Sent.Add(message);
            return Task.CompletedTask;
        }
    }

    private async Task<long> QueueAsync(string tenant = "222127")
    {
        await using var db = database.Context(tenant);
        var mail = await MailOutbox.EnqueueAsync(db, tenant, MailKinds.Test, "staff@yaizu.example.jp", "試験", "本文 https://example.jp/secret-link", T0, CancellationToken.None);
        mail.IsSuccess.ShouldBeTrue(mail.Error?.Message);
        return mail.Value.Id;
    }

    private async Task<OutboxMail> RowAsync(long id)
    {
        await using var db = database.Context();
        return await db.OutboxMails.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private async Task<MailDelivery.Batch> SendAsync(IMailTransport transport, DateTime now, ILogger? logger = null)
    {
        await using var db = database.Context();
        return await MailDelivery.SendDueAsync(db, transport, Settings, logger ?? NullLogger.Instance, () => now, 10, CancellationToken.None);
    }

    [Fact]
    public async Task a_mail_refused_twice_is_retried_after_30_then_60_seconds_and_sent_the_third_time_with_its_body_emptied()
    {
        var id = await QueueAsync();
        var server = new FlakyTransport(failures: 2);

        (await SendAsync(server, T0)).ShouldBe(new MailDelivery.Batch(0, 1, 0));
        (await RowAsync(id)).NextAttemptAtUtc.ShouldBe(T0.AddSeconds(30));
        (await SendAsync(server, T0.AddSeconds(29))).ShouldBe(new MailDelivery.Batch(0, 0, 0)); // not due yet
        (await SendAsync(server, T0.AddSeconds(30))).ShouldBe(new MailDelivery.Batch(0, 1, 0));
        (await RowAsync(id)).NextAttemptAtUtc.ShouldBe(T0.AddSeconds(90));
        (await SendAsync(server, T0.AddSeconds(90))).ShouldBe(new MailDelivery.Batch(1, 0, 0));

        var row = await RowAsync(id);
        row.State.ShouldBe(MailState.Sent);
        row.Attempts.ShouldBe(3);
        row.SentAtUtc.ShouldBe(T0.AddSeconds(90));
        row.Body.ShouldBeEmpty();
        row.LastError.ShouldBeNull();
        (server.Sent.Single().TextBody ?? "").ShouldContain("https://example.jp/secret-link");
        server.Sent.Single().To.Mailboxes.Single().Address.ShouldBe("staff@yaizu.example.jp");
        (await SendAsync(server, T0.AddHours(1))).ShouldBe(new MailDelivery.Batch(0, 0, 0)); // never twice
    }

    [Fact]
    public async Task a_mail_refused_max_attempts_times_is_marked_failed_and_not_tried_again()
    {
        var id = await QueueAsync();
        var server = new FlakyTransport(failures: int.MaxValue);

        await SendAsync(server, T0);
        await SendAsync(server, T0.AddSeconds(30));
        (await SendAsync(server, T0.AddSeconds(90))).ShouldBe(new MailDelivery.Batch(0, 0, 1));
        (await SendAsync(server, T0.AddDays(1))).ShouldBe(new MailDelivery.Batch(0, 0, 0));

        var row = await RowAsync(id);
        row.State.ShouldBe(MailState.Failed);
        row.Attempts.ShouldBe(3);
        row.NextAttemptAtUtc.ShouldBeNull();
        row.LastError.ShouldBe("IOException: 451 4.3.0 try again later");
        server.Tries.ShouldBe(3);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)] // 3840 s, capped at one hour
    [InlineData(30, 3600)]
    public void the_delay_doubles_from_the_first_and_stops_at_one_hour(int attemptsMade, int seconds)
    {
        MailDelivery.RetryDelay(Settings, attemptsMade).ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public async Task the_log_names_tenant_kind_recipient_and_state_but_never_the_subject_or_body()
    {
        await QueueAsync();
        var logger = new ListLogger();

        await SendAsync(new FlakyTransport(failures: 1), T0, logger);
        await SendAsync(new FlakyTransport(failures: 0), T0.AddSeconds(30), logger);

        logger.Lines.Count.ShouldBe(2);
        logger.Lines[0].ShouldStartWith("mail queued id=");
        logger.Lines[0].ShouldContain("tenant=222127 kind=test recipient=staff@yaizu.example.jp attempt=1");
        logger.Lines[1].ShouldContain("mail sent");
        logger.Lines.ShouldAllBe(l => !l.Contains("secret-link") && !l.Contains("試験"));
    }

    [Fact]
    public async Task a_mail_is_queued_only_with_the_save_of_the_change_it_tells_about()
    {
        await using (var db = database.Context("222127"))
        {
            MailOutbox.Add(db, "222127", MailKinds.Test, "a@example.jp", "件名", "本文", T0).IsSuccess.ShouldBeTrue();
            // No save: the unit of work is abandoned.
        }

        await using var check = database.Context();
        (await check.OutboxMails.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("not an address", "test", "件名", "本文", "mail.recipient")]
    [InlineData("a@example.jp", "Test Kind", "件名", "本文", "mail.kind")]
    [InlineData("a@example.jp", "test", "件名\r\nBcc: x@example.jp", "本文", "mail.subject")]
    [InlineData("a@example.jp", "test", "", "本文", "mail.subject")]
    [InlineData("a@example.jp", "test", "件名", " ", "mail.body")]
    public async Task a_bad_mail_is_refused_with_a_located_error_and_nothing_queued(string recipient, string kind, string subject, string body, string code)
    {
        await using var db = database.Context("222127");

        var result = await MailOutbox.EnqueueAsync(db, "222127", kind, recipient, subject, body, T0, CancellationToken.None);

        result.Error!.Code.ShouldBe(code);
        (await db.OutboxMails.CountAsync()).ShouldBe(0);
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
