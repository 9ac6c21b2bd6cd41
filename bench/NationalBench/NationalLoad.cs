using System.Diagnostics;
using InfraLedger.Core.Database;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.OpenData;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using Npgsql;

namespace InfraLedger.Bench;

/// <summary>
/// Creates a database, migrates it, loads the local-government master and the shipped 主要財政指標 (the public dashboards'
/// data), then each body's register and inspections through <see cref="BulkInsert"/> — the binary COPY the register and
/// inspection imports stream their new rows through — one transaction per body in the body's tenant scope, and each
/// body publishes its facility list as open data (the CKAN catalogue's rows). As in ListBench, the secondary indexes of
/// the two big tables are dropped before and built after the load, then VACUUM ANALYZE.
/// </summary>
internal static class NationalLoad
{
    internal sealed record Prepared(DatabaseSettings Settings, bool Loaded, double Seconds, double RowSeconds, long Bytes);

    private const string Marker = "infraledger national bench: loaded";

    private static readonly string[] BigTables = ["facilities", "inspections"];

    public static async Task<Prepared> PrepareAsync(string server, string database, IReadOnlyList<LocalGovernment> bodies, Dictionary<string, long[]> sizes, bool reuse, int parallel)
    {
        var settings = new DatabaseSettings(DatabaseProvider.Postgres,
            new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 7200, MaxPoolSize = 20 }.ConnectionString);
        if (reuse && await CommentAsync(server, database) == Marker)
        {
            await Migrator.MigrateAsync(settings); // a kept database gets the migrations added since it was loaded
            return new Prepared(settings, false, 0, 0, await SizeAsync(settings));
        }

        var watch = Stopwatch.StartNew();
        await BenchTiming.AdminAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        await BenchTiming.AdminAsync(server, $"CREATE DATABASE {database}");
        await Migrator.MigrateAsync(settings);
        await using (var db = settings.CreateContext())
        {
            await MasterLoader.LoadAsync(db, DateTime.UtcNow, CancellationToken.None);
            await FiscalIndicatorImport.ImportEmbeddedAsync(db, DateTime.UtcNow, CancellationToken.None);
        }

        var indexes = await DropIndexesAsync(settings);
        var done = 0;
        var progress = Stopwatch.StartNew();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (body, ct) =>
        {
            await LoadBodyAsync(settings, body, sizes[body.Code], ct);
            var n = Interlocked.Increment(ref done);
            if (n % 100 == 0 || n == bodies.Count)
            {
                Console.WriteLine($"  {database}: {n:N0}/{bodies.Count:N0} bodies loaded, {progress.Elapsed.TotalMinutes:F1} min");
            }
        });

        var rowSeconds = progress.Elapsed.TotalSeconds;
        await using (var connection = new NpgsqlConnection(settings.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var index in indexes)
            {
                await Exec(connection, index);
            }

            await Exec(connection, "VACUUM ANALYZE");
        }

        await BenchTiming.AdminAsync(server, $"COMMENT ON DATABASE {database} IS '{Marker}'");
        return new Prepared(settings, true, watch.Elapsed.TotalSeconds, rowSeconds, await SizeAsync(settings));
    }

    private static async Task LoadBodyAsync(DatabaseSettings settings, LocalGovernment body, long[] size, CancellationToken ct)
    {
        var scope = new TenantScope { Actor = "bench" };
        scope.Enter(LocalGovernmentCode.Parse(body.Code).Value);
        await using var db = settings.CreateContext(scope);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = DateTime.UtcNow;
        await using (var writer = await BulkInsert.OpenAsync<Facility>(db, ct))
        {
            foreach (var facility in NationalData.Facilities(body, size, now))
            {
                await writer.WriteAsync(facility, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await BulkInsert.OpenAsync<Inspection>(db, ct))
        {
            foreach (var inspection in NationalData.Inspections(body, size[0]))
            {
                await writer.WriteAsync(inspection, ct);
            }

            await writer.CompleteAsync(ct);
        }

        db.OpenDatasets.Add(new OpenDataset { TenantId = body.Code, Kind = DatasetKind.Facilities, Licence = "cc-by-4.0", PublishedAtUtc = now, UpdatedAtUtc = now });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task<List<string>> DropIndexesAsync(DatabaseSettings settings)
    {
        var indexes = new List<string>();
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using (var read = new NpgsqlCommand(
            "SELECT i.indexdef FROM pg_indexes i WHERE i.tablename = ANY(@t) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)", connection))
        {
            read.Parameters.AddWithValue("t", BigTables);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add(reader.GetString(0));
            }
        }

        foreach (var index in indexes)
        {
            await Exec(connection, "DROP INDEX " + index.Split(' ')[index.StartsWith("CREATE UNIQUE", StringComparison.Ordinal) ? 3 : 2]);
        }

        return indexes;
    }

    private static async Task<string?> CommentAsync(string server, string database)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = @d", connection);
        cmd.Parameters.AddWithValue("d", database);
        return await cmd.ExecuteScalarAsync() as string;
    }

    private static async Task<long> SizeAsync(DatabaseSettings settings)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 7200 };
        await cmd.ExecuteNonQueryAsync();
    }
}
