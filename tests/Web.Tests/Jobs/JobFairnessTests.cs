using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Jobs;
using InfraLedger.Web.Jobs;
using InfraLedger.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfraLedger.Web.Tests.Jobs;

/// <summary>
/// Issue 17 F1: one job queue for all tenants, one job at a time — a 1.6 KB spreadsheet of one tenant held another
/// tenant's 3-line CSV for 366 s, and nothing was logged. Jobs now take turns per tenant on several workers, each kind has
/// a time and a size limit, a cancelled job frees its worker, and every start, end, failure and refusal is logged.
/// </summary>
public sealed partial class JobFairnessTests : IAsyncLifetime, IDisposable
{
    private const string A = "222127"; // 焼津市: the tenant with the slow job
    private const string B = "222143"; // 藤枝市: the tenant with the small import
    private const string SmallCsv = "施設コード,施設名\nF1,藤枝公民館\nF2,岡部公民館\n";
    private readonly Logs logs = new();
    private AppFactory app = null!;
    private WebApplicationFactory<Program> host = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    public void Dispose() => logs.Dispose();

    private async Task StartAsync(params (string Key, string Value)[] settings)
    {
        app = await AppFactory.CreateAsync();
        foreach (var (key, value) in settings)
        {
            app.Settings[key] = value;
        }

        host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
    }

    private JobRegistry Registry => host.Services.GetRequiredService<JobRegistry>();

    /// <summary>A job of tenant A that runs until it is cancelled, observing its token as a well-behaved job does.</summary>
    private JobState Slow(JobKind kind) => Registry.Enqueue(kind, 1, A, "遅い取込", "user:a", null, async (_, _, ct) => await Task.Delay(Timeout.Infinite, ct));

    private async Task<HttpClient> EditorOfBAsync()
    {
        var password = await app.CreateUserAsync("editor@fujieda.example.jp", B, TenantRole.Editor);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await AppFactory.PostFormAsync(client, "/account/login", new() { ["Input.Email"] = "editor@fujieda.example.jp", ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>Uploads a 3-line CSV through B's import page; returns the job's id.</summary>
    private static async Task<Guid> UploadSmallCsvAsync(HttpClient client)
    {
        var page = await client.GetStringAsync($"/{B}/import");
        var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent("Facilities"), "Target" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(SmallCsv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "small.csv");
        var response = await client.PostAsync($"/{B}/import", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
    }

    private static async Task<JobApiStatus> PollAsync(HttpClient client, Guid id, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            var status = (await client.GetFromJsonAsync<JobApiStatus>($"/api/v1/{B}/jobs/{id}"))!;
            if (status.Finished || DateTime.UtcNow > until)
            {
                return status;
            }

            await Task.Delay(50);
        }
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan within, string what)
    {
        var until = DateTime.UtcNow + within;
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(until, what);
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task F1_a_slow_job_of_one_tenant_does_not_hold_another_tenants_small_import()
    {
        await StartAsync(("Jobs:Workers", "2"));
        var slow = Slow(JobKind.Import);
        var queuedBehind = Slow(JobKind.Import);
        await UntilAsync(() => slow.Status == JobStatus.Running, TimeSpan.FromSeconds(10), "the slow job starts");
        var client = await EditorOfBAsync();

        var small = await PollAsync(client, await UploadSmallCsvAsync(client), TimeSpan.FromSeconds(30));

        (small.Status, small.Message).ShouldBe(("Succeeded", "問題はありません。内容を確認して取込を確定してください。"));
        slow.Status.ShouldBe(JobStatus.Running, "A's slow job is still running: B did not wait for it");
        queuedBehind.Status.ShouldBe(JobStatus.Queued, "A's next job waits for A's first: one tenant holds one worker");
        // A's job is A's: B's users do not see it.
        (await client.GetAsync($"/api/v1/{B}/jobs/{slow.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Cancelling frees the worker for A's next job.
        await slow.Cancellation.CancelAsync();
        await UntilAsync(() => slow.Status == JobStatus.Cancelled && queuedBehind.Status == JobStatus.Running, TimeSpan.FromSeconds(10), "A's next job starts");
        slow.Message.ShouldBe("取り消しました。何も書き込まれていません。");
        await queuedBehind.Cancellation.CancelAsync();

        logs.Lines.ShouldContain(l => l.Contains($"of tenant {B} started", StringComparison.Ordinal));
        logs.Lines.ShouldContain(l => l.Contains($"of tenant {B} succeeded", StringComparison.Ordinal));
        logs.Lines.ShouldContain(l => l.Contains($"of tenant {A} cancelled by its page", StringComparison.Ordinal));
    }

    [Fact]
    public async Task F1_a_job_past_its_time_limit_is_stopped_with_a_japanese_message_and_its_worker_goes_on()
    {
        await StartAsync(("Jobs:Workers", "1"), ("Jobs:Import:TimeLimitSeconds", "1"), ("Jobs:CancelGraceSeconds", "1"));
        var release = new ManualResetEventSlim();
        // A job that never looks at its token (like a reader stuck in a hostile file): it is given up on, not waited for.
        var stuck = Registry.Enqueue(JobKind.Import, 1, A, "止まらない取込", "user:a", null, (_, _, _) =>
        {
            release.Wait(TimeSpan.FromSeconds(60), CancellationToken.None);
            return Task.CompletedTask;
        });
        var next = Registry.Enqueue(JobKind.Import, 1, B, "次の取込", "user:b", null, (state, _, _) =>
        {
            state.Message = "終わりました";
            return Task.CompletedTask;
        });

        await UntilAsync(() => next.Status == JobStatus.Succeeded, TimeSpan.FromSeconds(20), "the next job runs on the only worker");

        (stuck.Status, stuck.Message).ShouldBe((JobStatus.Failed,
            "台帳の取込が制限時間（1秒）を超えたため中止しました。何も書き込まれていません。分けて行うか、管理者に制限時間（Jobs:Import:TimeLimitSeconds）の引き上げを依頼してください。"));
        release.IsSet.ShouldBeFalse("the stuck job was still running when the next one ran");
        logs.Lines.ShouldContain(l => l.Contains($"of tenant {A} stopped at its time limit", StringComparison.Ordinal));
        logs.Lines.ShouldContain(l => l.Contains($"of tenant {A} did not stop within", StringComparison.Ordinal));
        release.Set();
        await UntilAsync(() => logs.Lines.Any(l => l.Contains("after it was given up on", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the stuck job's end is logged");
    }

    [Fact]
    public async Task F1_an_upload_over_the_import_size_limit_is_refused_with_the_limit_and_logged()
    {
        await StartAsync(("Jobs:Import:MaxSize", "40"));
        var client = await EditorOfBAsync();

        var refused = await PollAsync(client, await UploadSmallCsvAsync(client), TimeSpan.FromSeconds(5));

        var size = Encoding.UTF8.GetByteCount(SmallCsv);
        (refused.Status, refused.Finished).ShouldBe(("Failed", true));
        refused.Message.ShouldBe($"台帳の取込の大きさ（{size} バイト）が上限（40 バイト）を超えているため、受け付けませんでした。"
            + "分けて行うか、管理者に上限（Jobs:Import:MaxSize）の引き上げを依頼してください。");
        logs.Lines.ShouldContain(l => l.Contains($"of tenant {B} refused: size {size} over 40", StringComparison.Ordinal));
    }

    private sealed record JobApiStatus(string Status, double? Fraction, long Rows, string? Message, bool Finished);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>Every log line of the host, as text.</summary>
    private sealed class Logs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> lines = new();

        public IReadOnlyList<string> Lines => [.. lines];

        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
