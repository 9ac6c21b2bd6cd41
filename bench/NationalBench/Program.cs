using System.Globalization;
using InfraLedger.Bench;
using Npgsql;

// National benchmark (issue 23 item 1): registers for all 1,788 bodies (NationalData) loaded into PostgreSQL through
// the imports' bulk insert, then the per-tenant reads, the public dashboards, the CKAN search, an Open311 GET and national
// aggregates timed on that database side by side with the same reads on a database holding one tenant alone, loaded the
// same way, in the same run. Prints each figure, the baseline and the ratio (target ≤ 2× for per-tenant figures), the load
// time, the database sizes and the peak working set.
// Usage: dotnet run -c Release --project bench/NationalBench -- [--scale 0.02] [--tenant 222127[,141003]] [--reuse] [--keep]
//   --reuse: time again on the databases a previous run at this scale kept, migrated to the current schema (loads them when
//   absent); --keep: keep them.
//   INFRALEDGER_BENCH_POSTGRES: server (scripts/bench sets it).
var scale = 0.02;
var tenants = new List<string> { "222127" };
bool reuse = false, keep = false;
var parallel = 2;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--scale": scale = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--tenant": tenants = [.. args[++i].Split(',')]; break;
        case "--reuse": reuse = true; keep = true; break;
        case "--keep": keep = true; break;
        case "--parallel": parallel = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

var server = Environment.GetEnvironmentVariable("INFRALEDGER_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
var tag = scale.ToString("0.######", CultureInfo.InvariantCulture).Replace('.', '_');
var bodies = NationalData.Bodies();
var sizes = NationalData.Sizes(bodies, scale);
var totals = Enumerable.Range(0, NationalData.Stocks.Length).Select(k => sizes.Values.Sum(s => s[k])).ToArray();
Console.WriteLine($"NationalBench: scale {scale}, {bodies.Count:N0} bodies, {Environment.ProcessorCount} cores, load average {Load()}");
Console.WriteLine("  rows: " + string.Join(", ", NationalData.Stocks.Select((s, k) => $"{s.Kind} {totals[k]:N0}"))
    + $"; register {totals.Sum():N0}, inspections {totals[0] * 2:N0}");
foreach (var t in tenants)
{
    var b = bodies.Single(x => x.Code == t);
    Console.WriteLine($"  tenant {t} {b.Name}: " + string.Join(", ", NationalData.Stocks.Select((s, k) => $"{s.Kind} {sizes[t][k]:N0}")));
}

using var peak = new PeakMemory();
var nationalDb = $"il_national_{tag}";
var national = await NationalLoad.PrepareAsync(server, nationalDb, bodies, sizes, reuse, parallel);
Console.WriteLine($"national database {nationalDb}: {(national.Loaded ? $"loaded in {national.Seconds:F0} s (rows {national.RowSeconds:F0} s, then indexes and VACUUM ANALYZE)" : "reused")}, "
    + $"size {national.Bytes / 1_048_576.0:N0} MB, peak working set while loading {peak.TakeMegabytes():F0} MB");

var failed = false;
foreach (var tenant in tenants)
{
    var singleDb = $"il_national_{tag}_{tenant}";
    var body = bodies.Single(b => b.Code == tenant);
    var single = await NationalLoad.PrepareAsync(server, singleDb, [body], sizes, reuse, parallel);
    Console.WriteLine($"single-tenant database {singleDb}: {(single.Loaded ? $"loaded in {single.Seconds:F0} s" : "reused")}, size {single.Bytes / 1_048_576.0:N0} MB");
    peak.TakeMegabytes();
    var rows = await NationalReads.CompareAsync(national.Settings, single.Settings, tenant);
    Console.WriteLine($"{"read (tenant " + tenant + ")",-44} {"national",11} {"alone",11} {"ratio",7}  target");
    foreach (var r in rows)
    {
        var ratio = r.National / r.Alone;
        var over = r.PerTenant && ratio > 2;
        failed |= over;
        Console.WriteLine($"{r.Name,-44} {r.National.TotalMilliseconds,8:F1} ms {r.Alone.TotalMilliseconds,8:F1} ms {ratio,7:F2}  {(r.PerTenant ? over ? "≤ 2: NOT met" : "≤ 2: met" : "(national: no target)")}");
    }

    Console.WriteLine($"peak working set while reading: {peak.TakeMegabytes():F0} MB");
    if (!keep)
    {
        await BenchTiming.AdminAsync(server, $"DROP DATABASE IF EXISTS {singleDb} WITH (FORCE)");
    }
}

NpgsqlConnection.ClearAllPools();
if (!keep)
{
    await BenchTiming.AdminAsync(server, $"DROP DATABASE IF EXISTS {nationalDb} WITH (FORCE)");
}
else
{
    Console.WriteLine($"kept: {nationalDb} (run again with --reuse)");
}

Console.WriteLine($"load average at the end {Load()}");
return failed ? 1 : 0;

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

/// <summary>The largest working set seen since the last <see cref="TakeMegabytes"/>, sampled every 50 ms.</summary>
internal sealed class PeakMemory : IDisposable
{
    private long peak;
    private readonly Timer timer;

    public PeakMemory() => timer = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), Environment.WorkingSet)), null, 0, 50);

    public void Dispose() => timer.Dispose();

    public double TakeMegabytes()
    {
        var value = Math.Max(Interlocked.Exchange(ref peak, 0), Environment.WorkingSet);
        return value / 1_048_576.0;
    }
}
