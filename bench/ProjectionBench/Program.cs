using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using InfraLedger.Bench;
using InfraLedger.Core.Projection;
using InfraLedger.Core.Register;

// Projection benchmark: the 総務省 renewal projection of a generated N-facility register over its 40-year
// horizon, against a plain pass over the same in-memory rows summing their quantities, in the same run. Prints both
// medians, their ratio (target ≤ 5) and what our projection allocates. Generating the register is not timed.
// Usage: dotnet run -c Release --project bench/ProjectionBench -- [rows]   (no database needed)
const int BaseYear = 2024;
const int Repetitions = 5;
const double Target = 5.0;

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var parameters = Presets.Find(Presets.Baseline)!.Parameters;
var facilities = GeneratedRegister.Create(rows, seed: 42);
var mix = string.Join(", ", facilities.CountBy(f => f.Kind).Select(k => $"{k.Key} {k.Value:N0}"));
Console.WriteLine($"rows: {rows:N0} ({mix}); preset {Presets.Baseline}, {parameters.Horizon} years from FY{BaseYear}");

// One warm-up each, then alternating runs, each after a full collection so that neither pays for the other's garbage.
var areas = SumQuantities(facilities);
var result = RenewalProjection.Run(parameters, BaseYear, facilities);
var baseline = new List<TimeSpan>();
var ours = new List<TimeSpan>();
var allocated = new List<long>();
for (var i = 0; i < Repetitions; i++)
{
    Collect();
    var watch = Stopwatch.StartNew();
    var sum = SumQuantities(facilities);
    baseline.Add(watch.Elapsed);

    // Using the sum keeps the JIT from dropping the pass.
    if (sum != areas)
    {
        throw new InvalidOperationException($"The baseline summed {sum}, then {areas}.");
    }

    Collect();
    var before = GC.GetAllocatedBytesForCurrentThread();
    watch.Restart();
    result = RenewalProjection.Run(parameters, BaseYear, facilities);
    ours.Add(watch.Elapsed);
    allocated.Add(GC.GetAllocatedBytesForCurrentThread() - before);
}

var projected = result.Stock.Sum(s => s.Facilities);
var skipped = string.Join(", ", result.Skipped.Select(s => $"{s.Reason} {s.Count:N0}"));
Console.WriteLine($"sanity: total {result.GrandTotal / 100_000_000m:N1} 億円 over {result.Horizon} years, " +
    $"annual average {result.AnnualAverage / 100_000_000m:N1} 億円; projected {projected:N0} facilities, not projected: {(skipped.Length == 0 ? "none" : skipped)}");
Console.WriteLine($"baseline (sum of quantities, {areas:N0}): {Describe(baseline)}");
Console.WriteLine($"projection:                             {Describe(ours)}, allocated {Median(allocated) / 1_048_576.0:F1} MB");
var ratio = Median(ours) / Median(baseline);
Console.WriteLine($"ratio projection/baseline: {ratio:F1}  (target ≤ {Target:F0}){(ratio > Target ? "  target missed" : "")}");

// A projection that costs nothing means the engine is broken, not slow.
if (result.GrandTotal == 0)
{
    Console.Error.WriteLine("The projection's total is zero.");
    return 1;
}

return 0;

[MethodImpl(MethodImplOptions.NoInlining)]
static decimal SumQuantities(List<Facility> facilities)
{
    var sum = 0m;
    foreach (var f in facilities)
    {
        sum += f.Quantity ?? 0;
    }

    return sum;
}

static void Collect()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
}

static T Median<T>(List<T> values) => values.Order().ElementAt(values.Count / 2);

static string Describe(List<TimeSpan> times) =>
    $"{Median(times).TotalMilliseconds,8:F1} ms  (median of {times.Count}; {times.Min().TotalMilliseconds:F1}–{times.Max().TotalMilliseconds:F1})";
