using InfraLedger.Core.Common;
using Microsoft.Data.Sqlite;

namespace InfraLedger.Core.Database.Backup;

/// <summary>
/// Backup and restore of the embedded SQLite database with SQLite's online backup API: a consistent copy of every page
/// while the web app goes on reading and writing, and the reverse into the configured file. A backup is written beside
/// its destination and renamed when complete; a restore replaces the file's pages in one transaction (an interrupted
/// restore leaves the old database) and only when no other process has the file open.
/// </summary>
public static class SqliteBackup
{
    /// <summary>The database file of the settings (the CLI has made a relative path absolute).</summary>
    public static string PathOf(DatabaseSettings settings) => Path.GetFullPath(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);

    /// <summary>The refusal when the settings' database file does not exist (opening it would create an empty one).</summary>
    public static Error? Missing(DatabaseSettings settings) => File.Exists(PathOf(settings)) ? null : Errors.DatabaseMissing(PathOf(settings));

    public static async Task<Result<DatabaseBackup.Saved>> BackupAsync(DatabaseSettings settings, string file, bool force, CancellationToken ct)
    {
        if (Missing(settings) is { } missing)
        {
            return missing;
        }

        file = Path.GetFullPath(file);
        if (File.Exists(file) && !force)
        {
            return Errors.FileExists(file);
        }

        var partial = file + ".partial";
        File.Delete(partial);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        int version;
        try
        {
            await using (var source = Open(PathOf(settings), SqliteOpenMode.ReadOnly))
            await using (var copy = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                await source.OpenAsync(ct);
                await copy.OpenAsync(ct);
                source.BackupDatabase(copy);
                version = await VersionAsync(copy, ct) ?? 0;
            }

            File.Move(partial, file, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        return new DatabaseBackup.Saved(file, new FileInfo(file).Length, version, "SQLite online backup API");
    }

    public static async Task<Result<DatabaseBackup.Restored>> RestoreAsync(DatabaseSettings settings, string file, bool force, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            return Errors.BackupMissing(file);
        }

        var checkedBackup = await InspectAsync(file, ct);
        if (!checkedBackup.IsSuccess)
        {
            return checkedBackup.Error!;
        }

        var target = PathOf(settings);
        var exists = File.Exists(target) && new FileInfo(target).Length > 0;
        if (exists && !force)
        {
            return Errors.TargetExists($" SQLite ファイル「{target}」");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var destination = Open(target, SqliteOpenMode.ReadWriteCreate);
        await destination.OpenAsync(ct);
        if (exists && !await AloneAsync(destination, ct))
        {
            return Errors.SqliteInUse(target);
        }

        await using (var backup = Open(file, SqliteOpenMode.ReadOnly))
        {
            await backup.OpenAsync(ct);
            backup.BackupDatabase(destination);
        }

        // The mode the application uses (Migrator): readers go on while the CLI writes.
        await ExecuteAsync(destination, "PRAGMA journal_mode=WAL", ct);
        return new DatabaseBackup.Restored(target, checkedBackup.Value, "SQLite online backup API");
    }

    /// <summary>The schema version of a backup file, after SQLite has checked its structure.</summary>
    private static async Task<Result<int>> InspectAsync(string file, CancellationToken ct)
    {
        try
        {
            await using var backup = Open(file, SqliteOpenMode.ReadOnly);
            await backup.OpenAsync(ct);
            var check = (string?)await ScalarAsync(backup, "PRAGMA quick_check", ct);
            if (check != "ok")
            {
                return Errors.NotABackup(file, $"SQLite の検査で問題が見つかりました（{check}）");
            }

            if (await VersionAsync(backup, ct) is not { } version)
            {
                return Errors.NotABackup(file, "マイグレーションの記録（schema_migrations）がありません");
            }

            var known = Migrator.Scripts(DatabaseProvider.Sqlite).Max(s => s.Version);
            return version > known ? Errors.BackupNewerThanProgram(file, version, known) : version;
        }
        catch (SqliteException ex)
        {
            return Errors.NotABackup(file, ex.SqliteErrorCode == 26 ? "SQLite のデータベースではありません" : ex.Message);
        }
    }

    /// <summary>
    /// Whether this is the only connection to the file. Leaving WAL mode needs every other connection closed — an idle
    /// connection of the web app's pool included, which holds no lock a transaction would see.
    /// </summary>
    private static async Task<bool> AloneAsync(SqliteConnection connection, CancellationToken ct)
    {
        try
        {
            return (string?)await ScalarAsync(connection, "PRAGMA journal_mode=DELETE", ct) == "delete";
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            return false; // SQLITE_BUSY, SQLITE_LOCKED
        }
    }

    /// <summary>The last migration applied; null when the file has no record of migrations.</summary>
    private static async Task<int?> VersionAsync(SqliteConnection connection, CancellationToken ct)
    {
        if (await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", ct) is 0L)
        {
            return null;
        }

        return Convert.ToInt32(await ScalarAsync(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Unpooled (nothing stays open after the command) and without waiting on a busy file.</summary>
    private static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 1 }.ConnectionString);

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
