using System.Diagnostics;
using Npgsql;

namespace InfraLedger.Bench;

/// <summary>What the PostgreSQL benchmarks share: the median of five timed runs after a warm-up, and a statement on the server's maintenance database.</summary>
internal static class BenchTiming
{
    /// <summary>Median of five runs after one warm-up.</summary>
    public static async Task<TimeSpan> MedianAsync<T>(Func<Task<T>> run)
    {
        await run();
        var times = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed);
        }

        return times.Order().ElementAt(2);
    }

    /// <summary>Runs <paramref name="sql"/> (CREATE or DROP DATABASE) on the <c>postgres</c> database of <paramref name="server"/>.</summary>
    public static async Task AdminAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
