using System.Globalization;
using InfraLedger.Core.Common;
using Npgsql;

namespace InfraLedger.Core.Database.Backup;

/// <summary>
/// Backup and restore of a PostgreSQL database with pg_dump and pg_restore (custom format: compressed, every table, the
/// schema and the migrations' record). The dump is written beside its destination and renamed when complete. The restore
/// runs in one transaction (<c>--single-transaction --exit-on-error</c>: all or nothing) without owners and grants, so a
/// backup of one role's database restores into another's; it replaces an existing database only with <c>--force</c>, and
/// never while other sessions are connected to it.
/// </summary>
internal static class PostgresBackup
{
    public static async Task<Result<DatabaseBackup.Saved>> BackupAsync(DatabaseSettings settings, string file, bool force, string? pgBin, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (File.Exists(file) && !force)
        {
            return Errors.FileExists(file);
        }

        var connection = Builder(settings);
        int major, version;
        await using (var pg = new NpgsqlConnection(connection.ConnectionString))
        {
            await pg.OpenAsync(ct);
            major = await PostgresTools.ServerMajorAsync(pg, ct);
            version = await VersionAsync(pg, ct);
        }

        var tool = await PostgresTools.FindAsync("pg_dump", major, pgBin, ct);
        if (!tool.IsSuccess)
        {
            return tool.Error!;
        }

        var partial = file + ".partial";
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            var run = await PostgresTools.RunAsync(tool.Value, ["--format=custom", "--file=" + partial], connection, ct);
            if (run.ExitCode != 0)
            {
                return Errors.ToolFailed("pg_dump", run.ExitCode, run.Error);
            }

            File.Move(partial, file, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        return new DatabaseBackup.Saved(file, new FileInfo(file).Length, version, $"pg_dump ({tool.Value})");
    }

    public static async Task<Result<DatabaseBackup.Restored>> RestoreAsync(DatabaseSettings settings, string file, bool force, string? pgBin, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            return Errors.BackupMissing(file);
        }

        var connection = Builder(settings);
        await using var pg = new NpgsqlConnection(connection.ConnectionString);
        await pg.OpenAsync(ct);
        var tool = await PostgresTools.FindAsync("pg_restore", await PostgresTools.ServerMajorAsync(pg, ct), pgBin, ct);
        if (!tool.IsSuccess)
        {
            return tool.Error!;
        }

        var list = await PostgresTools.RunAsync(tool.Value, ["--list", file], null, ct);
        if (list.ExitCode != 0)
        {
            return Errors.NotABackup(file, list.Error.Trim());
        }

        var archived = PostgresTools.ArchiveTables(list.Out);
        if (!archived.Contains(PostgresSchema.Migrations))
        {
            return Errors.NotABackup(file, "マイグレーションの記録（schema_migrations）がありません");
        }

        var version = await ArchiveVersionAsync(tool.Value, file, ct);
        var known = Migrator.Scripts(DatabaseProvider.Postgres).Max(s => s.Version);
        if (version > known)
        {
            return Errors.BackupNewerThanProgram(file, version, known);
        }

        var present = await PostgresSchema.TableNamesAsync(pg, null, ct);
        if (present.Count > 0 && !force)
        {
            return Errors.TargetExists($" PostgreSQL のデータベース「{pg.Database}」");
        }

        await using (var others = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", pg))
        {
            var sessions = Convert.ToInt32(await others.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            if (sessions > 0)
            {
                return Errors.PostgresInUse(pg.Database, sessions);
            }
        }

        // --clean drops what the archive holds; a table it does not hold would outlive the restore beside an older
        // migrations' record, and the next migration would fail on it.
        var strays = present.Except(archived, StringComparer.Ordinal).ToList();
        if (strays.Count > 0)
        {
            return Errors.TablesNotInBackup(strays);
        }

        await pg.CloseAsync();
        string[] options = present.Count > 0
            ? ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--clean", "--if-exists", file]
            : ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", file];
        var run = await PostgresTools.RunAsync(tool.Value, options, connection, ct);
        return run.ExitCode != 0
            ? Errors.ToolFailed("pg_restore", run.ExitCode, run.Error)
            : new DatabaseBackup.Restored(connection.Database ?? pg.Database, version, $"pg_restore ({tool.Value})");
    }

    private static NpgsqlConnectionStringBuilder Builder(DatabaseSettings settings) =>
        new(settings.ConnectionString) { Pooling = false };

    private static async Task<int> VersionAsync(NpgsqlConnection pg, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", pg);
        try
        {
            return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    /// <summary>The last migration recorded in the archive: the data of its <c>schema_migrations</c>, as pg_restore prints it.</summary>
    private static async Task<int> ArchiveVersionAsync(string pgRestore, string file, CancellationToken ct)
    {
        var data = await PostgresTools.RunAsync(pgRestore, ["--data-only", "--table=" + PostgresSchema.Migrations, "--file=-", file], null, ct);
        var versions = data.Out.Split('\n')
            .SkipWhile(l => !l.StartsWith("COPY ", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l != "\\.")
            .Select(l => int.TryParse(l.Split('\t')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0);
        return versions.DefaultIfEmpty(0).Max();
    }
}
