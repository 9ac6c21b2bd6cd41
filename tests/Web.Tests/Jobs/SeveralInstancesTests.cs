using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Jobs;
using InfraLedger.Web.Jobs;
using InfraLedger.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfraLedger.Web.Tests.Jobs;

/// <summary>
/// Issue 23 item 3 (ADR 0033): two web hosts on one database, as two instances behind a load balancer without sticky
/// sessions. A cookie and an antiforgery token issued by one are accepted by the other (data-protection keys in the
/// database); a job started on one is shown, with its progress, and cancelled on the other, and the first stops it; a job
/// whose instance died (its lease ran out) is marked 中断 by a live one, while a live instance's job is left alone.
/// </summary>
public sealed partial class SeveralInstancesTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);
    private AppFactory app = null!;
    private WebApplicationFactory<Program> first = null!;
    private WebApplicationFactory<Program> second = null!;

    public async Task InitializeAsync()
    {
        app = await AppFactory.CreateAsync();
        // Short beats keep the test fast; the lease stays long enough that no live job is ever taken for dead.
        app.Settings["Jobs:HeartbeatSeconds"] = "0.1";
        app.Settings["Jobs:LeaseSeconds"] = "10";
        first = Instance();
        second = Instance();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    /// <summary>A host with the production key ring (in the database), instead of the test hosts' ephemeral keys.</summary>
    private WebApplicationFactory<Program> Instance() => app.WithWebHostBuilder(b => b.ConfigureServices(s =>
    {
        s.RemoveAll<IDataProtectionProvider>();
        s.AddDataProtection();
    }));

    private static HttpClient Client(WebApplicationFactory<Program> host, System.Net.CookieContainer jar) =>
        host.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));

    private static async Task<JobStatusView> StatusAsync(HttpClient client, string tenant, Guid id) =>
        (await client.GetFromJsonAsync<JobStatusView>($"/api/v1/{tenant}/jobs/{id}"))!;

    private static async Task<JobStatusView> UntilAsync(HttpClient client, string tenant, Guid id, Func<JobStatusView, bool> condition, string what)
    {
        var until = DateTime.UtcNow + Within;
        while (true)
        {
            var status = await StatusAsync(client, tenant, id);
            if (condition(status))
            {
                return status;
            }

            DateTime.UtcNow.ShouldBeLessThan(until, $"{what}; last seen: {status}");
            await Task.Delay(20);
        }
    }

    /// <summary>Signs in on <paramref name="host"/>; the cookies land in <paramref name="jar"/>, which the other host's client shares.</summary>
    private async Task SignInAsync(WebApplicationFactory<Program> host, System.Net.CookieContainer jar, string email, string tenant, TenantRole role)
    {
        var password = await app.CreateUserAsync(email, tenant, role);
        var response = await AppFactory.PostFormAsync(Client(host, jar), "/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task a_job_started_on_one_instance_is_shown_and_cancelled_on_the_other_and_the_first_stops_it()
    {
        var jar = new System.Net.CookieContainer();
        await SignInAsync(first, jar, "editor@yaizu.example.jp", Yaizu, TenantRole.Editor);
        var onFirst = Client(first, jar);
        var onSecond = Client(second, jar);

        // The cookie the first instance issued is accepted by the second.
        var home = await onSecond.GetAsync($"/{Yaizu}/import");
        home.StatusCode.ShouldBe(HttpStatusCode.OK, "signed in on the first instance, the second knows the cookie");

        // A job on the first instance that reports progress, then waits until it is cancelled, as a well-behaved job does.
        var stopped = new TaskCompletionSource();
        var job = first.Services.GetRequiredService<JobRegistry>().Enqueue(JobKind.Import, 1, Yaizu, "取込: 大きな台帳.csv", "user:editor", null, async (state, _, ct) =>
        {
            state.Rows = 42;
            state.Fraction = 0.5;
            using var registration = ct.Register(() => stopped.TrySetResult());
            await Task.Delay(Timeout.Infinite, ct);
        });

        // Shown on the second, with its progress.
        var seen = await UntilAsync(onSecond, Yaizu, job.Id, s => s.Rows == 42, "the second instance shows the first's progress");
        (seen.Status, seen.Fraction, seen.Finished).ShouldBe(("Running", 0.5, false));
        var page = await onSecond.GetStringAsync($"/{Yaizu}/import/{job.Id}");
        page.ShouldContain("取込: 大きな台帳.csv");
        page.ShouldContain("id=\"job-progress\"");

        // Cancelled on the second, with the antiforgery token of the first's page (the same keys again).
        var token = WebUtility.HtmlDecode(Token().Match(await onFirst.GetStringAsync($"/{Yaizu}/import/{job.Id}")).Groups[1].Value);
        var cancel = await onSecond.PostAsync($"/{Yaizu}/import/{job.Id}?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        cancel.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The first stops it, and both show it stopped.
        await stopped.Task.WaitAsync(Within);
        var ended = await UntilAsync(onSecond, Yaizu, job.Id, s => s.Finished, "the second instance shows the job stopped");
        (ended.Status, ended.Message).ShouldBe(("Cancelled", "取り消しました。何も書き込まれていません。"));
        (await StatusAsync(onFirst, Yaizu, job.Id)).Status.ShouldBe("Cancelled");
        job.Status.ShouldBe(JobStatus.Cancelled);
    }

    [Fact]
    public async Task another_tenant_neither_sees_nor_cancels_a_job_on_another_instance()
    {
        var jar = new System.Net.CookieContainer();
        await SignInAsync(second, jar, "editor@fujieda.example.jp", Fujieda, TenantRole.Editor);
        var fujieda = Client(second, jar);
        var job = first.Services.GetRequiredService<JobRegistry>().Enqueue(JobKind.Import, 1, Yaizu, "取込: 焼津.csv", "user:yaizu", null, async (state, _, ct) =>
        {
            state.Rows = 7;
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var yaizuReader = await EditorOfYaizuAsync();
        await UntilAsync(yaizuReader, Yaizu, job.Id, s => s.Rows == 7, "the job is in the jobs table");

        (await fujieda.GetAsync($"/api/v1/{Fujieda}/jobs/{job.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fujieda.GetAsync($"/{Fujieda}/import/{job.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = WebUtility.HtmlDecode(Token().Match(await fujieda.GetStringAsync($"/{Fujieda}/import")).Groups[1].Value);
        var cancel = await fujieda.PostAsync($"/{Fujieda}/import/{job.Id}?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        cancel.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Yaizu's own route, with Fujieda's membership: refused before the job is looked at.
        (await fujieda.GetAsync($"/api/v1/{Yaizu}/jobs/{job.Id}")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);

        await using (var db = app.Database.Context())
        {
            (await JobLedger.FindAsync(db, Yaizu, job.Id, CancellationToken.None))!.CancelRequested.ShouldBeFalse();
        }

        job.Status.ShouldBe(JobStatus.Running);
        await job.Cancellation.CancelAsync();
    }

    [Fact]
    public async Task a_job_whose_instance_died_is_marked_interrupted_and_a_live_instances_job_is_not()
    {
        using var reader = await EditorOfYaizuAsync();
        var live = first.Services.GetRequiredService<JobRegistry>().Enqueue(JobKind.Import, 1, Yaizu, "取込: 生きている.csv", "user:a", null, async (state, _, ct) =>
        {
            state.Rows = 1;
            await Task.Delay(Timeout.Infinite, ct);
        });
        await UntilAsync(reader, Yaizu, live.Id, s => s.Rows == 1, "the live job is running");

        // An instance that stopped mid-job without a word: its row still says Running, its lease ran out a minute ago.
        var dead = Guid.NewGuid();
        await using (var db = app.Database.Context())
        {
            JobLedger.Add(db, new JobRecord
            {
                TenantId = Yaizu, Id = dead, Kind = "Import", Title = "取込: 止まったサーバー.csv", Actor = "user:a", Status = JobStatus.Running,
                Rows = 500, QueuedAtUtc = DateTime.UtcNow.AddMinutes(-5), StartedAtUtc = DateTime.UtcNow.AddMinutes(-5), Owner = "gone/1/0",
                LeaseExpiresAtUtc = DateTime.UtcNow.AddMinutes(-1),
            });
        }

        var marked = await UntilAsync(reader, Yaizu, dead, s => s.Finished, "a live instance marks the dead instance's job");
        (marked.Status, marked.Message).ShouldBe(("Interrupted", JobLedger.InterruptedMessage));
        var page = await reader.GetStringAsync($"/{Yaizu}/import/{dead}");
        page.ShouldContain("中断しました");
        page.ShouldContain("もう一度アップロードする");

        // The sweep that caught the dead job left the live one alone: its lease is renewed.
        (await StatusAsync(reader, Yaizu, live.Id)).Status.ShouldBe("Running");
        live.Status.ShouldBe(JobStatus.Running);
        await live.Cancellation.CancelAsync();
    }

    [Fact]
    public async Task the_jobs_an_instance_leaves_unfinished_at_shutdown_are_interrupted_at_once()
    {
        using var reader = await EditorOfYaizuAsync();
        var leaving = Instance();
        var registry = leaving.Services.GetRequiredService<JobRegistry>();
        var running = registry.Enqueue(JobKind.Import, 1, Yaizu, "取込: 停止中.csv", "user:a", null, async (_, _, ct) => await Task.Delay(Timeout.Infinite, ct));
        var waiting = registry.Enqueue(JobKind.Import, 1, Yaizu, "取込: 待機中.csv", "user:a", null, (_, _, _) => Task.CompletedTask);
        await UntilAsync(reader, Yaizu, running.Id, s => s.Status == "Running", "the job runs");

        await leaving.DisposeAsync();

        foreach (var id in new[] { running.Id, waiting.Id })
        {
            var status = await StatusAsync(reader, Yaizu, id);
            (status.Status, status.Finished).ShouldBe(("Interrupted", true), "marked on shutdown, not a lease later");
        }
    }

    [Fact]
    public async Task a_finished_plan_job_opens_its_plan_on_the_other_instance()
    {
        var job = first.Services.GetRequiredService<JobRegistry>().Enqueue(JobKind.Plan, 1, Yaizu, "個別施設計画の計算", "user:a", null, (state, _, _) =>
        {
            // What PlanJobs' work leaves: the kept plan's id, in memory and in the row.
            state.Result = 5;
            state.ResultRef = "5";
            state.Status = JobStatus.Succeeded;
            return Task.CompletedTask;
        });
        var elsewhere = second.Services.GetRequiredService<JobRegistry>();
        var until = DateTime.UtcNow + Within;
        JobState? seen;
        while ((seen = await elsewhere.FindAsync(Yaizu, job.Id, CancellationToken.None)) is not { IsFinished: true })
        {
            DateTime.UtcNow.ShouldBeLessThan(until, "the plan job ends");
            await Task.Delay(20);
        }

        seen.IsLocal.ShouldBeFalse();
        Pages.Planning.PlanJobs.Outcome(seen).Value.ShouldBe(5);
        (await elsewhere.FindAsync(Fujieda, job.Id, CancellationToken.None)).ShouldBeNull("another tenant's job is unknown");
    }

    [Fact]
    public async Task the_password_reset_mail_limit_holds_across_instances()
    {
        await app.CreateUserAsync("forgetful@yaizu.example.jp", Yaizu);

        var one = await AppFactory.PostFormAsync(Client(first, new System.Net.CookieContainer()), "/account/forgot", new() { ["email"] = "forgetful@yaizu.example.jp" });
        var two = await AppFactory.PostFormAsync(Client(second, new System.Net.CookieContainer()), "/account/forgot", new() { ["email"] = "forgetful@yaizu.example.jp" });

        (one.StatusCode, two.StatusCode).ShouldBe((HttpStatusCode.OK, HttpStatusCode.OK));
        (await app.MailsToAsync("forgetful@yaizu.example.jp")).Count.ShouldBe(1, "one mail a minute per account, whichever instance is asked (ADR 0033)");
    }

    private async Task<HttpClient> EditorOfYaizuAsync()
    {
        var jar = new System.Net.CookieContainer();
        await SignInAsync(second, jar, $"staff-{Guid.NewGuid():N}@yaizu.example.jp", Yaizu, TenantRole.Editor);
        return Client(second, jar);
    }

    private sealed record JobStatusView(string Status, double? Fraction, long Rows, string? Message, bool Finished);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
