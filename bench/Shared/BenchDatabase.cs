using Npgsql;

namespace InfraLedger.Bench;

/// <summary>
/// The database a web benchmark hosts the app on: PostgreSQL (a fresh database on the server of
/// <c>INFRALEDGER_BENCH_POSTGRES</c>, which scripts/bench sets) or else SQLite in a temporary file. Dropped afterwards.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? server = Environment.GetEnvironmentVariable("INFRALEDGER_BENCH_POSTGRES");
    private readonly string file;
    private readonly string database;

    private BenchDatabase(string name)
    {
        file = Path.Combine(Path.GetTempPath(), $"infraledger-{name}-bench-{Environment.ProcessId}.db");
        database = $"{name}_bench_{Environment.ProcessId}";
        Connection = $"Data Source={file}";
    }

    public bool IsPostgres => server is not null;

    public string Provider => IsPostgres ? "postgres" : "sqlite";

    public string Name => IsPostgres ? "PostgreSQL" : "SQLite";

    public string Connection { get; private set; }

    public static async Task<BenchDatabase> CreateAsync(string name)
    {
        var bench = new BenchDatabase(name);
        if (bench.server is not null)
        {
            await bench.AdminAsync($"CREATE DATABASE {bench.database}");
            bench.Connection = new NpgsqlConnectionStringBuilder(bench.server) { Database = bench.database }.ConnectionString;
        }

        return bench;
    }

    /// <summary>The app's arguments for this database.</summary>
    public string[] Arguments => ["--Database:Provider", Provider, "--ConnectionStrings:InfraLedger", Connection];

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
        if (server is not null)
        {
            await AdminAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await new NpgsqlCommand(sql, admin).ExecuteNonQueryAsync();
    }
}
