using System.Collections.Concurrent;
using System.Net;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Projection;
using InfraLedger.Web.Tests.Register;
using InfraLedger.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InfraLedger.Web.Tests.Browser;

/// <summary>
/// The app on a real socket (Kestrel, 127.0.0.1, dynamic port) and one headless Chromium, shared by a test
/// class. Its user administers 焼津市 (222127), operates the platform and views 静岡県 (220001). The 主要財政指標 are
/// loaded and 焼津市 has published its FY2024 register figures (the public dashboards).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string AdminEmail = "browser-admin@example.jp";

    /// <summary>焼津図書館 of 焼津市, with coordinates (焼津市オープンデータ, CC BY 4.0) and one asset.</summary>
    public const string FacilityCode = "L-001";

    public const string AssetNumber = "19001-1";

    /// <summary>A projection scenario of 焼津市, copied from the life-extension preset (two cycles, the most notes).</summary>
    public const string ScenarioName = "choujumyou";

    /// <summary>The link of a pending invitation to 焼津市 (its id and secret fixed here, for the page's accessibility check).</summary>
    public const string InvitationPath = "/222127/invitations/00112233445566aa/" + InvitationSecret;

    private const string InvitationSecret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    // The machine's network is closed: without these Chromium keeps trying outside hosts in the background.
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>The site address in the app's mails (Mail:SiteUrl); tests open the links' paths on <see cref="BaseAddress"/>.</summary>
    public const string SiteUrl = "http://infraledger.test";

    private AppFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string? signedInState;

    public Uri BaseAddress { get; private set; } = null!;

    public string AdminPassword { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var chromium = ChromiumPath();
        factory = await AppFactory.CreateWithStatisticsAsync();
        // Mails go to the SMTP sink when scripts/test started one; the mail tests fail without it (SmtpSink.Require).
        if (SmtpSink.Available)
        {
            foreach (var (key, value) in SmtpSink.Settings(SiteUrl))
            {
                factory.Settings[key] = value;
            }
        }

        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.Single());

        AdminPassword = await factory.CreateUserAsync(AdminEmail, "222127", TenantRole.Admin, PlatformRole.PlatformOperator);
        await using (var db = factory.Database.Context("220001", actor: "test-setup"))
        {
            (await UserAccounts.AddMemberAsync(db, AdminEmail, TenantRole.Viewer, CancellationToken.None)).IsSuccess.ShouldBeTrue();
        }

        await using (var db = factory.Database.Context("222127", actor: "test-setup"))
        {
            await RegisterSeed.SaveAsync(db,
                RegisterSeed.Facility("222127", FacilityCode, "焼津図書館", 34.86466037, 138.3057186),
                RegisterSeed.Facility("222127", "L-002", "大井川図書館", 34.80424717, 138.2855003),
                RegisterSeed.Facility("222127", "X-001", "位置未登録の倉庫"));
            await RegisterSeed.SaveAsync(db, RegisterSeed.Asset("222127", AssetNumber, "焼津図書館 建物", FacilityCode));
            // A building the renewal projection can cost (the projection pages then draw their charts).
            var hall = RegisterSeed.Facility("222127", "B-001", "焼津公民館");
            (hall.UsageMajor, hall.Quantity, hall.QuantityKind, hall.YearBuilt) = ("市民文化系施設", 1200m, Core.Register.QuantityKind.FloorArea, 1980);
            await RegisterSeed.SaveAsync(db, hall);
            (await Scenarios.CreateAsync(db, ScenarioName, Presets.LifeExtension, CancellationToken.None)).IsSuccess.ShouldBeTrue();
            (await RecentInvestments.SetAsync(db, new RecentInvestments.Input(2023, "1200000000", "300000000", "0", "決算統計"), CancellationToken.None))
                .IsSuccess.ShouldBeTrue();
            // A bridge with two inspections, and a bridge model (example hazards, not estimated) for the deterioration page's charts.
            var bridge = RegisterSeed.Facility("222127", "BR-001", "焼津大橋");
            bridge.Kind = Core.Register.AssetKind.Bridge;
            await RegisterSeed.SaveAsync(db, bridge);
            foreach (var (date, grade) in new[] { ("2014-06-01", "I"), ("2019-06-01", "II") })
            {
                (await Core.Inspections.InspectionRecords.RecordAsync(db, new("BR-001", null, date, null, grade, "B", null, null), new DateOnly(2025, 1, 1), CancellationToken.None)).IsSuccess.ShouldBeTrue();
            }

            // A member graded worse, then repaired: the facility's grade-history chart has two lines and a work marked.
            (await Core.Inspections.InspectionRecords.RecordAsync(db, new("BR-001", "床版", "2019-06-01", null, "III", "C2", null, null), new DateOnly(2025, 1, 1), CancellationToken.None)).IsSuccess.ShouldBeTrue();
            (await Core.Inspections.InspectionRecords.RecordWorkAsync(db, new("BR-001", "床版", "2021-03-01", "床版補修", "I", "3000000"), new DateOnly(2025, 1, 1), CancellationToken.None)).IsSuccess.ShouldBeTrue();

            var example = new Core.Deterioration.HazardFit(4, [], new double[,] { { Math.Log(0.1) }, { Math.Log(0.05) }, { Math.Log(0.08) } }, new double[3, 3], [], -1, 1, 1);
            (await Core.Deterioration.DeteriorationModels.ImportAsync(db, Core.Register.AssetKind.Bridge, Core.Deterioration.DeteriorationModel.ToJson(example), "example.json", DateTime.UtcNow, CancellationToken.None))
                .IsSuccess.ShouldBeTrue();
        }

        await using (var db = factory.Database.Context("222127", actor: "test-setup"))
        {
            // The public dashboards: 焼津市 publishes its FY2024 register figures (the seeded rows count from FY2024).
            var report = (await Core.Indicators.IndicatorReport.BuildAsync(db, new Core.Common.FiscalYear(2024), CancellationToken.None)).Value;
            (await Core.Indicators.RegisterPublication.PublishAsync(db, report, DateTime.UtcNow, CancellationToken.None)).IsSuccess.ShouldBeTrue();
            // A pending invitation (Invitations stores only the secret's hash; written here with a known secret).
            db.Invitations.Add(new TenantInvitation
            {
                TenantId = "222127", Id = "00112233445566aa", Email = "invited@example.jp", NormalizedEmail = "INVITED@EXAMPLE.JP", Role = TenantRole.Editor,
                SecretHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(InvitationSecret))),
                CreatedAtUtc = DateTime.UtcNow, CreatedBy = "test-setup", ExpiresAtUtc = DateTime.UtcNow.AddDays(7),
            });
            // The open-data catalogue's public dataset page.
            (await Core.OpenData.Publication.PublishAsync(db, "facilities", "cc-by-4.0", Core.OpenData.OpenDataLicences.Default, DateTime.UtcNow, CancellationToken.None))
                .IsSuccess.ShouldBeTrue();
            // Residents' reports: the default services and report 1 (with contact details, a public and an internal note).
            await Core.Reports.Services.AddDefaultsAsync(db, DateTime.UtcNow, CancellationToken.None);
            var received = await Core.Reports.ResidentReports.SubmitAsync(db, new Core.Reports.Submission("102", "34.8601", "138.3110", "港町の交差点", null, null,
                "ガードレールが曲がっています。", new Dictionary<string, IReadOnlyList<string>> { ["damage"] = ["bent"], ["danger"] = ["medium"] }, [],
                new Core.Reports.Submission.Reporter("resident@example.jp", "054-000-0000", "花子", "焼津", null, null), "web", []), DateTime.UtcNow, CancellationToken.None);
            received.IsSuccess.ShouldBeTrue(received.Error?.Message);
            (await Core.Reports.Workflow.PublishAsync(db, received.Value.Id, DateTime.UtcNow, CancellationToken.None)).IsSuccess.ShouldBeTrue();
            (await Core.Reports.Workflow.SetStatusAsync(db, received.Value.Id, Core.Reports.ReportStatus.InProgress, "現地を確認しました。", DateTime.UtcNow, CancellationToken.None)).IsSuccess.ShouldBeTrue();
            (await Core.Reports.Workflow.AddNoteAsync(db, received.Value.Id, "業者に連絡済み", isPublic: false, DateTime.UtcNow, CancellationToken.None)).IsSuccess.ShouldBeTrue();
        }

        await using (var db = factory.Database.Context())
        {
            db.WideAreaGroups.Add(new Core.Tenancy.WideAreaGroup
            {
                Name = "志太地域", Kind = Core.Tenancy.WideAreaGroupKind.InfrastructureGroup, Members = [new() { MemberCode = "222127" }, new() { MemberCode = "222143" }],
            });
            await db.SaveChangesAsync();
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });

        await using var session = await OpenAsync();
        await session.SignInAsync(AdminEmail, AdminPassword);
        await session.Page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        signedInState = await session.Context.StorageStateAsync();
    }

    /// <summary>Another user, e.g. one whose sign-in may fail without touching the shared admin.</summary>
    public Task<string> CreateUserAsync(string email, string tenant, TenantRole role) => factory!.CreateUserAsync(email, tenant, role);

    /// <summary>A context scoped to <paramref name="tenant"/>, for a test that seeds its own tenant (not 焼津市, which the other pages show).</summary>
    public Core.Database.AppDbContext Context(string tenant) => factory!.Database.Context(tenant, actor: "test-setup");

    /// <summary>A new browser context and page, anonymous or with the admin's sign-in cookie.</summary>
    public async Task<BrowserSession> OpenAsync(bool signedIn = false)
    {
        var context = await browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "ja-JP",
            StorageState = signedIn ? signedInState : null,
        });
        // The whole suite shares two cores with Chromium: allow slow pages rather than fail on Playwright's 30 s default.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        // Every Content-Security-Policy violation of the page (ADR 0019), recorded before the page's own scripts run.
        await context.AddInitScriptAsync(BrowserSession.RecordCspViolations);
        var session = new BrowserSession(context, await context.NewPageAsync());
        await context.RouteAsync("**/*", session.OnlyLocalhostAsync);
        return session;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }

    private static string ChromiumPath()
    {
        // Chromium's headless shell (Debian's chromium-headless-shell, what Playwright runs headless): the same engine as
        // the browser, at about half its CPU here. The full browser serves too.
        var path = Environment.GetEnvironmentVariable("INFRALEDGER_CHROMIUM");
        if (string.IsNullOrEmpty(path))
        {
            path = new[] { "/usr/bin/chromium-headless-shell", "/usr/bin/chromium" }.FirstOrDefault(File.Exists);
        }

        // Fail, never skip: scripts/test installs Debian's chromium-headless-shell and sets INFRALEDGER_CHROMIUM.
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            Assert.Fail($"Chromium not found (INFRALEDGER_CHROMIUM='{path}'). Run scripts/test, or `apt-get install chromium-headless-shell` and set INFRALEDGER_CHROMIUM=/usr/bin/chromium-headless-shell.");
        }

        return path;
    }
}

/// <summary>One browser context and its page; records every request that tried to leave localhost.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> blocked = new();

    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    public IReadOnlyCollection<string> BlockedRequests => blocked;

    /// <summary>Fills and submits the sign-in form (does not wait for the result).</summary>
    public async Task SignInAsync(string email, string password)
    {
        var response = await Page.GotoAsync("/account/login");
        // A sign-in page that did not come (an error page, a redirect elsewhere) says what came instead.
        (response?.Status).ShouldBe(200, $"/account/login gave {response?.Status} at {Page.Url}: {await Page.ContentAsync()}");
        await Page.FillAsync("#Input_Email", email);
        await Page.FillAsync("#Input_Password", password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "サインイン", Exact = true }).ClickAsync();
    }

    internal const string RecordCspViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || location.pathname}:${e.lineNumber} ${e.sample || ''}`));
        """;

    /// <summary>What the Content-Security-Policy blocked on the current page so far (issue 17, F8): should be nothing.</summary>
    public async Task<string[]> CspViolationsAsync() => await Page.EvaluateAsync<string[]>("() => window.__cspViolations || []");

    internal async Task OnlyLocalhostAsync(IRoute route)
    {
        var url = route.Request.Url;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host is "127.0.0.1" or "localhost")
        {
            await route.ContinueAsync();
            return;
        }

        blocked.Enqueue(url);
        await route.AbortAsync("blockedbyclient");
    }

    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}
