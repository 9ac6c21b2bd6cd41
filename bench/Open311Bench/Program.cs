using System.Diagnostics;
using System.Globalization;
using InfraLedger.Bench;
using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

// Load benchmark of Open311 POST requests (issue 7): the app on 127.0.0.1 with the demo seed, 焼津市's default
// services and an API token; then N concurrent clients for S seconds POSTing realistic pothole reports (each one
// checked, numbered, written with its history line and audit event in one transaction) and reading a static file of
// the same app, alternating, in the same run. Prints both rates, p95 latencies, errors (must be 0) and the ratio.
// Usage: dotnet run -c Release --project bench/Open311Bench -- [seconds=10] [concurrency=16]
// PostgreSQL when INFRALEDGER_BENCH_POSTGRES is set (scripts/bench sets it), else SQLite in a temporary file.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
const string Tenant = DemoData.TenantCode;
await using var database = await BenchDatabase.CreateAsync("open311");
// The rate limit is lifted: this measures the work of a POST, not the limiter's refusals.
var app = WebApp.Build(["--urls", "http://127.0.0.1:0", .. database.Arguments, "--Demo:Seed", "true", "--Logging:LogLevel:Default", "Warning", "--Reports:RateLimit:Open311PerWindow", "1000000000"]);
var setup = Stopwatch.StartNew();
await WebApp.PrepareDatabaseAsync(app, CancellationToken.None);
string key;
using (var scope = app.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(LocalGovernmentCode.Parse(Tenant).Value);
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    await Services.AddDefaultsAsync(db, DateTime.UtcNow, CancellationToken.None);
    key = (await ApiTokens.CreateAsync(db, "bench", TenantRole.Editor, DateTime.UtcNow, CancellationToken.None)).Value.PlainText;
}

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
Console.WriteLine($"Open311Bench: {database.Name}, set-up {setup.Elapsed.TotalSeconds:F1} s, "
    + $"{concurrency} clients, {seconds} s per run, {Environment.ProcessorCount} cores");

using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(address),
};
HttpRequestMessage Post(int i) => new(HttpMethod.Post, "/open311/v2/requests.json")
{
    Content = new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["jurisdiction_id"] = Tenant, ["api_key"] = key, ["service_code"] = "101",
        ["lat"] = (34.84 + (i % 500 * 0.0001)).ToString(CultureInfo.InvariantCulture),
        ["long"] = (138.30 + (i % 700 * 0.0001)).ToString(CultureInfo.InvariantCulture),
        ["attribute[damage]"] = "pothole", ["attribute[danger]"] = "medium",
        ["description"] = $"交差点の手前に直径30cmほどの穴があります（{i}）。", ["email"] = "resident@example.jp",
    }),
};
var static_ = HttpLoad.Get(_ => "/css/site.css");

await HttpLoad.RunAsync(client, static_, TimeSpan.FromSeconds(2), concurrency);
await HttpLoad.RunAsync(client, Post, TimeSpan.FromSeconds(2), concurrency);
var runs = new List<(string Name, HttpLoad.Result R)>();
for (var round = 0; round < 2; round++)
{
    runs.Add(("static", await HttpLoad.RunAsync(client, static_, TimeSpan.FromSeconds(seconds), concurrency)));
    runs.Add(("POST", await HttpLoad.RunAsync(client, Post, TimeSpan.FromSeconds(seconds), concurrency)));
}

foreach (var (name, r) in runs)
{
    Console.WriteLine($"  {name,-6} {r.Requests,8:N0} requests  {r.PerSecond,9:N1} /s  p95 {r.P95Ms,7:F2} ms  errors {r.Errors}");
}

var post = runs.Where(r => r.Name == "POST").Average(r => r.R.PerSecond);
var stat = runs.Where(r => r.Name == "static").Average(r => r.R.PerSecond);
var errors = runs.Sum(r => r.R.Errors);
Console.WriteLine($"Open311 POST {post:N1} /s (p95 {runs.Where(r => r.Name == "POST").Average(r => r.R.P95Ms):F2} ms), "
    + $"static file {stat:N1} /s (p95 {runs.Where(r => r.Name == "static").Average(r => r.R.P95Ms):F2} ms)");
Console.WriteLine($"ratio POST / static: {post / stat:F3}; errors {errors}");
await app.StopAsync();
return errors == 0 ? 0 : 1;
