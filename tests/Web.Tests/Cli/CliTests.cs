using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using InfraLedger.Core.Database;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Cli;

public sealed partial class CliTests : IAsyncLifetime
{
    private CliRunner cli = null!;

    public async Task InitializeAsync() => cli = await CliRunner.CreateAsync();

    public async Task DisposeAsync() => await cli.DisposeAsync();

    /// <summary>Starts the test over in a directory holding the seeded demo (a copy: the seed itself is tested in CliTests).</summary>
    private async Task UseSeededDemoAsync()
    {
        await cli.DisposeAsync();
        cli = await CliRunner.CreateSeededAsync();
    }

    [Fact]
    public async Task help_is_in_japanese_and_english()
    {
        var help = await cli.RunAsync("--help");

        help.ExitCode.ShouldBe(0);
        help.Out.ShouldContain("データベースの管理 / Database administration");
        help.Out.ShouldContain("serve");
        (await cli.RunAsync("audit", "verify", "--help")).Out.ShouldContain("最初の改ざん箇所を報告する / Verify the audit hash chain");
    }

    [Fact]
    public async Task migrate_is_idempotent_and_seed_prints_the_demo_password_once()
    {
        var scripts = Migrator.Scripts(TestDatabase.Provider).Count;
        (await cli.RunAsync("db", "migrate")).Out.ShouldContain($"{scripts} 件適用、0 件は適用済み");
        (await cli.RunAsync("db", "migrate")).Out.ShouldContain($"0 件適用、{scripts} 件は適用済み");
        if (TestDatabase.Provider == DatabaseProvider.Sqlite)
        {
            File.Exists(Path.Combine(cli.Directory, "infraledger.db")).ShouldBeTrue();
        }

        var first = await cli.RunAsync("db", "seed");
        var second = await cli.RunAsync("db", "seed");

        first.ExitCode.ShouldBe(0, first.Error);
        first.Out.ShouldContain("団体マスタ: 追加 1963");
        first.Out.ShouldContain("yaizu-admin@example.jp");
        Password().IsMatch(first.Out).ShouldBeTrue();
        second.Out.ShouldContain("団体マスタは最新です");
        second.Out.ShouldNotContain("yaizu-admin@example.jp");
    }

    [Fact]
    public async Task tenants_list_prints_one_body_per_line_and_refuses_a_wrong_code()
    {
        await UseSeededDemoAsync();

        var all = await cli.RunAsync("tenants", "list");
        var yaizu = await cli.RunAsync("tenants", "list", "--code", "222127");
        var wrong = await cli.RunAsync("tenants", "list", "--code", "222128");

        all.Out.Trim().Split('\n').Length.ShouldBe(1788);
        yaizu.Out.Trim().ShouldBe("222127\t静岡県\t焼津市\t市");
        wrong.ExitCode.ShouldBe(2);
        wrong.Error.ShouldContain("22212 の検査数字は 7 です");
    }

    [Fact]
    public async Task users_and_tokens_are_created_for_a_tenant()
    {
        await UseSeededDemoAsync();

        var user = await cli.RunAsync("users", "add", "--email", "kanri@yaizu.example.jp", "--name", "管理 太郎", "--tenant", "222127", "--role", "Editor");
        var token = await cli.RunAsync("tokens", "create", "--tenant", "222127", "--role", "Viewer", "--name", "連携テスト");
        var wrongTenant = await cli.RunAsync("tokens", "create", "--tenant", "011011", "--name", "区");

        user.ExitCode.ShouldBe(0, user.Error);
        user.Out.ShouldContain("焼津市（222127）の編集者にしました");
        Password().IsMatch(user.Out).ShouldBeTrue();
        token.Out.ShouldContain("il_222127_");
        wrongTenant.ExitCode.ShouldBe(2);
        wrongTenant.Error.ShouldContain("行政区");
    }

    [Fact]
    public async Task audit_verify_reports_the_first_tampered_event()
    {
        await UseSeededDemoAsync();
        await cli.RunAsync("tokens", "create", "--tenant", "222127", "--name", "一つ目");
        await cli.RunAsync("tokens", "create", "--tenant", "222127", "--name", "二つ目");

        var intact = await cli.RunAsync("audit", "verify", "--tenant", "222127");
        intact.ExitCode.ShouldBe(0, intact.Error);
        intact.Out.ShouldMatch(@"監査イベント \d+ 件のチェーンは完全です");

        await TamperAsync("UPDATE audit_events SET actor = 'cli:mallory' WHERE tenant_id = '222127' AND sequence = 2");
        var tampered = await cli.RunAsync("audit", "verify", "--tenant", "222127");

        tampered.ExitCode.ShouldBe(1);
        tampered.Out.ShouldContain("連番 / sequence 2");
        tampered.Out.ShouldContain("改ざん");
    }

    [Fact]
    public async Task the_web_app_started_in_the_same_directory_uses_the_same_database()
    {
        await UseSeededDemoAsync();
        var user = await cli.RunAsync("users", "add", "--email", "web@yaizu.example.jp", "--tenant", "222127");
        var password = Password().Match(user.Out).Groups[1].Value;
        var port = FreePort();
        using var server = cli.Start("serve", "--urls", $"http://127.0.0.1:{port}");
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilListeningAsync(server);

            var login = await http.GetStringAsync("/account/login");
            var token = WebUtility.HtmlDecode(Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
            var signIn = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "web@yaizu.example.jp", ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
            }));

            signIn.Headers.Location!.ToString().ShouldBe("/222127");
            (await http.GetStringAsync("/222127")).ShouldContain("web@yaizu.example.jp");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task killing_the_process_during_a_large_import_leaves_none_of_its_rows()
    {
        await UseSeededDemoAsync();
        var file = Path.Combine(cli.Directory, "roads.csv");
        await using (var writer = new StreamWriter(file))
        {
            await writer.WriteLineAsync("施設コード,施設名,延長（m）,建築年");
            for (var i = 0; i < 60_000; i++)
            {
                await writer.WriteLineAsync($"KILL-{i},市道{i}号線,{100 + (i % 900)},{1960 + (i % 60)}");
            }
        }

        await using var before = Settings().CreateContext(Scope("222127"));
        var facilities = await before.Facilities.CountAsync();
        var events = await before.AuditEvents.CountAsync();
        using var import = cli.Start("import", "--tenant", "222127", "--kind", "Road", file);
        var progress = new System.Text.StringBuilder();
        var twoBatches = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Run(async () =>
        {
            var buffer = new char[256];
            int n;
            while ((n = await import.StandardError.ReadAsync(buffer)) > 0)
            {
                lock (progress)
                {
                    progress.Append(buffer, 0, n);
                    if (progress.ToString().Contains("6,000 行", StringComparison.Ordinal))
                    {
                        twoBatches.TrySetResult();
                    }
                }
            }
        });

        // Wait until at least two batches were written inside the import's transaction (or the import ended), then kill it.
        await Task.WhenAny(twoBatches.Task, reading).WaitAsync(TimeSpan.FromSeconds(90));
        Contains(progress, "6,000 行").ShouldBeTrue($"no progress seen: {progress}");
        import.Kill(entireProcessTree: true);
        await import.WaitForExitAsync();
        await reading;

        await using var after = Settings().CreateContext(Scope("222127"));
        (await after.Facilities.CountAsync()).ShouldBe(facilities);
        (await after.Facilities.AnyAsync(f => f.Code.StartsWith("KILL-"))).ShouldBeFalse();
        (await after.AuditEvents.CountAsync()).ShouldBe(events);
    }

    private static bool Contains(System.Text.StringBuilder text, string value)
    {
        lock (text)
        {
            return text.ToString().Contains(value, StringComparison.Ordinal);
        }
    }

    private static Core.Tenancy.TenantScope Scope(string tenant)
    {
        var scope = new Core.Tenancy.TenantScope();
        scope.Enter(Core.Tenancy.LocalGovernmentCode.Parse(tenant).Value);
        return scope;
    }

    /// <summary>The database the CLI of this test uses.</summary>
    private DatabaseSettings Settings() => TestDatabase.Provider == DatabaseProvider.Sqlite
        ? new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(cli.Directory, "infraledger.db")};Pooling=False")
        : new DatabaseSettings(DatabaseProvider.Postgres, cli.StartInfo([]).Environment["ConnectionStrings__InfraLedger"]!);

    private async Task TamperAsync(string sql)
    {
        await using var db = Settings().CreateContext();
        (await db.Database.ExecuteSqlRawAsync(sql)).ShouldBe(1);
    }

    /// <summary>Reads the server's log until Kestrel says it listens (first start migrates, which takes long on a busy machine).</summary>
    private static async Task WaitUntilListeningAsync(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("Now listening on", StringComparison.Ordinal))
            {
                // Keep draining the log, so that the server never blocks on a full pipe.
                _ = server.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"infraledger serve stopped before listening: {await server.StandardError.ReadToEndAsync(timeout.Token)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"(?:パスワード|password)[^:\n]*:\s+([A-Za-z0-9]{20})")]
    private static partial Regex Password();
}
