using InfraLedger.Core.Common;

namespace InfraLedger.Core.Database.Backup;

/// <summary>
/// <c>infraledger db backup</c> and <c>db restore</c> on the configured database: SQLite's online backup API for the
/// embedded file (<see cref="SqliteBackup"/>), pg_dump and pg_restore for PostgreSQL (<see cref="PostgresBackup"/>).
/// A backup file is of its provider: to move an embedded installation to PostgreSQL, use <see cref="SqliteToPostgres"/>.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>A backup written: its file, size, the last migration it holds and how it was made.</summary>
    public sealed record Saved(string File, long Bytes, int SchemaVersion, string Method);

    /// <summary>A backup restored: the file or database replaced, the last migration it holds and how.</summary>
    public sealed record Restored(string Target, int SchemaVersion, string Method);

    /// <summary>Writes a backup of the database to <paramref name="file"/>; <paramref name="force"/> overwrites an existing file.
    /// <paramref name="pgBin"/> is the directory of pg_dump (PostgreSQL only; null: Debian's, then the PATH).</summary>
    public static Task<Result<Saved>> BackupAsync(DatabaseSettings settings, string file, bool force, string? pgBin, CancellationToken ct) =>
        settings.Provider == DatabaseProvider.Sqlite
            ? SqliteBackup.BackupAsync(settings, file, force, ct)
            : PostgresBackup.BackupAsync(settings, file, force, pgBin, ct);

    /// <summary>Restores the database from <paramref name="file"/>; <paramref name="force"/> replaces a database that holds data.
    /// <paramref name="pgBin"/> is the directory of pg_restore (PostgreSQL only).</summary>
    public static Task<Result<Restored>> RestoreAsync(DatabaseSettings settings, string file, bool force, string? pgBin, CancellationToken ct) =>
        settings.Provider == DatabaseProvider.Sqlite
            ? SqliteBackup.RestoreAsync(settings, file, force, ct)
            : PostgresBackup.RestoreAsync(settings, file, force, pgBin, ct);
}
