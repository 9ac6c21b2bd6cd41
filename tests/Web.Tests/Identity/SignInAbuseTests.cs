using System.Net;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfraLedger.Web.Tests.Identity;

/// <summary>
/// Issue 17, F6 (ADR 0017): per-address throttling before the account lockout, an equal-cost path for unknown accounts,
/// a lockout that one client cannot cause and an admin can lift, and security events in the log. Clients are told
/// apart by X-Forwarded-For, as behind the reverse proxy of docs/operations.md.
/// </summary>
public sealed class SignInAbuseTests : IAsyncLifetime
{
    private const string Attacker = "203.0.113.66";
    private AppFactory app = null!;

    public async Task InitializeAsync()
    {
        app = await AppFactory.CreateAsync();
        app.Settings["ForwardedHeaders_Enabled"] = "true";
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task F6_forty_password_spray_attempts_from_one_address_end_in_429_with_a_japanese_page()
    {
        await app.CreateUserAsync("staff@yaizu.example.jp", "222127");
        var client = From(Attacker);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 40; i++)
        {
            // The finding's spray: one common password tried on many addresses (some real).
            last = await AppFactory.PostFormAsync(client, "/account/login",
                new() { ["Input.Email"] = i % 10 == 0 ? "staff@yaizu.example.jp" : $"user{i}@yaizu.example.jp", ["Input.Password"] = "Summer2024!!" });
            statuses.Add(last.StatusCode);
        }

        statuses.Take(30).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.Skip(30).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        var page = await last!.Content.ReadAsStringAsync();
        page.ShouldContain("<html lang=\"ja\">");
        page.ShouldContain("サインインを一時的に止めています");
        int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 900);
        // Another client is not affected.
        (await AppFactory.PostFormAsync(From("198.51.100.20"), "/account/login",
            new() { ["Input.Email"] = "user1@yaizu.example.jp", ["Input.Password"] = "x" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task F6_one_client_cannot_lock_an_account_and_its_owner_still_signs_in_from_elsewhere()
    {
        var password = await app.CreateUserAsync("staff@yaizu.example.jp", "222127");
        var attacker = From(Attacker);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await TryAsync(attacker, "staff@yaizu.example.jp", $"guess-number-{i}")).StatusCode);
        }

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(5);
        statuses.Skip(5).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        var owner = await TryAsync(From("198.51.100.20"), "staff@yaizu.example.jp", password);
        owner.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task F6_failures_from_several_addresses_lock_the_account_and_its_tenants_admin_unlocks_it()
    {
        var password = await app.CreateUserAsync("staff@yaizu.example.jp", "222127");
        var adminPassword = await app.CreateUserAsync("admin@yaizu.example.jp", "222127", TenantRole.Admin);
        for (var i = 0; i < IdentityPolicy.MaxFailedAttempts; i++)
        {
            (await TryAsync(From($"203.0.113.{i / 5}"), "staff@yaizu.example.jp", $"guess-number-{i}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var locked = await TryAsync(From("198.51.100.20"), "staff@yaizu.example.jp", password);
        (await locked.Content.ReadAsStringAsync()).ShouldContain("このアカウントは一時的にロックされています");
        var admin = await app.SignedInClientAsync("admin@yaizu.example.jp", adminPassword);
        var members = await admin.GetStringAsync("/222127/members");
        members.ShouldContain("staff@yaizu.example.jpのロックを解除する");
        var staffId = System.Text.RegularExpressions.Regex.Match(members, "name=\"userId\" value=\"([^\"]+)\">\\s*<button type=\"submit\" class=\"link-button\">staff@yaizu.example.jpのロックを解除する").Groups[1].Value;

        var unlocked = await AppFactory.PostFormAsync(admin, "/222127/members?handler=Unlock", new() { ["userId"] = staffId }, formPage: "/222127/members");

        unlocked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/222127/members")).ShouldNotContain("ロックを解除する");
        (await TryAsync(From("198.51.100.20"), "staff@yaizu.example.jp", password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task F6_an_unknown_address_costs_one_password_hash_verification_like_a_known_account()
    {
        await app.CreateUserAsync("staff@yaizu.example.jp", "222127");
        var hasher = new CountingHasher();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IPasswordHasher<AppUser>>(sp =>
            hasher.Over(new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())))));
        var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var counts = new List<int>();
        foreach (var email in new[] { "nobody@yaizu.example.jp", "staff@yaizu.example.jp", "NOBODY.ELSE@example.jp" })
        {
            var before = hasher.Verifications;
            (await TryAsync(client, email, "wrong-password-123")).StatusCode.ShouldBe(HttpStatusCode.OK);
            counts.Add(hasher.Verifications - before);
        }

        counts.ShouldBe([1, 1, 1]);
    }

    [Fact]
    public async Task F6_failures_lockouts_role_and_password_changes_and_token_creation_are_logged_with_the_tenant_and_the_address()
    {
        var password = await app.CreateUserAsync("staff@yaizu.example.jp", "222127");
        var adminPassword = await app.CreateUserAsync("admin@yaizu.example.jp", "222127", TenantRole.Admin);
        await TryAsync(From(Attacker), "staff@yaizu.example.jp", "wrong-password-123");
        await TryAsync(From(Attacker), "ghost@yaizu.example.jp", "wrong-password-123");
        for (var i = 0; i < IdentityPolicy.MaxFailedAttempts; i++)
        {
            await TryAsync(From($"192.0.2.{i / 5}"), "staff@yaizu.example.jp", "wrong-password-123");
        }

        var admin = From("198.51.100.7");
        (await TryAsync(admin, "admin@yaizu.example.jp", adminPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await AppFactory.PostFormAsync(admin, "/222127/members?handler=Set", new() { ["email"] = "staff@yaizu.example.jp", ["role"] = "Editor" }, formPage: "/222127/members");
        await AppFactory.PostFormAsync(admin, "/222127/tokens?handler=Create", new() { ["name"] = "連携", ["role"] = "Viewer" }, formPage: "/222127/tokens");
        await AppFactory.PostFormAsync(admin, "/account/password",
            new() { ["currentPassword"] = adminPassword, ["newPassword"] = "moss-lantern-orbit-quiet", ["confirmPassword"] = "moss-lantern-orbit-quiet" });

        var log = app.Logs.Of(SecurityLog.Category).ToList();
        log.ShouldContain(l => l.Contains("|Warning|security sign_in_failed tenant=222127 ", StringComparison.Ordinal) && l.Contains($"address={Attacker}", StringComparison.Ordinal)
            && l.Contains("account=known", StringComparison.Ordinal));
        log.ShouldContain(l => l.Contains("security sign_in_failed tenant=- user=- ", StringComparison.Ordinal) && l.Contains("email=ghost@yaizu.example.jp account=unknown", StringComparison.Ordinal));
        log.ShouldContain(l => l.Contains("|Warning|security account_locked tenant=222127 ", StringComparison.Ordinal) && l.Contains("address=192.0.2.1", StringComparison.Ordinal));
        log.ShouldContain(l => l.Contains("security sign_in_failed_and_locked tenant=222127 ", StringComparison.Ordinal));
        log.ShouldContain(l => l.Contains("security role_changed tenant=222127 ", StringComparison.Ordinal) && l.Contains("address=198.51.100.7", StringComparison.Ordinal)
            && l.Contains("role=Viewer->Editor", StringComparison.Ordinal));
        log.ShouldContain(l => l.Contains("security token_created tenant=222127 ", StringComparison.Ordinal) && l.Contains("address=198.51.100.7", StringComparison.Ordinal));
        log.ShouldContain(l => l.Contains("security password_changed tenant=222127 ", StringComparison.Ordinal) && l.Contains("address=198.51.100.7", StringComparison.Ordinal));
    }

    private HttpClient From(string address)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static Task<HttpResponseMessage> TryAsync(HttpClient client, string email, string password) =>
        AppFactory.PostFormAsync(client, "/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    private sealed class CountingHasher
    {
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public IPasswordHasher<AppUser> Over(IPasswordHasher<AppUser> inner) => new Counting(inner, this);

        private sealed class Counting(IPasswordHasher<AppUser> inner, CountingHasher counter) : IPasswordHasher<AppUser>
        {
            public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref counter.verifications);
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
