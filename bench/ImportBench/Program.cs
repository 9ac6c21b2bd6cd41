using System.Diagnostics;
using System.Globalization;
using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Register.Import;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// Import benchmark (issue 3): our import of a generated N-row facility register CSV (validation, history and
// audit included) against PostgreSQL COPY of the same file, in the same run, into (a) a table equivalent to the
// register's (its columns, key, indexes and foreign key, with the values the file lacks as defaults) and (b) a
// plain table with a primary key only. Prints the times, both ratios (target ≤ 2.0 against the equivalent table)
// and the peak working set of our import (target ≤ 512 MB).
// Usage: dotnet run -c Release --project bench/ImportBench -- [rows]   (INFRALEDGER_BENCH_POSTGRES: server)
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var server = Environment.GetEnvironmentVariable("INFRALEDGER_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
var file = Path.Combine(Path.GetTempPath(), $"infraledger-bench-{rows}.csv");
Generate(file, rows);
Console.WriteLine($"rows: {rows:N0}, file: {new FileInfo(file).Length / 1_000_000.0:F1} MB");

var database = $"il_bench_{Guid.NewGuid():N}";
await Admin(server, $"CREATE DATABASE {database}");
var settings = new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
try
{
    await Migrator.MigrateAsync(settings);
    await using (var db = settings.CreateContext())
    {
        await MasterLoader.LoadAsync(db, DateTime.UtcNow, CancellationToken.None);
    }

    var copy = await CopyAsync(settings.ConnectionString, file, EquivalentTable);
    var copyPlain = await CopyAsync(settings.ConnectionString, file, PlainTable);
    var (dryRun, _, _) = await ImportAsync(settings, file, commit: false);
    var (ours, peak, report) = await ImportAsync(settings, file, commit: true);
    Console.WriteLine($"COPY into a table equivalent to the register's: {copy.TotalSeconds,8:F2} s");
    Console.WriteLine($"COPY into a plain table (primary key only):     {copyPlain.TotalSeconds,8:F2} s");
    Console.WriteLine($"import: {ours.TotalSeconds,8:F2} s  (added {report.Added:N0}, problems {report.ProblemCount:N0}; its dry run, reading and checking only: {dryRun.TotalSeconds:F2} s)");
    Console.WriteLine($"ratio import/COPY (equivalent table): {ours / copy:F2}  (target ≤ 2.0)");
    Console.WriteLine($"ratio import/COPY (plain table):      {ours / copyPlain:F2}");
    Console.WriteLine($"peak working set during import: {peak / 1_048_576.0:F0} MB  (target ≤ 512 MB)");
    await ListAsync(settings);
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await Admin(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    File.Delete(file);
}

static void Generate(string path, int rows)
{
    var random = new Random(42);
    using var writer = new StreamWriter(path);
    writer.WriteLine("施設コード,施設名,よみ,用途分類（大分類）,所在地,緯度,経度,延床面積（㎡）,建築年,構造,所管課");
    for (var i = 0; i < rows; i++)
    {
        writer.Write("F");
        writer.Write(i.ToString("D7", CultureInfo.InvariantCulture));
        writer.Write(",市民センター");
        writer.Write(i.ToString(CultureInfo.InvariantCulture));
        writer.Write(",しみんせんたー,市民文化系施設,静岡県焼津市本町");
        writer.Write((i % 9 + 1).ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write((34.8 + random.NextDouble() / 10).ToString("F6", CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write((138.25 + random.NextDouble() / 10).ToString("F6", CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write(random.Next(100, 9000).ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write(random.Next(1960, 2024).ToString(CultureInfo.InvariantCulture));
        writer.WriteLine(",RC,資産経営課");
    }
}

static async Task<TimeSpan> CopyAsync(string connectionString, string file, string table)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using (var create = new NpgsqlCommand(table, connection))
    {
        await create.ExecuteNonQueryAsync();
    }

    var watch = Stopwatch.StartNew();
    await using (var import = await connection.BeginTextImportAsync(
        "COPY bench_copy (code, name, kana, usage_major, address, latitude, longitude, quantity, year_built, structure, section) FROM STDIN (FORMAT csv, HEADER true)"))
    {
        using var reader = new StreamReader(file);
        var buffer = new char[1 << 16];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
        {
            await import.WriteAsync(buffer, 0, n);
        }
    }

    var elapsed = watch.Elapsed;
    await using (var drop = new NpgsqlCommand("DROP TABLE bench_copy", connection))
    {
        await drop.ExecuteNonQueryAsync();
    }

    return elapsed;
}

static async Task<(TimeSpan Time, long PeakBytes, RegisterImport.Outcome Report)> ImportAsync(DatabaseSettings settings, string file, bool commit)
{
    var scope = new TenantScope { Actor = "bench" };
    scope.Enter(LocalGovernmentCode.Parse("222127").Value);
    await using var db = settings.CreateContext(scope);
    long peak = 0;
    using var sampler = new Timer(_ => peak = Math.Max(peak, Environment.WorkingSet), null, 0, 50);
    var watch = Stopwatch.StartNew();
    await using var stream = File.OpenRead(file);
    var result = await RegisterImport.RunAsync(db, stream, Path.GetFileName(file),
        new RegisterImport.Options(ImportTarget.Facilities, Commit: commit, DefaultKind: AssetKind.Building), null, DateTime.UtcNow, CancellationToken.None);
    var elapsed = watch.Elapsed;
    peak = Math.Max(peak, Environment.WorkingSet);
    return (elapsed, peak, result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error!.Message));
}

// The facility list page's query (count + one page) on the imported register, against fetching the same
// page by primary key with no count, in the same run (issue 3: "stays fast at 100,000 rows").
static async Task ListAsync(DatabaseSettings settings)
{
    var scope = new TenantScope { Actor = "bench" };
    scope.Enter(LocalGovernmentCode.Parse("222127").Value);
    await using var db = settings.CreateContext(scope);
    var queries = new (string Name, FacilityRegister.Query Query)[]
    {
        ("first page by code", new FacilityRegister.Query()),
        ("page 1,000 by code", new FacilityRegister.Query(Page: 1000)),
        ("sorted by name", new FacilityRegister.Query(Sort: "name")),
        ("filtered by text", new FacilityRegister.Query(Text: "センター12345")),
    };
    var baseline = await TimeAsync(() => db.Facilities.AsNoTracking().OrderBy(f => f.Code).Take(50).ToListAsync());
    Console.WriteLine($"list baseline (50 rows by key, no count): {baseline.TotalMilliseconds,8:F1} ms");
    foreach (var (name, query) in queries)
    {
        var t = await TimeAsync(() => FacilityRegister.ListAsync(db, query, CancellationToken.None));
        Console.WriteLine($"list {name,-22}: {t.TotalMilliseconds,8:F1} ms  (ratio {t / baseline:F1})");
    }
}

static Task<TimeSpan> TimeAsync<T>(Func<Task<T>> run) => InfraLedger.Bench.BenchTiming.MedianAsync(run);

static Task Admin(string server, string sql) => InfraLedger.Bench.BenchTiming.AdminAsync(server, sql);

internal static partial class Program
{
    /// <summary>
    /// The register's table as the migrations define it — columns, types, primary key, indexes and the foreign key to
    /// local_governments — with the values the file does not carry (tenant, kind, status, version …) as defaults.
    /// </summary>
    private const string EquivalentTable = """
        CREATE TABLE bench_copy (LIKE facilities INCLUDING ALL);
        ALTER TABLE bench_copy ADD FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT;
        ALTER TABLE bench_copy ALTER tenant_id SET DEFAULT '222127', ALTER kind SET DEFAULT 1, ALTER status SET DEFAULT 1,
            ALTER is_sample SET DEFAULT false, ALTER version SET DEFAULT 1, ALTER valid_from SET DEFAULT '2026-11-22',
            ALTER quantity_kind SET DEFAULT 1, ALTER change_reason SET DEFAULT '取込: bench.csv', ALTER recorded_at_utc SET DEFAULT now();
        """;

    /// <summary>The file's columns with a primary key and nothing else.</summary>
    private const string PlainTable = """
        CREATE TABLE bench_copy (code varchar(50) PRIMARY KEY, name varchar(200) NOT NULL, kana varchar(200), usage_major varchar(100),
            address varchar(300), latitude double precision, longitude double precision, quantity numeric(18,3), year_built int,
            structure varchar(100), section varchar(100));
        """;
}
