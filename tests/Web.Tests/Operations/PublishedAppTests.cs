using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using InfraLedger.Tests;

namespace InfraLedger.Web.Tests.Operations;

/// <summary>
/// Issue 23 item 4: the container cannot be built here, so this runs what its build stage runs (<c>scripts/publish</c>,
/// once per test run) and starts the published app as the image does (Production, no demo), on this round's database
/// named only in a settings file beside the binaries; the published CLI reads the same file.
/// </summary>
public sealed partial class PublishedAppTests
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task the_published_app_serves_on_the_database_of_its_settings_and_the_published_cli_reads_them_too()
    {
        var app = await Published.Value;
        await using var database = await TestDatabase.CreateEmptyAsync();
        var work = Directory.CreateTempSubdirectory("infraledger-published-");
        var environment = $"Published{Guid.NewGuid():N}";
        var settingsFile = Path.Combine(app, $"appsettings.{environment}.json");
        var postgres = database.Settings.Provider == DatabaseProvider.Postgres;
        await File.WriteAllTextAsync(settingsFile, JsonSerializer.Serialize(new
        {
            Database = new { Provider = postgres ? "postgres" : "sqlite" },
            // SQLite: a relative file, in the working directory of whichever host runs.
            ConnectionStrings = new { InfraLedger = postgres ? database.Settings.ConnectionString : "Data Source=published.db" },
        }));
        var port = FreePort();
        using var server = Process.Start(Start(app, work.FullName, environment, "serve", "--urls", $"http://127.0.0.1:{port}"))!;
        var lines = new ConcurrentQueue<string>();
        try
        {
            await WaitUntilListeningAsync(server, lines);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            var ready = await http.GetAsync("/health/ready");
            ready.StatusCode.ShouldBe(HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
            (await http.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var home = await http.GetStringAsync("/");
            home.ShouldContain("インフラ台帳");
            foreach (var sheet in Stylesheet().Matches(home).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)))
            {
                (await http.GetAsync(sheet)).StatusCode.ShouldBe(HttpStatusCode.OK, sheet);
            }

            (await http.GetAsync("/222127/report")).StatusCode.ShouldBe(HttpStatusCode.OK);
            if (!postgres)
            {
                File.Exists(Path.Combine(work.FullName, "published.db")).ShouldBeTrue();
            }

            // The published CLI, started like the app, reaches the same database: the master the app loaded on start.
            using var cli = Process.Start(Start(app, work.FullName, environment, "tenants", "list", "--code", DemoData.TenantCode))!;
            var listed = await cli.StandardOutput.ReadToEndAsync();
            await cli.WaitForExitAsync();
            cli.ExitCode.ShouldBe(0, listed + await cli.StandardError.ReadToEndAsync());
            listed.ShouldContain("焼津市");

            // Production logs: one JSON object a line; the request line carries its tenant and request id; no demo.
            var request = await WaitForLineAsync(lines, "GET /{lgcode}/report 200"); // the route, not the path (RequestRoute)
            using var json = JsonDocument.Parse(request);
            json.RootElement.GetProperty("Category").GetString().ShouldBe("InfraLedger.Requests");
            var scopes = json.RootElement.GetProperty("Scopes").EnumerateArray().ToList();
            scopes.Any(s => s.TryGetProperty("Tenant", out var t) && t.GetString() == DemoData.TenantCode).ShouldBeTrue(request);
            scopes.Any(s => s.TryGetProperty("RequestId", out var r) && !string.IsNullOrEmpty(r.GetString())).ShouldBeTrue(request);
            foreach (var line in lines)
            {
                Should.NotThrow(() => JsonDocument.Parse(line).Dispose(), line);
                line.ShouldNotContain(DemoData.AdminEmail);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            File.Delete(settingsFile);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void the_dockerfile_publishes_with_the_same_script_and_runs_unprivileged_with_icu_and_a_japanese_font()
    {
        var root = Architecture.ArchitectureTests.RepositoryRoot();
        var dockerfile = File.ReadAllText(Path.Combine(root, "Dockerfile"));
        var compose = File.ReadAllText(Path.Combine(root, "compose.yaml"));

        dockerfile.ShouldContain("RUN bash scripts/publish /app");
        Regex.Count(dockerfile, @"^FROM ", RegexOptions.Multiline).ShouldBe(2);
        dockerfile.ShouldContain("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false");
        dockerfile.ShouldContain("libicu");
        dockerfile.ShouldContain("fonts-noto-cjk");
        Regex.Match(dockerfile, @"^USER (\S+)", RegexOptions.Multiline).Groups[1].Value.ShouldBe("app");
        compose.ShouldContain("image: postgres:15");
        compose.ShouldContain("Database__Provider: postgres");
        compose.ShouldContain("/health/ready");
    }

    private static async Task<string> PublishAsync()
    {
        var root = Architecture.ArchitectureTests.RepositoryRoot();
        var output = Path.Combine(Path.GetTempPath(), $"infraledger-publish-{Guid.NewGuid():N}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(output, recursive: true);
        var info = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(root, "scripts", "publish"), output, "--no-build" })
        {
            info.ArgumentList.Add(a);
        }

        using var publish = Process.Start(info)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await publish.WaitForExitAsync(timeout.Token);
        publish.ExitCode.ShouldBe(0, await stdout + await stderr);
        File.Exists(Path.Combine(output, "infraledger.dll")).ShouldBeTrue();
        // ICU in use: the published app is not culture-invariant.
        File.ReadAllText(Path.Combine(output, "infraledger.runtimeconfig.json")).ShouldNotContain("\"System.Globalization.Invariant\": true");
        return output;
    }

    /// <summary>The published app as the image starts it: its own environment only, the database from the settings file.</summary>
    private static ProcessStartInfo Start(string app, string work, string environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(app, "infraledger.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Database__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
                     || k.StartsWith("Demo__", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "false";
        return info;
    }

    private static async Task WaitUntilListeningAsync(Process server, ConcurrentQueue<string> lines)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Enqueue(line);
            if (line.Contains("Now listening on", StringComparison.Ordinal))
            {
                // Keep reading the log, so that the server never blocks on a full pipe.
                _ = Task.Run(async () =>
                {
                    while (await server.StandardOutput.ReadLineAsync(CancellationToken.None) is { } more)
                    {
                        lines.Enqueue(more);
                    }
                });
                return;
            }
        }

        throw new InvalidOperationException($"the published app stopped before listening: {await server.StandardError.ReadToEndAsync(timeout.Token)}");
    }

    /// <summary>The line containing <paramref name="text"/>, once the console has written it (it writes on its own thread).</summary>
    private static async Task<string> WaitForLineAsync(ConcurrentQueue<string> lines, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();
}
