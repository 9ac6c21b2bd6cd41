using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InfraLedger.Tests;

/// <summary>
/// A fresh, migrated database with the local-government master loaded, on the provider the test run asks
/// for: <c>INFRALEDGER_TEST_DATABASE=sqlite|postgres</c> (scripts/test runs the suite once with each).
/// PostgreSQL needs <c>INFRALEDGER_TEST_POSTGRES</c>; without it the tests fail (never skip).
/// Each instance copies a template built once per run, so a test starts in milliseconds.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? sqliteTemplate;
    private static string? postgresTemplate;
    private static readonly Dictionary<string, Task<string>> Prepared = [];

    private TestDatabase(DatabaseSettings settings, Func<Task> drop)
    {
        Settings = settings;
        this.drop = drop;
    }

    private readonly Func<Task> drop;
    private Func<Task>? restore;
    private Func<Task>? dropSnapshot;

    public DatabaseSettings Settings { get; }

    public static DatabaseProvider Provider =>
        (Environment.GetEnvironmentVariable("INFRALEDGER_TEST_DATABASE") ?? "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException($"INFRALEDGER_TEST_DATABASE={other}: use sqlite or postgres"),
        };

    public static async Task<TestDatabase> CreateAsync()
    {
        return Provider == DatabaseProvider.Sqlite ? await CreateSqliteAsync() : await CreatePostgresAsync();
    }

    /// <summary>
    /// An empty database (no tables) on the same provider, e.g. to build the schema from the EF model; on
    /// <paramref name="provider"/> when named (a test of PostgreSQL's own catalog runs on it in both rounds).
    /// </summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider? provider = null)
    {
        if ((provider ?? Provider) == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"infraledger-empty-{Guid.NewGuid():N}.db");
            return new TestDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False"), () =>
            {
                File.Delete(file);
                return Task.CompletedTask;
            });
        }

        var server = PostgresServer();
        var db = $"il_empty_{Guid.NewGuid():N}";
        await AdminAsync(server, $"CREATE DATABASE {db}");
        var connectionString = Connection(server, db);
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, connectionString), async () =>
        {
            ClearPool(connectionString); // only this database's: the other tests' pools stay warm
            await AdminAsync(server, $"DROP DATABASE IF EXISTS {db} WITH (FORCE)");
        });
    }

    /// <summary>
    /// A fresh database with the 主要財政指標 (the embedded file, 95,787 values) loaded as the demo seed loads them: a copy of
    /// one database loaded once per run, for tests that read the statistics (their import has its own tests).
    /// </summary>
    public static Task<TestDatabase> WithStatisticsAsync() => CopyOfAsync("statistics", async settings =>
    {
        await PrepareAsync(settings);
        await using var db = settings.CreateContext();
        await Core.Indicators.FiscalIndicatorImport.ImportEmbeddedAsync(db, StatisticsLoadedAtUtc, CancellationToken.None);
    });

    /// <summary>When the statistics of <see cref="WithStatisticsAsync"/> were loaded.</summary>
    public static readonly DateTime StatisticsLoadedAtUtc = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// A copy of the database that <paramref name="prepare"/> builds once per run, named <paramref name="name"/>, from an
    /// empty database (no tables): a file copy on SQLite (to <paramref name="sqliteFile"/>, or a temporary file), a
    /// <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL. For expensive setups many tests share unchanged (a seed, a large
    /// import), each test still writing to its own copy.
    /// </summary>
    public static async Task<TestDatabase> CopyOfAsync(string name, Func<DatabaseSettings, Task> prepare, string? sqliteFile = null)
    {
        Task<string> prepared;
        lock (Prepared)
        {
            if (!Prepared.TryGetValue(name, out prepared!))
            {
                prepared = PrepareTemplateAsync(prepare);
                Prepared[name] = prepared;
            }
        }

        var template = await prepared;
        if (Provider == DatabaseProvider.Sqlite)
        {
            var file = sqliteFile ?? Path.Combine(Path.GetTempPath(), $"infraledger-test-{Guid.NewGuid():N}.db");
            File.Copy(template, file);
            return SqliteCopy(file);
        }

        var server = PostgresServer();
        var db = $"il_test_{Guid.NewGuid():N}";
        await AdminAsync(server, $"CREATE DATABASE {db} TEMPLATE {template}");
        var connectionString = Connection(server, db);
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, connectionString), async () =>
        {
            ClearPool(connectionString); // only this database's: the other tests' pools stay warm
            await AdminAsync(server, $"DROP DATABASE IF EXISTS {db} WITH (FORCE)");
        });
    }

    /// <summary>An empty database prepared by <paramref name="prepare"/>, kept until the process exits: its file or database name.</summary>
    private static async Task<string> PrepareTemplateAsync(Func<DatabaseSettings, Task> prepare)
    {
        var empty = await CreateEmptyAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => empty.DisposeAsync().AsTask().GetAwaiter().GetResult();
        await prepare(empty.Settings);
        // No connection may stay open on a template (PostgreSQL refuses to copy it; a SQLite file is copied whole).
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        return empty.Settings.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder(empty.Settings.ConnectionString).DataSource
            : new NpgsqlConnectionStringBuilder(empty.Settings.ConnectionString).Database!;
    }

    /// <summary>A context with the given tenant scope (none: the fail-closed state).</summary>
    public AppDbContext Context(string? tenant = null, string actor = "test")
    {
        var scope = new TenantScope { Actor = actor };
        if (tenant is not null)
        {
            scope.Enter(LocalGovernmentCode.Parse(tenant).Value);
        }

        return Settings.CreateContext(scope);
    }

    /// <summary>
    /// Keeps this database's content as it is now, for <see cref="RestoreAsync"/> to put back: a file written by SQLite's
    /// online backup API, or a PostgreSQL database copied from this one. Open connections of this database (a host's idle
    /// pool) are closed first; PostgreSQL copies only a database nobody is connected to.
    /// </summary>
    public async Task SnapshotAsync()
    {
        if (Settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"infraledger-snapshot-{Guid.NewGuid():N}.db");
            var snapshot = $"Data Source={file};Pooling=False";
            Backup(Settings.ConnectionString, snapshot);
            restore = () =>
            {
                Backup(snapshot, Settings.ConnectionString);
                return Task.CompletedTask;
            };
            dropSnapshot = () =>
            {
                File.Delete(file);
                return Task.CompletedTask;
            };
            return;
        }

        var server = PostgresServer();
        var live = new NpgsqlConnectionStringBuilder(Settings.ConnectionString).Database!;
        var copy = $"il_snap_{Guid.NewGuid():N}";
        await CopyAsync(server, live, copy);
        restore = async () =>
        {
            await DisconnectAsync(server, live);
            await AdminAsync(server, $"DROP DATABASE IF EXISTS {live} WITH (FORCE)");
            await AdminAsync(server, $"CREATE DATABASE {live} TEMPLATE {copy}");
            // A connection a background service opened in the meantime was to the database just dropped.
            ClearPool(Connection(server, live));
        };
        dropSnapshot = () => AdminAsync(server, $"DROP DATABASE IF EXISTS {copy} WITH (FORCE)");
    }

    /// <summary>Puts back the content kept by <see cref="SnapshotAsync"/> (the same file or database name, so a running host keeps its settings).</summary>
    public Task RestoreAsync() => restore?.Invoke() ?? throw new InvalidOperationException("RestoreAsync before SnapshotAsync");

    public async ValueTask DisposeAsync()
    {
        await drop();
        if (dropSnapshot is not null)
        {
            await dropSnapshot();
        }
    }

    /// <summary>Copies every page of one SQLite database onto another; waits while a host's background write holds the file.</summary>
    private static void Backup(string from, string to)
    {
        using var source = new SqliteConnection(from);
        using var target = new SqliteConnection(to);
        source.Open();
        target.Open();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                source.BackupDatabase(target);
                return;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < 50) // SQLITE_BUSY, SQLITE_LOCKED
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>
    /// A copy of <paramref name="live"/> as <paramref name="copy"/>: PostgreSQL copies only a database nobody is connected
    /// to, and a host's background services (the job heartbeat) may connect again between the disconnect and the copy.
    /// </summary>
    private static async Task CopyAsync(string server, string live, string copy)
    {
        for (var attempt = 1; ; attempt++)
        {
            await DisconnectAsync(server, live);
            try
            {
                await AdminAsync(server, $"CREATE DATABASE {copy} TEMPLATE {live}");
                ClearPool(Connection(server, live));
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                await Task.Delay(20 * attempt);
            }
        }
    }

    /// <summary>Empties this database's pool and ends any other session on it (a background service's query).</summary>
    private static async Task DisconnectAsync(string server, string database)
    {
        ClearPool(Connection(server, database));
        await AdminAsync(server, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
    }

    private static async Task<TestDatabase> CreateSqliteAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (sqliteTemplate is null)
            {
                var path = Path.Combine(Path.GetTempPath(), $"infraledger-template-{Guid.NewGuid():N}.db");
                var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False");
                await PrepareAsync(settings);
                sqliteTemplate = path;
            }
        }
        finally
        {
            TemplateLock.Release();
        }

        var file = Path.Combine(Path.GetTempPath(), $"infraledger-test-{Guid.NewGuid():N}.db");
        File.Copy(sqliteTemplate, file);
        return SqliteCopy(file);
    }

    /// <summary>
    /// A test's own SQLite file, with pooled connections as the app has them: SQLite parses the whole schema (over a hundred
    /// tables, indexes and triggers) each time a connection opens, so unpooled connections cost a test more than its
    /// queries. The file's pool is emptied before the file is deleted.
    /// </summary>
    private static TestDatabase SqliteCopy(string file)
    {
        var connectionString = $"Data Source={file}";
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, connectionString), () =>
        {
            using (var connection = new SqliteConnection(connectionString))
            {
                SqliteConnection.ClearPool(connection);
            }

            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }

            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = PostgresServer();
        await TemplateLock.WaitAsync();
        try
        {
            if (postgresTemplate is null)
            {
                var name = $"il_tpl_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
                await AdminAsync(server, $"CREATE DATABASE {name}");
                await PrepareAsync(new DatabaseSettings(DatabaseProvider.Postgres, Connection(server, name)));
                NpgsqlConnection.ClearAllPools();
                postgresTemplate = name;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => AdminAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
            }
        }
        finally
        {
            TemplateLock.Release();
        }

        var db = $"il_test_{Guid.NewGuid():N}";
        await AdminAsync(server, $"CREATE DATABASE {db} TEMPLATE {postgresTemplate}");
        var connectionString = Connection(server, db);
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, connectionString), async () =>
        {
            ClearPool(connectionString); // only this database's: the other tests' pools stay warm
            await AdminAsync(server, $"DROP DATABASE IF EXISTS {db} WITH (FORCE)");
        });
    }

    private static void ClearPool(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    private static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable("INFRALEDGER_TEST_POSTGRES");
        return string.IsNullOrWhiteSpace(server)
            ? throw new InvalidOperationException(
                "INFRALEDGER_TEST_POSTGRES is not set: run the tests with scripts/test, which installs and starts PostgreSQL 15.")
            : server;
    }

    private static async Task PrepareAsync(DatabaseSettings settings)
    {
        await Migrator.MigrateAsync(settings);
        await using var db = settings.CreateContext();
        await MasterLoader.LoadAsync(db, new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), CancellationToken.None);
    }

    private static string Connection(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    private static async Task AdminAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
