using System.Diagnostics;
using InfraLedger.Core.Common;
using InfraLedger.Core.Operations;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InfraLedger.Core.Database.Backup;

/// <summary>
/// Moves an embedded SQLite installation to PostgreSQL (<c>infraledger db copy --to postgres</c>): the empty target is
/// migrated to this build's schema, then every table of its schema — read from PostgreSQL's catalogue, not listed here — is
/// filled from the SQLite file by binary COPY, referenced tables first, in one transaction with the identity sequences
/// set past the copied keys. Any refusal (a value PostgreSQL's type cannot hold, a schema that differs) rolls everything
/// back and names the table, row and column; the target is then migrated and empty, and the command can run again.
/// The SQLite file is read in one read transaction (a consistent snapshot) and never written.
/// </summary>
public static class SqliteToPostgres
{
    public sealed record TableCopied(string Table, long Rows);

    public sealed record Outcome(IReadOnlyList<TableCopied> Tables, IReadOnlyList<string> Notes, int SchemaVersion, TimeSpan Elapsed)
    {
        public long Rows => Tables.Sum(t => t.Rows);
    }

    /// <param name="source">The configured database, SQLite.</param>
    /// <param name="target">The connection string of the empty PostgreSQL database.</param>
    /// <param name="migrations">Each migration applied to the target.</param>
    /// <param name="tables">Each table once copied (not yet committed).</param>
    /// <param name="ct">Cancels the copy; nothing is committed.</param>
    public static async Task<Result<Outcome>> CopyAsync(DatabaseSettings source, string target, IProgress<string>? migrations, IProgress<TableCopied>? tables,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (source.Provider != DatabaseProvider.Sqlite)
        {
            return Errors.CopyNeedsSqlite;
        }

        if (SqliteBackup.Missing(source) is { } missing)
        {
            return missing;
        }

        await using (var db = source.CreateContext())
        {
            var current = await Readiness.CheckAsync(db, DatabaseProvider.Sqlite, ct);
            if (!current.Ready)
            {
                return Errors.SourceNotCurrent(current.Description);
            }
        }

        NpgsqlConnection pg;
        try
        {
            pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target) { Pooling = false }.ConnectionString);
            await pg.OpenAsync(ct);
        }
        catch (Exception ex) when (ex is ArgumentException or NpgsqlException or TimeoutException)
        {
            return Errors.CopyTargetUnreachable(ex.Message);
        }

        await using (pg)
        {
            if (await RefuseNonEmptyAsync(pg, ct) is { } refused)
            {
                return refused;
            }

            await Migrator.MigrateAsync(new DatabaseSettings(DatabaseProvider.Postgres, target), migrations, ct);
            var schema = (await PostgresSchema.ReadAsync(pg, null, ct)).Where(t => t.Name != PostgresSchema.Migrations).ToList();
            var notes = new List<string>();
            await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(source.ConnectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            await sqlite.OpenAsync(ct);
            await using var snapshot = (SqliteTransaction)await sqlite.BeginTransactionAsync(ct);
            var plan = await PlanAsync(sqlite, snapshot, schema, notes, ct);
            if (!plan.IsSuccess)
            {
                return plan.Error!;
            }

            await using var tx = await pg.BeginTransactionAsync(ct);
            var copied = new List<TableCopied>();
            foreach (var table in plan.Value)
            {
                var rows = await CopyTableAsync(sqlite, snapshot, pg, table, ct);
                if (!rows.IsSuccess)
                {
                    return rows.Error!;
                }

                copied.Add(new TableCopied(table.Table.Name, rows.Value));
                tables?.Report(copied[^1]);
            }

            await ResetSequencesAsync(pg, tx, schema, ct);
            await tx.CommitAsync(ct);
            return new Outcome(copied, notes, Migrator.Scripts(DatabaseProvider.Postgres).Max(s => s.Version), clock.Elapsed);
        }
    }

    /// <summary>A table to fill and the columns both sides have, in the target's order.</summary>
    private sealed record TablePlan(PostgresSchema.Table Table, IReadOnlyList<PostgresSchema.Column> Columns);

    /// <summary>
    /// Refuses a target that holds anything: tables that are not InfraLedger's, or any row outside the migrations'
    /// record. A target this command migrated and then rolled back (a refused value) is empty and accepted.
    /// </summary>
    private static async Task<Error?> RefuseNonEmptyAsync(NpgsqlConnection pg, CancellationToken ct)
    {
        var tables = await PostgresSchema.TableNamesAsync(pg, null, ct);
        if (tables.Count == 0)
        {
            return null;
        }

        if (!tables.Contains(PostgresSchema.Migrations))
        {
            return Errors.TargetForeign(tables.Take(5));
        }

        var filled = new List<string>();
        foreach (var table in tables.Where(t => t != PostgresSchema.Migrations))
        {
            await using var cmd = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM \"{table}\")", pg);
            if ((bool)(await cmd.ExecuteScalarAsync(ct))!)
            {
                filled.Add(table);
            }
        }

        return filled.Count == 0 ? null : Errors.TargetNotEmpty(filled.Take(5));
    }

    /// <summary>
    /// Matches the target's tables and columns with the SQLite file's. The SQLite file's own machinery (its internal
    /// tables, the full-text indexes of migration 0018 and their shadow tables, rebuilt by PostgreSQL's own indexes) is not
    /// data; any other table or column of the file the target lacks would be lost, so it is refused.
    /// </summary>
    private static async Task<Result<List<TablePlan>>> PlanAsync(SqliteConnection sqlite, SqliteTransaction tx, List<PostgresSchema.Table> tables, List<string> notes,
        CancellationToken ct)
    {
        var sourceTables = new List<string>();
        await using (var cmd = sqlite.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                sourceTables.Add(reader.GetString(0));
            }
        }

        var byName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var strays = sourceTables.Where(t => t != PostgresSchema.Migrations && !byName.ContainsKey(t)).ToList();
        if (strays.Count > 0)
        {
            return Errors.SchemaMismatch($"PostgreSQL のスキーマにない表が SQLite にあります（{string.Join("、", strays)}）");
        }

        var plans = new List<TablePlan>();
        foreach (var table in PostgresSchema.InDependencyOrder(tables))
        {
            if (!sourceTables.Contains(table.Name))
            {
                notes.Add($"{table.Name}: SQLite にない表のため空のままです / not in the SQLite file, left empty");
                continue;
            }

            var sourceColumns = new HashSet<string>(StringComparer.Ordinal);
            await using (var cmd = sqlite.CreateCommand())
            {
                cmd.Transaction = tx;
                // hidden: 0 a normal column, 1 a virtual table's hidden column, 2 and 3 generated columns (not data).
                cmd.CommandText = "SELECT name FROM pragma_table_xinfo(@t) WHERE hidden = 0";
                cmd.Parameters.AddWithValue("@t", table.Name);
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    sourceColumns.Add(reader.GetString(0));
                }
            }

            var columns = new List<PostgresSchema.Column>();
            foreach (var column in table.Columns.Where(c => !c.Generated))
            {
                if (!SqliteValues.Supports(column.Udt))
                {
                    return Errors.UnsupportedColumnType(table.Name, column.Name, column.Type);
                }

                if (sourceColumns.Remove(column.Name))
                {
                    columns.Add(column);
                }
                else if (column.Nullable || column.HasDefault)
                {
                    notes.Add($"{table.Name}.{column.Name}: SQLite にない列のため既定値のままです / not in the SQLite file, left to its default");
                }
                else
                {
                    return Errors.SchemaMismatch($"表 {table.Name} の列 {column.Name}（必須）が SQLite にありません");
                }
            }

            if (sourceColumns.Count > 0)
            {
                return Errors.SchemaMismatch($"表 {table.Name} の列 {string.Join("、", sourceColumns)} が PostgreSQL にありません");
            }

            plans.Add(new TablePlan(table, columns));
        }

        return plans;
    }

    private static async Task<Result<long>> CopyTableAsync(SqliteConnection sqlite, SqliteTransaction snapshot, NpgsqlConnection pg, TablePlan plan, CancellationToken ct)
    {
        var name = plan.Table.Name;
        var names = string.Join(", ", plan.Columns.Select(c => $"\"{c.Name}\""));
        var key = plan.Table.PrimaryKey.Select(k => plan.Columns.ToList().FindIndex(c => c.Name == k)).Where(i => i >= 0).ToArray();
        await using var read = sqlite.CreateCommand();
        read.Transaction = snapshot;
        read.CommandText = $"SELECT {names} FROM \"{name}\"";
        await using var reader = await read.ExecuteReaderAsync(ct);
        long row = 0;
        try
        {
            await using var importer = await pg.BeginBinaryImportAsync($"COPY \"{name}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
            // Synchronous writes into Npgsql's buffer, sent as it fills (as BulkInsert does): an await per cell would cost
            // more than the COPY itself.
            while (await reader.ReadAsync(ct))
            {
                row++;
                importer.StartRow();
                for (var i = 0; i < plan.Columns.Count; i++)
                {
                    var column = plan.Columns[i];
                    if (reader.IsDBNull(i))
                    {
                        importer.WriteNull();
                        continue;
                    }

                    var raw = reader.GetValue(i);
                    var (value, problem) = SqliteValues.Convert(raw, column.Udt, column.MaxLength);
                    if (problem is not null)
                    {
                        var where = string.Join(", ", key.Select(k => $"{plan.Columns[k].Name}={(reader.IsDBNull(k) ? "NULL" : SqliteValues.Show(reader.GetValue(k)))}"));
                        // Disposing the importer without completing it cancels the COPY; the caller's transaction rolls back.
                        return Errors.BadValue(name, row, where, column.Name, SqliteValues.Show(raw), column.Type, problem);
                    }

                    importer.Write(value!, column.Type);
                }
            }

            var written = await importer.CompleteAsync(ct);
            return written == (ulong)row ? row : throw new InvalidOperationException($"表 {name}: {row} 行を読み、{written} 行を書きました。");
        }
        catch (PostgresException ex) when (ex.SqlState.StartsWith("22", StringComparison.Ordinal) || ex.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            // Class 22 (data exception) and 23 (integrity constraint violation): the data, not the code.
            return Errors.TargetRefused(name, $"{ex.MessageText}{(ex.Detail is { } d ? "（" + d + "）" : "")}{(ex.Where is { } w ? " " + w : "")}");
        }
    }

    /// <summary>Identity and serial columns continue after the largest copied key (COPY gives the keys explicitly).</summary>
    private static async Task ResetSequencesAsync(NpgsqlConnection pg, NpgsqlTransaction tx, IEnumerable<PostgresSchema.Table> tables, CancellationToken ct)
    {
        foreach (var (table, column) in tables.SelectMany(t => t.Columns.Where(c => c.HasSequence).Select(c => (t.Name, c.Name))))
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence(@t, @c), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)", pg, tx);
            cmd.Parameters.AddWithValue("t", $"\"{table}\"");
            cmd.Parameters.AddWithValue("c", column);
            await cmd.ExecuteScalarAsync(ct);
        }
    }
}
