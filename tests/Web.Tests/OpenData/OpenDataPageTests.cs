using InfraLedger.Core.Identity;
using InfraLedger.Core.OpenData;
using InfraLedger.Web.Tests.Support;
using static InfraLedger.Web.Tests.OpenData.OpenDataSeed;

namespace InfraLedger.Web.Tests.OpenData;

/// <summary>
/// The open-data admin page as a user reads it (issue 21 item 7): times in 日本時間, long links wrap, and on the demo tenant
/// a note that the 固定資産台帳 waits for the admin.
/// </summary>
public sealed class OpenDataPageTests(OpenDataPageTests.Seed seed) : IClassFixture<OpenDataPageTests.Seed>, IAsyncLifetime
{
    // 2026-03-31 15:30 UTC is 2026-04-01 00:30 in Japan: a UTC display would show the wrong day and fiscal year.
    private static readonly DateTime PublishedUtc = new(2026, 3, 31, 15, 30, 0, DateTimeKind.Utc);

    private readonly AppFactory app = seed.App;
    private readonly HttpClient admin = seed.AdminClient;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient AdminClient { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            await RegistersAsync(app.Database);
            await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
            {
                (await Publication.PublishAsync(db, DatasetKind.Facilities, "cc-by-4.0", OpenDataLicences.Default, PublishedUtc, CancellationToken.None)).IsSuccess.ShouldBeTrue();
            }

            AdminClient = await app.SignedInClientAsync("admin@yaizu.example.jp", await app.CreateUserAsync("admin@yaizu.example.jp", Yaizu, TenantRole.Admin));
        }
    }

    [Fact]
    public async Task publication_times_are_shown_in_japan_time()
    {
        var page = await admin.GetStringAsync("/222127/opendata");
        page.ShouldContain("公開・更新（日本時間）");
        page.ShouldContain("2026-04-01 00:30");
        page.ShouldNotContain("2026-03-31 15:30");

        var dataset = await admin.GetStringAsync("/opendata/222127/facilities");
        dataset.ShouldContain("公開日時（日本時間）");
        dataset.ShouldContain("2026-04-01 00:30");
    }

    [Fact]
    public async Task long_links_wrap_inside_the_page()
    {
        var page = await admin.GetStringAsync("/222127/opendata");
        page.ShouldContain("class=\"opendata-page\"");
        page.ShouldContain("/css/opendata.css");
        var css = await admin.GetStringAsync("/css/opendata.css");
        css.ShouldContain(".opendata-page");
        css.ShouldContain("overflow-wrap: anywhere");
    }

    [Fact]
    public async Task the_demo_admin_is_told_the_fixed_asset_register_is_not_published()
    {
        (await admin.GetStringAsync("/222127/opendata")).ShouldContain("デモでは「固定資産台帳」を公開していません");
        await PublishAsync(app.Database, Yaizu, DatasetKind.Register);
        (await admin.GetStringAsync("/222127/opendata")).ShouldNotContain("デモでは「固定資産台帳」を公開していません");
    }
}
