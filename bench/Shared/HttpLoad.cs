using System.Collections.Concurrent;
using System.Diagnostics;

namespace InfraLedger.Bench;

/// <summary>Requests from a number of concurrent clients for a time (or a count): rate, p95 latency and failures.</summary>
internal static class HttpLoad
{
    internal sealed record Result(int Requests, double PerSecond, double P95Ms, int Errors);

    public static async Task<Result> RunAsync(HttpClient client, Func<int, HttpRequestMessage> request, TimeSpan duration, int concurrency, int limit = int.MaxValue)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while (clock.Elapsed < duration && (i = Interlocked.Increment(ref next)) < limit)
            {
                var started = Stopwatch.GetTimestamp();
                using var message = request(i);
                using var response = await client.SendAsync(message);
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var sorted = latencies.Order().ToArray();
        return new Result(sorted.Length, sorted.Length / clock.Elapsed.TotalSeconds, sorted[(int)(sorted.Length * 0.95)], errors);
    }

    public static Func<int, HttpRequestMessage> Get(Func<int, string> path) => i => new HttpRequestMessage(HttpMethod.Get, path(i));
}
