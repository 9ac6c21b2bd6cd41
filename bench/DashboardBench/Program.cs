using System.Diagnostics;
using System.Globalization;
using InfraLedger.Core.Database;
using Microsoft.Extensions.DependencyInjection;
using InfraLedger.Bench;
using InfraLedger.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

// Load benchmark of the public dashboards (issue 6): the app on 127.0.0.1 with the demo seed (the 主要財政指標 of all
// 1,741 municipalities), then N concurrent clients for S seconds against a municipality page (every municipality in
// turn) and against a static file of the same app, alternating, in the same run. Prints requests per second and p95
// latency of both and their ratio (target: page ÷ static ≥ 0.25), and of the page with a random unknown parameter.
// Usage: dotnet run -c Release --project bench/DashboardBench -- [seconds=10] [concurrency=16]
// PostgreSQL when INFRALEDGER_BENCH_POSTGRES is set (scripts/bench sets it), else SQLite in a temporary file.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
await using var database = await BenchDatabase.CreateAsync("dashboard");
var app = WebApp.Build(["--urls", "http://127.0.0.1:0", .. database.Arguments, "--Demo:Seed", "true", "--Logging:LogLevel:Default", "Warning"]);
var setup = Stopwatch.StartNew();
await WebApp.PrepareDatabaseAsync(app, CancellationToken.None);
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
List<string> codes;
using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    codes = await db.PublicIndicatorValues.Where(v => v.FiscalYear == 2021).Select(v => v.Code).Distinct().OrderBy(c => c).ToListAsync();
}

Console.WriteLine($"DashboardBench: {database.Name}, {codes.Count:N0} municipalities with 主要財政指標, set-up {setup.Elapsed.TotalSeconds:F1} s, "
    + $"{concurrency} clients, {seconds} s per run, {Environment.ProcessorCount} cores");

using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(address),
};
string Page(int i) => $"/dashboard/body/{codes[i % codes.Count]}";
static string Static(int i) => "/css/site.css";

// Issue 17 F5: each request with a parameter no page reads, different every time (`?z=<random>`), as a cache-busting
// client sends them. The pages answer from the cache or redirect (302, followed) to the canonical address.
string Busting(int i) => $"{Page(i)}?z={Guid.NewGuid():N}";

// Warm up the static file (JIT, connection pool); then the first view of every municipality's page, which the
// app computes (nothing cached yet); then alternate static and page, as readers see them once the pages are cached
// (the public pages are kept for a minute, see WebApp).
await HttpLoad.RunAsync(client, HttpLoad.Get(Static), TimeSpan.FromSeconds(2), concurrency);
var first = await HttpLoad.RunAsync(client, HttpLoad.Get(Page), TimeSpan.FromMinutes(10), concurrency, codes.Count);
Console.WriteLine($"  first view of each of the {codes.Count:N0} pages (computed): {first.PerSecond:N1} /s, p95 {first.P95Ms:F2} ms, errors {first.Errors}");
var runs = new List<(string Name, HttpLoad.Result R)>();
for (var round = 0; round < 2; round++)
{
    runs.Add(("static", await HttpLoad.RunAsync(client, HttpLoad.Get(Static), TimeSpan.FromSeconds(seconds), concurrency)));
    runs.Add(("page", await HttpLoad.RunAsync(client, HttpLoad.Get(Page), TimeSpan.FromSeconds(seconds), concurrency)));
    runs.Add(("z=rand", await HttpLoad.RunAsync(client, HttpLoad.Get(Busting), TimeSpan.FromSeconds(seconds), concurrency)));
}

foreach (var (name, r) in runs)
{
    Console.WriteLine($"  {name,-6} {r.Requests,8:N0} requests  {r.PerSecond,9:N1} /s  p95 {r.P95Ms,7:F2} ms  errors {r.Errors}");
}

var page = runs.Where(r => r.Name == "page").Average(r => r.R.PerSecond);
var stat = runs.Where(r => r.Name == "static").Average(r => r.R.PerSecond);
var errors = runs.Sum(r => r.R.Errors) + first.Errors;
Console.WriteLine($"municipality page {page:N1} /s (p95 {runs.Where(r => r.Name == "page").Average(r => r.R.P95Ms):F2} ms), "
    + $"static file {stat:N1} /s (p95 {runs.Where(r => r.Name == "static").Average(r => r.R.P95Ms):F2} ms)");
var busting = runs.Where(r => r.Name == "z=rand").Average(r => r.R.PerSecond);
Console.WriteLine($"ratio page / static: {page / stat:F3} (target ≥ 0.25); first views / static: {first.PerSecond / stat:F3}; "
    + $"random unknown parameter / static: {busting / stat:F3}; errors {errors}");
await app.StopAsync();
return errors == 0 ? 0 : 1;
