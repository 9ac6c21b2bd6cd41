using System.Diagnostics;
using System.Globalization;
using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Search;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// List benchmark (issue 21 item 4): the facility list's queries at N facilities (default 1,000,000) on PostgreSQL, the old
// query shapes (exact count, OFFSET paging, unindexed substring filter: the list before issue 21) against the new ones
// (keyset paging, count exact up to 1,000 then estimated, natural-order index, trigram search index), side by side in
// the same run and on the same data, with 50 rows by primary key and no count as the floor. Median of five runs after a
// warm-up. Target: each new query ≤ 20 ms at 1,000,000.
// Usage: dotnet run -c Release --project bench/ListBench -- [rows]   (INFRALEDGER_BENCH_POSTGRES: server)
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var server = Environment.GetEnvironmentVariable("INFRALEDGER_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
// LISTBENCH_DB: time again on a database a run kept (LISTBENCH_KEEP), without loading it.
var reuse = Environment.GetEnvironmentVariable("LISTBENCH_DB");
var database = reuse ?? $"il_listbench_{Guid.NewGuid():N}";
if (reuse is null)
{
    await Admin(server, $"CREATE DATABASE {database}");
}

var settings = new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 3600 }.ConnectionString);
try
{
    await Migrator.MigrateAsync(settings);
    var load = Stopwatch.StartNew();
    if (reuse is null)
    {
        await using (var db = settings.CreateContext())
        {
            await MasterLoader.LoadAsync(db, DateTime.UtcNow, CancellationToken.None);
        }

        await LoadAsync(settings, "222127", rows);
        await LoadAsync(settings, "222143", rows / 100); // a neighbour, so that the tenant predicate is not the whole table
    }

    Console.WriteLine($"facilities: {rows:N0} for 222127 (+{rows / 100:N0} for 222143), loaded, indexed and analysed in {load.Elapsed.TotalSeconds:F0} s");

    var scope = new TenantScope { Actor = "bench" };
    scope.Enter(LocalGovernmentCode.Parse("222127").Value);
    await using var context = settings.CreateContext(scope);
    var baseline = await TimeAsync(() => context.Facilities.AsNoTracking().OrderBy(f => f.Code).Take(50).ToListAsync());
    Console.WriteLine($"floor: 50 rows by primary key, no count: {baseline.TotalMilliseconds:F1} ms");
    var page999 = await FacilityRegister.ListAsync(context, new FacilityRegister.Query(Page: 999), CancellationToken.None);
    if (Environment.GetEnvironmentVariable("LISTBENCH_KEEP") is not null)
    {
        var keyset = new Keyset<Facility, string?>(f => f.CodeOrder, f => f.Code, nullsFirst: false);
        Console.WriteLine(keyset.From(context.Facilities, page999.NextCursor!, false, true)!.Take(51).ToQueryString());
    }

    var cases = new (string Name, Func<Task<object>> Old, Func<Task<object>> New)[]
    {
        ("first page by code", () => OldListAsync(context, null, "code", 1), () => New(new FacilityRegister.Query())),
        ("page 1,000 by code (next from 999)", () => OldListAsync(context, null, "code", 1000), () => New(new FacilityRegister.Query(Page: 1000, After: page999.NextCursor))),
        ("page 1,000 by code (numbered jump)", () => OldListAsync(context, null, "code", 1000), () => New(new FacilityRegister.Query(Page: 1000))),
        ("sorted by name", () => OldListAsync(context, null, "name", 1), () => New(new FacilityRegister.Query(Sort: "name"))),
        ("filtered by text", () => OldListAsync(context, "センター12345", "code", 1), () => New(new FacilityRegister.Query(Text: "センター12345"))),
        ("search page (4 kinds)", () => OldListAsync(context, "センター12345", "code", 1), async () => await TenantSearch.SearchAsync(context, "センター12345", null, 1, 20, CancellationToken.None)),
    };
    Console.WriteLine($"{"query",-36} {"old",10} {"new",10} {"old/new",8} {"new/floor",9}  target ≤ 20 ms");
    foreach (var (name, old, @new) in cases)
    {
        var o = await TimeAsync(old);
        var n = await TimeAsync(@new);
        Console.WriteLine($"{name,-36} {o.TotalMilliseconds,7:F1} ms {n.TotalMilliseconds,7:F1} ms {o / n,8:F1} {n / baseline,9:F1}  {(n.TotalMilliseconds <= 20 ? "met" : "NOT met")}");
    }

    var first = await FacilityRegister.ListAsync(context, new FacilityRegister.Query(), CancellationToken.None);
    Console.WriteLine($"first page: {first.Rows[0].Code} … {first.Rows[^1].Code}; count shown: {(first.Estimated ? "約 " : "")}{first.Total:N0}");

    async Task<object> New(FacilityRegister.Query q) => await FacilityRegister.ListAsync(context, q, CancellationToken.None);
}
finally
{
    NpgsqlConnection.ClearAllPools();
    if (Environment.GetEnvironmentVariable("LISTBENCH_KEEP") is null && reuse is null)
    {
        await Admin(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }
    else
    {
        Console.WriteLine($"kept: {database}");
    }
}

// The list's query before issue 21 (FacilityRegister.ListAsync as it was): exact count of the filter, OFFSET paging,
// substring filter by LIKE over code, name, よみ and address.
static async Task<object> OldListAsync(AppDbContext db, string? text, string sort, int page)
{
    var rows = db.Facilities.AsNoTracking();
    if (text is not null)
    {
        rows = rows.Where(f => f.Code.Contains(text) || f.Name.Contains(text) || (f.Kana != null && f.Kana.Contains(text)) || (f.Address != null && f.Address.Contains(text)));
    }

    rows = sort == "name" ? rows.OrderBy(f => f.Name).ThenBy(f => f.Code) : rows.OrderBy(f => f.Code);
    var total = await rows.CountAsync();
    var list = await rows.Skip((page - 1) * 50).Take(50).ToListAsync();
    return (total, list);
}

// Rows by the bulk insert of imports (the entities compute their search text and sort key), secondary indexes built
// after the load, then VACUUM ANALYZE as after an import and autovacuum.
static async Task LoadAsync(DatabaseSettings settings, string tenant, int count)
{
    var scope = new TenantScope { Actor = "bench" };
    scope.Enter(LocalGovernmentCode.Parse(tenant).Value);
    var indexes = new List<string>();
    await using (var connection = new NpgsqlConnection(settings.ConnectionString))
    {
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'facilities' AND indexname <> 'pk_facilities'", connection);
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add(reader.GetString(1));
            }
        }

        await new NpgsqlCommand(string.Join(";", indexes.Select(d => "DROP INDEX " + d.Split(' ')[2])), connection).ExecuteNonQueryAsync();
    }

    await using (var db = settings.CreateContext(scope))
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        await using var writer = await BulkInsert.OpenAsync<Facility>(db, CancellationToken.None);
        var random = new Random(42);
        for (var i = 0; i < count; i++)
        {
            await writer.WriteAsync(new Facility
            {
                TenantId = tenant, Code = "F" + i.ToString("D7", CultureInfo.InvariantCulture), Name = "市民センター" + i.ToString(CultureInfo.InvariantCulture),
                Kana = "しみんせんたー", UsageMajor = "市民文化系施設", Address = "静岡県焼津市本町" + ((i % 9) + 1).ToString(CultureInfo.InvariantCulture),
                Latitude = 34.8 + (random.NextDouble() / 10), Longitude = 138.25 + (random.NextDouble() / 10), Quantity = random.Next(100, 9000),
                QuantityKind = QuantityKind.FloorArea, YearBuilt = random.Next(1960, 2024), Structure = "RC", Section = "資産経営課", Version = 1,
                ValidFrom = new DateOnly(2026, 11, 22), RecordedAtUtc = DateTime.UtcNow, ChangeReason = "bench",
            }, CancellationToken.None);
        }

        await writer.CompleteAsync(CancellationToken.None);
        await tx.CommitAsync();
    }

    await using (var connection = new NpgsqlConnection(settings.ConnectionString))
    {
        await connection.OpenAsync();
        foreach (var index in indexes)
        {
            await new NpgsqlCommand(index, connection) { CommandTimeout = 3600 }.ExecuteNonQueryAsync();
        }

        await new NpgsqlCommand("VACUUM ANALYZE facilities", connection) { CommandTimeout = 3600 }.ExecuteNonQueryAsync();
    }
}

static Task<TimeSpan> TimeAsync<T>(Func<Task<T>> run) => InfraLedger.Bench.BenchTiming.MedianAsync(run);

static Task Admin(string server, string sql) => InfraLedger.Bench.BenchTiming.AdminAsync(server, sql);
