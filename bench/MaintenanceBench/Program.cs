using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Maintenance;

// Maintenance benchmark (issue 19): life-cycle cost and the policy comparison of a generated stock of N facilities
// (5 kinds, each kind's preset library, 3 policies each: 事後保全, 予防保全 and the age cycle, 100 years), against a plain
// pass over the same in-memory facilities pricing each once (Σ price × measure), in the same run. Prints both medians,
// their ratio (target ≤ 5) and the peak working set. Generating the stock is not timed.
// Usage: dotnet run -c Release --project bench/MaintenanceBench -- [facilities]   (no database needed)
const int Years = 100;
const int Repetitions = 5;
const double Rate = 0.04;
const double Target = 5.0;

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var random = new Random(42);
var kinds = LibraryPresets.All.Select(p => (p.Library, Policies: new[] { p.Library.Policies.First(x => x.Name == "事後保全"), p.Library.Policies.First(x => x.Name == "予防保全"), p.Library.Policies.First(x => x.Type == PolicyType.Age) },
    OneYear: new HazardChain([.. Enumerable.Range(0, p.Library.Levels - 1).Select(i => 0.08 + (0.04 * i))]).Transition(1),
    Stock: Generate(p.Library, rows / LibraryPresets.All.Count, random))).ToList();
Console.WriteLine($"facilities: {kinds.Sum(k => k.Stock.Length):N0} ({string.Join(", ", kinds.Select(k => $"{k.Stock.Length:N0} {k.Library.Name}"))}); 3 policies each, {Years} years");

var check = Baseline(kinds.Select(k => (k.Library, k.Stock)).ToList());
List<StockResult> results = Ours();
var baseline = new List<TimeSpan>();
var ours = new List<TimeSpan>();
for (var i = 0; i < Repetitions; i++)
{
    Collect();
    var watch = Stopwatch.StartNew();
    var sum = Baseline(kinds.Select(k => (k.Library, k.Stock)).ToList());
    baseline.Add(watch.Elapsed);
    if (sum != check)
    {
        throw new InvalidOperationException($"The baseline priced {sum}, then {check}.");
    }

    Collect();
    watch.Restart();
    results = Ours();
    ours.Add(watch.Elapsed);
}

foreach (var r in results)
{
    Console.WriteLine($"  {r.Policy.Name,-24} evaluated {r.Evaluated,9:N0}  {Years} y total {r.Total(Years) / 1e8,12:N1} 億円  V {r.InfiniteDiscounted / 1e8,12:N1} 億円  average {r.LongRunAverage / 1e8,9:N2} 億円/年");
}

Console.WriteLine($"baseline (one pass pricing each facility once, {check / 1e8:N1} 億円): {Describe(baseline)}");
Console.WriteLine($"LCC and comparison (5 kinds × 3 policies × {Years} years):   {Describe(ours)}");
var ratio = Median(ours) / Median(baseline);
Console.WriteLine($"ratio comparison/baseline: {ratio:F2}  (target ≤ {Target:F0}){(ratio > Target ? "  target missed" : "")}");
Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0:F0} MB (the generated stock included)");
return results.Any(r => r.Evaluated == 0 || r.Total(Years) <= 0) ? 1 : 0;

List<StockResult> Ours() =>
    [.. kinds.SelectMany(k => k.Policies.Select(p => StockEvaluation.Evaluate(k.OneYear, k.Library, p, k.Stock, Years, Rate)))];

[MethodImpl(MethodImplOptions.NoInlining)]
static double Baseline(List<(TreatmentLibrary Library, StockItem[] Stock)> kinds)
{
    var sum = 0.0;
    foreach (var (library, stock) in kinds)
    {
        var rule = library.Treatments[^1].Cost;
        foreach (var f in stock)
        {
            sum += f.Price(rule).Cost;
        }
    }

    return sum;
}

static StockItem[] Generate(TreatmentLibrary library, int n, Random random)
{
    var items = new StockItem[n];
    for (var i = 0; i < n; i++)
    {
        var length = 5 + (random.NextDouble() * 200);
        items[i] = new StockItem($"F{i}", random.Next(1, library.Levels + 1), random.Next(0, 90), length * (3 + (random.NextDouble() * 10)), length, 100 + (50 * random.Next(0, 20)));
    }

    return items;
}

static void Collect()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
}

static double Median(List<TimeSpan> times) => times.Select(t => t.TotalMilliseconds).Order().ElementAt(times.Count / 2);

static string Describe(List<TimeSpan> times) => $"median {Median(times):F0} ms (runs: {string.Join(", ", times.Select(t => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)))})";
