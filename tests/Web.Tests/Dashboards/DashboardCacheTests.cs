using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Parser;
using InfraLedger.Core.Common;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Projection;
using InfraLedger.Web.Tests.Register;
using InfraLedger.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Web.Tests.Dashboards;

/// <summary>
/// Issue 17 F5: <c>/dashboard/body/222127?year=2021&amp;z=&lt;random&gt;</c> missed the cache every time and each miss
/// projected the whole register. The cache now keys on the parameters a page reads, a non-canonical address is redirected,
/// refusals are not kept, and the municipality page's projection is the one computed when the body published. The
/// redirects share one app (<see cref="Redirects"/>: nothing is kept); each other test starts its own.
/// </summary>
public sealed class DashboardCacheTests(DashboardCacheTests.Redirects redirects) : IClassFixture<DashboardCacheTests.Redirects>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private CountingStore store = null!;
    private AppFactory? app;
    private HttpClient anonymous = null!;

    /// <summary>The app the redirect tests share, with its counting cache store.</summary>
    public sealed class Redirects : IAsyncLifetime
    {
        public CountingStore Store { get; } = new();

        public AppFactory App { get; private set; } = null!;

        public HttpClient Anonymous { get; private set; } = null!;

        public async Task InitializeAsync() => (App, Anonymous) = await StartAsync(Store);

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private static async Task<(AppFactory App, HttpClient Anonymous)> StartAsync(CountingStore store)
    {
        var app = await AppFactory.CreateWithStatisticsAsync();
        var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IOutputCacheStore>(store)));
        return (app, host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>An app of the test's own, with a register of one school and its asset.</summary>
    private async Task StartWithRegisterAsync()
    {
        store = new CountingStore();
        (app, anonymous) = await StartAsync(store);

        await using (var db = app!.Database.Context(Yaizu, actor: "test-setup"))
        {
            await RegisterSeed.SaveAsync(db, School("S-001", 5000m, 1980));
            var asset = RegisterSeed.Asset(Yaizu, "A-001", "焼津小学校 校舎", "S-001", 1_000_000m);
            (asset.AcquisitionDate, asset.UsefulLife) = (new DateOnly(2015, 4, 1), 10);
            await RegisterSeed.SaveAsync(db, asset);
        }
    }

    private static Core.Register.Facility School(string code, decimal area, int built)
    {
        var school = RegisterSeed.Facility(Yaizu, code, "焼津小学校");
        (school.UsageMajor, school.Quantity, school.QuantityKind, school.YearBuilt) = ("学校教育系施設", area, Core.Register.QuantityKind.FloorArea, built);
        return school;
    }

    private async Task PublishAsync()
    {
        await using var db = app!.Database.Context(Yaizu, actor: "test-setup");
        var report = (await IndicatorReport.BuildAsync(db, new FiscalYear(2024), default)).Value;
        (await RegisterPublication.PublishAsync(db, report, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task F5_a_random_unknown_parameter_adds_no_cache_entry_and_is_never_computed()
    {
        await StartWithRegisterAsync();
        const string view = "/dashboard/body/222127?year=2021";
        var first = await anonymous.GetAsync(view);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await first.Content.ReadAsStringAsync();
        store.Keys.Count.ShouldBe(1);

        for (var i = 0; i < 20; i++)
        {
            var response = await anonymous.GetAsync($"{view}&z={Guid.NewGuid():N}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, "the cached view, the unknown parameter ignored");
            (await response.Content.ReadAsStringAsync()).ShouldBe(page);
        }

        store.Keys.Count.ShouldBe(1);
        store.Writes.ShouldBe(1);
    }

    [Theory]
    [InlineData("/dashboard/body/222143?z=1", "/dashboard/body/222143")]
    [InlineData("/dashboard/body/222143?year=02021", "/dashboard/body/222143?year=2021")]
    [InlineData("/dashboard/body/222143?year=2021&year=2021", "/dashboard/body/222143?year=2021")]
    [InlineData("/dashboard/body/222143?lang=xx", "/dashboard/body/222143")]
    [InlineData("/dashboard/body/222143?year=abc", "/dashboard/body/222143")]
    [InlineData("/dashboard?sort=nonsense&order=sideways", "/dashboard")]
    [InlineData("/dashboard?pref=22&indicator=current-balance-ratio", "/dashboard/22?indicator=current-balance-ratio")]
    [InlineData("/dashboard/22?indicator=laspeyres-index&Year=2020&lang=en", "/dashboard/22?indicator=laspeyres-index&year=2020&lang=en")]
    [InlineData("/dashboard/scatter?x=financial-strength&utm_source=mail", "/dashboard/scatter?x=financial-strength")]
    public async Task F5_a_non_canonical_address_is_redirected_to_its_canonical_view_before_anything_is_computed(string path, string canonical)
    {
        var response = await redirects.Anonymous.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(canonical);
        redirects.Store.Writes.ShouldBe(0);
    }

    [Fact]
    public async Task F5_refusals_are_answered_but_not_kept()
    {
        await StartWithRegisterAsync();
        for (var year = 1990; year < 2000; year++)
        {
            var response = await anonymous.GetAsync($"/dashboard?year={year}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldContain($"{year}年度のデータはありません");
        }

        store.Writes.ShouldBe(0);
    }

    [Fact]
    public async Task F5_the_municipality_pages_projection_is_the_one_computed_when_it_published()
    {
        await StartWithRegisterAsync();
        decimal published;
        await using (var db = app!.Database.Context(Yaizu))
        {
            published = Projections.Run(db, Presets.Find(Presets.Baseline)!.Parameters, 2025, null, default).Total.Sum(ProjectionTables.Thousands);
        }

        await PublishAsync();
        await using (var db = app!.Database.Context(Yaizu, actor: "test-setup"))
        {
            // The register grows after the publication: the public page does not project it on a reader's request.
            await RegisterSeed.SaveAsync(db, School("S-002", 20_000m, 1970));
        }

        (await ProjectionTotalAsync("/dashboard/body/222127")).ShouldBe(published);

        await PublishAsync();
        (await ProjectionTotalAsync("/dashboard/body/222127?lang=en")).ShouldBeGreaterThan(published, "published again, the larger register is projected");
    }

    private async Task<decimal> ProjectionTotalAsync(string path)
    {
        var response = await anonymous.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var rows = page.QuerySelectorAll("#table-projection tbody tr").ToList();
        rows.Count.ShouldBe(40);
        return rows.Sum(r => decimal.Parse(r.Children[^1].TextContent.Trim().Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>An output cache store that counts what it is asked to keep.</summary>
    public sealed class CountingStore : IOutputCacheStore
    {
        private readonly ConcurrentDictionary<string, byte[]> entries = new();
        private int writes;

        public ICollection<string> Keys => entries.Keys;

        public int Writes => writes;

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(entries.GetValueOrDefault(key));

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref writes);
            entries[key] = value;
            return ValueTask.CompletedTask;
        }
    }
}
