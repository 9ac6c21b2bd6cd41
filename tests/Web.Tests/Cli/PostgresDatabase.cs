using Npgsql;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// An empty PostgreSQL database of its own on the test server (<c>INFRALEDGER_TEST_POSTGRES</c>, which scripts/test sets for
/// both rounds), dropped afterwards: for tests that need PostgreSQL whichever database their round is about. Without the
/// server the test fails, never skips.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name;

    private PostgresDatabase(string server, string name)
    {
        this.server = server;
        this.name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("INFRALEDGER_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException("INFRALEDGER_TEST_POSTGRES is not set: run the tests with scripts/test, which installs and starts PostgreSQL 15.");
        }

        var database = new PostgresDatabase(server, $"il_copy_{Guid.NewGuid():N}");
        await database.AdminAsync($"CREATE DATABASE {database.name}");
        return database;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return await cmd.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
