using System.Net;
using System.Text.RegularExpressions;
using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Tests;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfraLedger.Web.Tests.Support;

/// <summary>The web app over a fresh <see cref="TestDatabase"/> (no demo seed), with helpers to make users and sign in.</summary>
public sealed partial class AppFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    /// <summary>PBKDF2 iterations of the test hosts' password hashes (the hash format and algorithm are the production ones).</summary>
    public const int TestPasswordIterations = 1_000;

    public TestDatabase Database { get; } = database;

    /// <summary>Extra configuration, set before the first client is created (e.g. <c>Projection:JobThreshold</c>).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Every log line the host writes (e.g. the security events).</summary>
    public LogCapture Logs { get; } = new();

    public static async Task<AppFactory> CreateAsync() => new(await TestDatabase.CreateAsync());

    /// <summary>The app over a fresh database with the 主要財政指標 loaded (<see cref="TestDatabase.WithStatisticsAsync"/>).</summary>
    public static async Task<AppFactory> CreateWithStatisticsAsync() => new(await TestDatabase.WithStatisticsAsync());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Database.Settings.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres");
        builder.UseSetting("ConnectionStrings:InfraLedger", Database.Settings.ConnectionString);
        builder.UseSetting("Demo:Seed", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            // Each test host keeps its own keys in memory, instead of sharing the user profile's key ring with every
            // other host and CLI process of the run.
            services.AddDataProtection().UseEphemeralDataProtectionProvider();
            // The same PBKDF2 hashes, at a test work factor: the production 100,000 iterations cost about 0.2 s of CPU
            // per password created or checked, several hundred times a run. Core.Tests' PasswordHashingTests keep the
            // production factor in place.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations);
        });
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests look at them).</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates a user, optionally a member of <paramref name="tenant"/>; returns the password.</summary>
    public async Task<string> CreateUserAsync(string email, string? tenant = null, TenantRole role = TenantRole.Viewer, PlatformRole? grant = null, string? prefecture = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var created = await UserAccounts.CreateAsync(users, email, email.Split('@')[0], password: null);
        created.IsSuccess.ShouldBeTrue(created.Error?.Message);
        await using var db = Database.Context(tenant, actor: "test-setup");
        if (tenant is not null)
        {
            (await UserAccounts.AddMemberAsync(db, email, role, CancellationToken.None)).IsSuccess.ShouldBeTrue();
        }

        if (grant is { } g)
        {
            (await UserAccounts.GrantAsync(db, created.Value.User.Id, g, prefecture, CancellationToken.None)).IsSuccess.ShouldBeTrue();
        }

        return created.Value.GeneratedPassword!;
    }

    /// <summary>An API token of <paramref name="tenant"/> with <paramref name="role"/>.</summary>
    public async Task<string> CreateTokenAsync(string tenant, TenantRole role)
    {
        await using var db = Database.Context(tenant, actor: "test-setup");
        var issued = await ApiTokens.CreateAsync(db, "test", role, DateTime.UtcNow, CancellationToken.None);
        return issued.Value.PlainText;
    }

    /// <summary>A client signed in through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password)
    {
        var client = Client();
        var response = await PostFormAsync(client, "/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>GETs the form page for its antiforgery token, then POSTs the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? path);
        var token = AntiforgeryToken().Match(page);
        token.Success.ShouldBeTrue($"no antiforgery token on {formPage ?? path}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
