using System.Net;
using System.Text.RegularExpressions;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Security;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Security;

/// <summary>
/// Issue 21, item 1: no page or stylesheet makes the browser fetch anything from another host — the Japanese web font is
/// vendored and served here — and the Content-Security-Policy stays as strict (fonts from this site only).
/// </summary>
public sealed partial class NoOutsideHostTests(NoOutsideHostTests.Seed seed) : IClassFixture<NoOutsideHostTests.Seed>, IAsyncLifetime
{
    private readonly AppFactory app = seed.App;
    private readonly HttpClient staff = seed.Staff;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient Staff { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            Staff = await app.SignedInClientAsync("admin@yaizu.example.jp", await app.CreateUserAsync("admin@yaizu.example.jp", "222127", TenantRole.Admin));
        }
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData("/account/login", false)]
    [InlineData("/dashboard", false)]
    [InlineData("/222127/report", false)]
    [InlineData("/222127", true)]
    [InlineData("/222127/facilities", true)]
    [InlineData("/222127/inspections", true)]
    [InlineData("/222127/reports", true)]
    public async Task a_page_loads_nothing_from_another_host(string path, bool signedIn)
    {
        var response = await (signedIn ? staff : app.Client()).GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();

        Fetched(html).Where(Outside).ShouldBeEmpty($"{path} loads from another host");
        // Every stylesheet the page links, and what each of them loads in turn (the font's files included).
        foreach (var sheet in Stylesheets().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value)))
        {
            var css = await staff.GetAsync(sheet);
            css.StatusCode.ShouldBe(HttpStatusCode.OK, sheet);
            var text = await css.Content.ReadAsStringAsync();
            CssUrls().Matches(text).Select(m => m.Groups["url"].Value).Where(Outside).ShouldBeEmpty($"{sheet} loads from another host");
        }

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        SecurityHeaders.ContentSecurityPolicy.ShouldContain("font-src 'self';");
        SecurityHeaders.ContentSecurityPolicy.ShouldContain("default-src 'self';");
    }

    [Fact]
    public async Task the_layout_links_the_vendored_japanese_font_and_its_files_are_served_here()
    {
        var html = await app.Client().GetStringAsync("/account/login");
        html.ShouldContain("/lib/noto-sans-jp/noto-sans-jp.css");
        html.ShouldContain("/lib/design-tokens/tokens.css");

        var css = await app.Client().GetStringAsync("/lib/noto-sans-jp/noto-sans-jp.css");
        var files = CssUrls().Matches(css).Select(m => m.Groups["url"].Value).ToList();
        files.Count.ShouldBe(248); // 124 unicode-range subsets × weights 400 and 700
        files.ShouldAllBe(f => f.EndsWith(".woff2", StringComparison.Ordinal));
        // A subset with kana and common kanji (subset 119 holds the hiragana block in both weights).
        foreach (var weight in new[] { 400, 700 })
        {
            var font = await app.Client().GetAsync($"/lib/noto-sans-jp/files/noto-sans-jp-119-{weight}-normal.woff2");
            font.StatusCode.ShouldBe(HttpStatusCode.OK);
            font.Content.Headers.ContentType?.MediaType.ShouldBe("font/woff2");
        }

        (await app.Client().GetStringAsync("/css/site.css")).ShouldContain("var(--font-family-sans)");
    }

    /// <summary>Every address the browser fetches by itself: scripts, stylesheets, icons, images, media, frames.</summary>
    private static IEnumerable<string> Fetched(string html) =>
        FetchedAttributes().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value))
            .Concat(CssUrls().Matches(html).Select(m => m.Groups["url"].Value));

    private static bool Outside(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) || (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" or "ftp");

    [GeneratedRegex("""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc="(?<url>[^"]*)"|<link\b[^>]*\bhref="(?<url>[^"]*)"|\bsrcset="(?<url>[^"]*)"|\bposter="(?<url>[^"]*)"|\bdata-geojson="(?<url>[^"]*)" """)]
    private static partial Regex FetchedAttributes();

    [GeneratedRegex("""<link\b[^>]*\brel="stylesheet"[^>]*\bhref="(?<href>[^"]+)"|<link\b[^>]*\bhref="(?<href>[^"]+)"[^>]*\brel="stylesheet" """)]
    private static partial Regex Stylesheets();

    [GeneratedRegex("""url\(\s*['"]?(?<url>[^'")]+)['"]?\s*\)|@import\s+['"](?<url>[^'"]+)['"]""")]
    private static partial Regex CssUrls();
}
