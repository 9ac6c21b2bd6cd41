using InfraLedger.Core.Database;
using InfraLedger.Tests;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// Issue 23 item 4: <c>infraledger db backup</c> and <c>db restore</c> on the round's database — SQLite's online backup API,
/// pg_dump and pg_restore on PostgreSQL. A backup of the demo restored into a new database, and over the demo changed since
/// (with <c>--force</c>, only when nothing else is connected), gives back every table row for row and an audit chain that
/// verifies; an existing file or database is replaced only when asked, and a file that is not a backup is refused.
/// </summary>
public sealed class DatabaseBackupCliTests : IAsyncLifetime
{
    private CliRunner cli = null!;

    public async Task InitializeAsync() => cli = await CliRunner.CreateSeededAsync();

    public async Task DisposeAsync() => await cli.DisposeAsync();

    private static bool Postgres => TestDatabase.Provider == DatabaseProvider.Postgres;

    /// <summary>The runner's database: its PostgreSQL connection string, or null for the directory's SQLite file.</summary>
    private string? Live => Postgres ? cli.StartInfo([]).Environment["ConnectionStrings__InfraLedger"] : null;

    private static Task<SortedDictionary<string, List<string>>> SnapshotAsync(string directory, string? postgres) =>
        postgres is null ? TableSnapshot.OfSqliteAsync(Path.Combine(directory, "infraledger.db")) : TableSnapshot.OfPostgresAsync(postgres);

    /// <summary>The connections this process's in-process commands left in their pools (a separate CLI process would have exited).</summary>
    private static void CloseIdleConnections(string? postgres)
    {
        SqliteConnection.ClearAllPools();
        if (postgres is not null)
        {
            using var connection = new NpgsqlConnection(postgres);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    [Fact]
    public async Task a_backup_restored_into_a_new_database_gives_back_every_table_and_a_verifying_audit_chain()
    {
        var before = await SnapshotAsync(cli.Directory, Live);
        before["facilities"].Count.ShouldBeGreaterThan(700);
        before["audit_events"].Count.ShouldBeGreaterThan(700);
        var file = Path.Combine(cli.Directory, "demo.backup");

        var backup = await cli.RunAsync("db", "backup", file);

        backup.ExitCode.ShouldBe(0, backup.Out + backup.Error);
        backup.Out.ShouldContain(Postgres ? "pg_dump" : "SQLite online backup API");
        File.Exists(file).ShouldBeTrue();
        File.Exists(file + ".partial").ShouldBeFalse();
        var again = await cli.RunAsync("db", "backup", file);
        again.ExitCode.ShouldBe(2);
        again.Error.ShouldContain("すでにあります。上書きするには --force");

        var directory = Directory.CreateTempSubdirectory("infraledger-restore-").FullName;
        var fresh = Postgres ? await PostgresDatabase.CreateAsync() : null;
        try
        {
            var restore = await CliOn.RunAsync(directory, fresh?.ConnectionString, "db", "restore", file);

            restore.ExitCode.ShouldBe(0, restore.Out + restore.Error);
            restore.Out.ShouldContain("復元しました / restored");
            CloseIdleConnections(fresh?.ConnectionString);
            (await SnapshotAsync(directory, fresh?.ConnectionString)).ShouldHaveTheRowsOf(before);
            var verify = await CliOn.RunAsync(directory, fresh?.ConnectionString, "audit", "verify", "--tenant", "222127");
            verify.ExitCode.ShouldBe(0, verify.Out + verify.Error);
            verify.Out.ShouldContain("チェーンは完全です");
        }
        finally
        {
            CloseIdleConnections(fresh?.ConnectionString);
            if (fresh is not null)
            {
                await fresh.DisposeAsync();
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task restore_replaces_a_changed_database_only_with_force_and_only_when_nothing_else_is_connected()
    {
        var before = await SnapshotAsync(cli.Directory, Live);
        var file = Path.Combine(cli.Directory, "demo.backup");
        (await cli.RunAsync("db", "backup", file)).ExitCode.ShouldBe(0);
        await File.WriteAllTextAsync(Path.Combine(cli.Directory, "追加.csv"), "施設コード,施設名\nZ-1,追加の倉庫\n");
        (await cli.RunAsync("import", "--tenant", "222127", "追加.csv")).ExitCode.ShouldBe(0);
        (await SnapshotAsync(cli.Directory, Live))["facilities"].Count.ShouldBe(before["facilities"].Count + 1);

        var unforced = await cli.RunAsync("db", "restore", file);
        unforced.ExitCode.ShouldBe(2);
        unforced.Error.ShouldContain("すでにデータがあります。バックアップの内容で置き換えるには --force");

        CloseIdleConnections(Live);
        await using (var open = await OpenAsync())
        {
            var busy = await cli.RunAsync("db", "restore", file, "--force");
            busy.ExitCode.ShouldBe(2, busy.Out + busy.Error);
            busy.Error.ShouldContain(Postgres ? "ほかに 1 件の接続があります" : "ほかのプロセス（Web アプリなど）が開いています");
        }

        CloseIdleConnections(Live);
        var forced = await cli.RunAsync("db", "restore", file, "--force");

        forced.ExitCode.ShouldBe(0, forced.Out + forced.Error);
        CloseIdleConnections(Live);
        (await SnapshotAsync(cli.Directory, Live)).ShouldHaveTheRowsOf(before);
        var verify = await cli.RunAsync("audit", "verify", "--tenant", "222127");
        verify.ExitCode.ShouldBe(0, verify.Out + verify.Error);
    }

    [Fact]
    public async Task restore_refuses_a_missing_file_and_a_file_that_is_not_a_backup()
    {
        var missing = await cli.RunAsync("db", "restore", "ない.backup", "--force");
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("ない.backup」がありません");

        await File.WriteAllTextAsync(Path.Combine(cli.Directory, "施設一覧.csv"), "施設コード,施設名\n");
        var notBackup = await cli.RunAsync("db", "restore", "施設一覧.csv", "--force");

        notBackup.ExitCode.ShouldBe(2);
        notBackup.Error.ShouldContain("施設一覧.csv」は InfraLedger のバックアップとして読めません");
        (await cli.RunAsync("audit", "verify", "--tenant", "222127")).ExitCode.ShouldBe(0, "the database is untouched");
    }

    /// <summary>A connection held open as the web app's pool holds one.</summary>
    private async Task<IAsyncDisposable> OpenAsync()
    {
        if (Live is { } postgres)
        {
            var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Pooling = false }.ConnectionString);
            await pg.OpenAsync();
            return pg;
        }

        var sqlite = new SqliteConnection($"Data Source={Path.Combine(cli.Directory, "infraledger.db")};Pooling=False");
        await sqlite.OpenAsync();
        await using var cmd = sqlite.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM facilities";
        await cmd.ExecuteScalarAsync();
        return sqlite;
    }
}
