using Microsoft.Data.Sqlite;
using Npgsql;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// Issue 23 item 4: <c>infraledger db copy --to postgres</c> moves an embedded SQLite installation — the demo, register
/// versions written by two imports, and two rows in every table the demo leaves empty — to a fresh PostgreSQL database:
/// every table equal row by row, the audit chain verifies there, identity sequences continue after the copied keys; a
/// non-empty target and a value PostgreSQL cannot hold are refused with nothing written, and the command can run again.
/// Always SQLite to PostgreSQL whichever round runs, so only the SQLite round of scripts/test runs it.
/// </summary>
[Trait("Database", "any")]
public sealed class DatabaseCopyCliTests(DatabaseCopyCliTests.Source source) : IClassFixture<DatabaseCopyCliTests.Source>
{
    /// <summary>The SQLite installation to move, built once for the class.</summary>
    public sealed class Source : IAsyncLifetime
    {
        public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("infraledger-copy-").FullName;

        public string File => Path.Combine(Directory, "infraledger.db");

        public async Task InitializeAsync()
        {
            (await RunAsync(Directory, null, "db", "seed")).ExitCode.ShouldBe(0);
            foreach (var (name, rows, extra) in new[] { ("追加.csv", "Z-1,追加の倉庫\n", ""), ("変更.csv", "Z-1,追加の倉庫（改築）\n", "--allow-overwrite") })
            {
                await System.IO.File.WriteAllTextAsync(Path.Combine(Directory, name), "施設コード,施設名\n" + rows);
                var import = await RunAsync(Directory, null, ["import", "--tenant", "222127", name, .. extra == "" ? Array.Empty<string>() : [extra]]);
                import.ExitCode.ShouldBe(0, import.Out + import.Error);
            }

            // The column types of every table come from the schema this build migrates PostgreSQL to.
            await using var scratch = await PostgresDatabase.CreateAsync();
            await Core.Database.Migrator.MigrateAsync(new Core.Database.DatabaseSettings(Core.Database.DatabaseProvider.Postgres, scratch.ConnectionString));
            await EveryTableFiller.FillAsync(File, scratch.ConnectionString);
        }

        public Task DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(Directory, recursive: true);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task copy_to_postgres_gives_every_table_row_for_row_and_the_audit_chain_verifies()
    {
        await using var target = await PostgresDatabase.CreateAsync();

        var copy = await RunAsync(source.Directory, null, "db", "copy", "--to", "postgres", target.ConnectionString);

        copy.ExitCode.ShouldBe(0, copy.Out + copy.Error);
        copy.Out.ShouldContain("コピーしました / copied");
        var types = await TableSnapshot.ColumnTypesAsync(target.ConnectionString);
        var expected = await TableSnapshot.OfSqliteAsync(source.File, types);
        var actual = await TableSnapshot.OfPostgresAsync(target.ConnectionString);
        expected.Remove("schema_migrations"); // each provider's own scripts and times
        actual.Remove("schema_migrations");
        expected.Where(t => t.Value.Count == 0).Select(t => t.Key).ShouldBeEmpty("every table has rows to copy");
        actual.ShouldHaveTheRowsOf(expected);

        var verify = await RunAsync(source.Directory, target.ConnectionString, "audit", "verify", "--tenant", "222127");
        verify.ExitCode.ShouldBe(0, verify.Out + verify.Error);
        verify.Out.ShouldContain("チェーンは完全です");
        verify.Out.ShouldContain("件も監査イベントと一致します");
        (await SequencesBehindKeysAsync(target.ConnectionString)).ShouldBeEmpty("every identity continues after the largest copied key");
    }

    [Fact]
    public async Task copy_refuses_a_target_holding_rows_and_writes_nothing()
    {
        await using var target = await PostgresDatabase.CreateAsync();
        await Core.Database.Migrator.MigrateAsync(new Core.Database.DatabaseSettings(Core.Database.DatabaseProvider.Postgres, target.ConnectionString));
        await target.ExecuteAsync("CREATE TABLE other_application (id int); INSERT INTO other_application VALUES (1)");

        var foreign = await RunAsync(source.Directory, null, "db", "copy", "--to", "postgres", target.ConnectionString);

        foreign.ExitCode.ShouldBe(2);
        foreign.Error.ShouldContain("行のある表: other_application");
        (await target.ScalarAsync("SELECT count(*) FROM facilities")).ShouldBe(0L);
    }

    [Fact]
    public async Task a_value_postgresql_cannot_hold_is_refused_with_its_table_row_and_column_and_the_copy_runs_again_once_fixed()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("infraledger-copy-bad-").FullName;
        try
        {
            var file = Path.Combine(directory, "infraledger.db");
            await using (var from = new SqliteConnection($"Data Source={source.File};Mode=ReadOnly;Pooling=False"))
            await using (var to = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await from.OpenAsync();
                await to.OpenAsync();
                from.BackupDatabase(to);
                await using var cmd = to.CreateCommand();
                cmd.CommandText = "UPDATE fixed_assets SET acquisition_date = '令和三年四月一日' WHERE rowid = (SELECT MAX(rowid) FROM fixed_assets) RETURNING number";
                var number = (string)(await cmd.ExecuteScalarAsync())!;
                await using var target = await PostgresDatabase.CreateAsync();

                var refused = await RunAsync(directory, null, "db", "copy", "--to", "postgres", target.ConnectionString);

                refused.ExitCode.ShouldBe(2, refused.Out + refused.Error);
                refused.Error.ShouldContain("表 fixed_assets の");
                refused.Error.ShouldContain($"number={number}");
                refused.Error.ShouldContain("列 acquisition_date: 値「令和三年四月一日」を PostgreSQL の date にできません");
                refused.Error.ShouldContain("何も書き込んでいません");
                (await target.ScalarAsync("SELECT count(*) FROM local_governments")).ShouldBe(0L, "referenced tables copied before it are rolled back too");

                cmd.CommandText = "UPDATE fixed_assets SET acquisition_date = '2021-04-01' WHERE number = @n";
                cmd.Parameters.AddWithValue("@n", number);
                await cmd.ExecuteNonQueryAsync();
                var again = await RunAsync(directory, null, "db", "copy", "--to", "postgres", target.ConnectionString);
                again.ExitCode.ShouldBe(0, again.Out + again.Error);
                (await target.ScalarAsync($"SELECT count(*) FROM fixed_assets WHERE number = '{number}' AND acquisition_date = DATE '2021-04-01'")).ShouldBe(1L);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Identity and serial columns whose next value would collide with a copied key.</summary>
    private static async Task<List<string>> SequencesBehindKeysAsync(string connectionString)
    {
        var behind = new List<string>();
        await using var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await pg.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            + "AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL", pg))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        columns.ShouldNotBeEmpty();
        foreach (var (table, column) in columns)
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT nextval(pg_get_serial_sequence('{table}', '{column}')) > COALESCE((SELECT MAX({column}) FROM {table}), 0)", pg);
            if (!(bool)(await cmd.ExecuteScalarAsync())!)
            {
                behind.Add($"{table}.{column}");
            }
        }

        return behind;
    }

    private static Task<CliRunner.Output> RunAsync(string directory, string? postgres, params string[] args) => CliOn.RunAsync(directory, postgres, args);
}
