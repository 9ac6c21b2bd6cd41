using System.Net;
using System.Text.RegularExpressions;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Security;
using InfraLedger.Web.Tests.Register;
using InfraLedger.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InfraLedger.Web.Tests.Security;

/// <summary>Issue 17, F8 (ADR 0019): the security headers on every kind of response, and secure cookies and HSTS over https.</summary>
public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    private AppFactory app = null!;

    public async Task InitializeAsync() => app = await AppFactory.CreateAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task F8_every_kind_of_response_carries_the_security_headers_and_signed_in_ones_are_never_stored()
    {
        var password = await app.CreateUserAsync("staff@yaizu.example.jp", "222127", TenantRole.Admin);
        await using (var db = app.Database.Context("222127", actor: "test-setup"))
        {
            await RegisterSeed.SaveAsync(db, RegisterSeed.Facility("222127", "L-001", "焼津図書館", 34.86466037, 138.3057186));
        }

        var key = await app.CreateTokenAsync("222127", TenantRole.Viewer);
        var staff = await app.SignedInClientAsync("staff@yaizu.example.jp", password);
        var anonymous = app.Client();
        (string Kind, HttpClient Client, string Path, HttpStatusCode Status, string Type, bool SignedIn)[] samples =
        [
            ("page", staff, "/222127/facilities", HttpStatusCode.OK, "text/html", true),
            ("JSON", staff, "/api/v1/222127/members", HttpStatusCode.OK, "application/json", true),
            ("CSV", staff, "/222127/facilities/export?format=csv", HttpStatusCode.OK, "text/csv", true),
            ("XLSX", staff, "/222127/facilities/export?format=xlsx", HttpStatusCode.OK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", true),
            ("GeoJSON", staff, "/api/v1/222127/facilities.geojson", HttpStatusCode.OK, "application/geo+json", true),
            ("error page", staff, "/222127/facilities/NO-SUCH", HttpStatusCode.NotFound, "text/html", true),
            ("API error", staff, "/api/v1/222143/members", HttpStatusCode.NotFound, "", true),
            ("Open311 with a key", anonymous, $"/open311/v2/requests.json?jurisdiction_id=222127&api_key={key}", HttpStatusCode.OK, "application/json", true),
            ("public page", anonymous, "/dashboard", HttpStatusCode.OK, "text/html", false),
            ("image", anonymous, "/lib/leaflet/images/marker-icon.png", HttpStatusCode.OK, "image/png", false),
            ("script", anonymous, "/js/dashboard.js", HttpStatusCode.OK, "text/javascript", false),
            ("public JSON", anonymous, "/api/3/action/status_show", HttpStatusCode.OK, "application/json", false),
            ("anonymous error", anonymous, "/error/999", HttpStatusCode.NotFound, "text/html", false),
            ("sign-in redirect", anonymous, "/222127", HttpStatusCode.Redirect, "", false),
        ];

        foreach (var (kind, client, path, status, type, signedIn) in samples)
        {
            var response = await client.GetAsync(path);
            var because = $"{kind}: GET {path}";
            response.StatusCode.ShouldBe(status, because);
            (response.Content.Headers.ContentType?.MediaType ?? "").ShouldStartWith(type, Case.Insensitive, because);
            Header(response, "Content-Security-Policy").ShouldBe(SecurityHeaders.ContentSecurityPolicy, because);
            Header(response, "X-Frame-Options").ShouldBe("DENY", because);
            Header(response, "X-Content-Type-Options").ShouldBe("nosniff", because);
            Header(response, "Referrer-Policy").ShouldBe("no-referrer", because);
            if (signedIn)
            {
                Header(response, "Cache-Control").ShouldBe("no-store", because);
            }
        }
    }

    [Fact]
    public void F8_the_policy_allows_no_inline_script_or_style_and_forbids_framing()
    {
        var policy = SecurityHeaders.ContentSecurityPolicy;

        policy.ShouldContain("script-src 'self';");
        policy.ShouldContain("style-src 'self';");
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldContain("object-src 'none'");
        policy.ShouldNotContain("unsafe");
        policy.ShouldNotContain("http");
    }

    /// <summary>The policy would block these anyway; this names the file and line when someone adds one.</summary>
    [Fact]
    public void F8_no_page_has_an_inline_script_an_event_handler_or_a_style_attribute_and_no_script_writes_one()
    {
        var web = Path.Combine(Architecture.ArchitectureTests.RepositoryRoot(), "src", "Web");
        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(web, "Pages"), "*.cshtml", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (InlineScript().IsMatch(lines[i]) || EventHandler().IsMatch(lines[i]) || StyleAttribute().IsMatch(lines[i]) || lines[i].Contains("<style", StringComparison.Ordinal))
                {
                    offences.Add($"{Path.GetRelativePath(web, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(web, "wwwroot", "js"), "*.js"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (StyleAttribute().IsMatch(lines[i]) || lines[i].Contains("setAttribute('style'", StringComparison.Ordinal) || EventHandler().IsMatch(lines[i])
                    || lines[i].Contains("eval(", StringComparison.Ordinal) || lines[i].Contains("new Function(", StringComparison.Ordinal))
                {
                    offences.Add($"{Path.GetRelativePath(web, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        offences.ShouldBeEmpty(string.Join("\n", offences));
    }

    [Fact]
    public async Task F8_over_https_every_cookie_is_secure_and_hsts_is_sent()
    {
        var password = await app.CreateUserAsync("staff@yaizu.example.jp", "222127");
        var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://infraledger.example.jp"), AllowAutoRedirect = false });

        await AssertSecureAsync(https, "staff@yaizu.example.jp", password);
    }

    [Fact]
    public async Task F8_behind_a_proxy_that_says_https_every_cookie_is_secure_and_hsts_is_sent()
    {
        app.Settings["ForwardedHeaders_Enabled"] = "true";
        var password = await app.CreateUserAsync("staff@yaizu.example.jp", "222127");
        var proxied = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://infraledger.example.jp"), AllowAutoRedirect = false });
        proxied.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var plain = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://infraledger.example.jp"), AllowAutoRedirect = false });

        await AssertSecureAsync(proxied, "staff@yaizu.example.jp", password);
        var overHttp = await plain.GetAsync("/account/login");
        overHttp.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        overHttp.Headers.GetValues("Set-Cookie").ShouldAllBe(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task AssertSecureAsync(HttpClient client, string email, string password)
    {
        var login = await client.GetAsync("/account/login");
        var html = await login.Content.ReadAsStringAsync();
        var antiforgery = login.Headers.GetValues("Set-Cookie").ToList();
        var token = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", string.Join("; ", antiforgery.Select(c => c.Split(';')[0])));
        var signedIn = await client.SendAsync(post);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookies = antiforgery.Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        cookies.ShouldContain(c => c.StartsWith("infraledger.auth=", StringComparison.Ordinal));
        cookies.ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Header(login, "Strict-Transport-Security").ShouldBe("max-age=31536000");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : "";

    // A script element without src, except a JSON data block (type="application/json"), which the browser never runs.
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)(?![^>]*\btype=""application/json"")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=\s*[""']", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"\sstyle\s*=\s*[""'`]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}
