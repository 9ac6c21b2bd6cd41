using InfraLedger.Core.Database.Backup;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// Puts two rows into every table of a SQLite database that the demo leaves empty, written as EF Core's SQLite provider
/// writes them (times and dates as text, decimals as text, booleans as 0/1), with the type of each column taken from a
/// migrated PostgreSQL schema — so a copy meets every column type of every table, including tables added by later
/// migrations. Foreign keys point at existing rows (a composite key's shared columns, such as tenant_id, agree).
/// </summary>
internal static class EveryTableFiller
{
    public static async Task FillAsync(string sqliteFile, string migratedPostgres)
    {
        List<PostgresSchema.Table> schema;
        await using (var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(migratedPostgres) { Pooling = false }.ConnectionString))
        {
            await pg.OpenAsync();
            schema = PostgresSchema.InDependencyOrder((await PostgresSchema.ReadAsync(pg, null, CancellationToken.None)).Where(t => t.Name != PostgresSchema.Migrations).ToList());
        }

        await using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqliteFile, Pooling = false }.ConnectionString);
        await db.OpenAsync();
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync();
        foreach (var table in schema)
        {
            if ((long)(await ScalarAsync(db, tx, $"SELECT COUNT(*) FROM \"{table.Name}\""))! > 0)
            {
                continue;
            }

            var keys = await ForeignKeysAsync(db, tx, table.Name);
            for (var r = 0; r < 2; r++)
            {
                var values = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    await ReferToAsync(db, tx, key, values, r);
                }

                foreach (var column in table.Columns.Where(c => !c.Generated && !values.ContainsKey(c.Name)))
                {
                    values[column.Name] = Value(column, r);
                }

                await using var insert = db.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", values.Keys.Select(k => $"\"{k}\""))}) "
                    + $"VALUES ({string.Join(", ", values.Keys.Select((_, i) => "@p" + i))})";
                foreach (var (value, i) in values.Values.Select((v, i) => (v, i)))
                {
                    insert.Parameters.AddWithValue("@p" + i, value ?? DBNull.Value);
                }

                await insert.ExecuteNonQueryAsync();
            }
        }

        await tx.CommitAsync();
    }

    private sealed record ForeignKey(string Parent, List<(string From, string To)> Columns);

    private static async Task<List<ForeignKey>> ForeignKeysAsync(SqliteConnection db, SqliteTransaction tx, string table)
    {
        var keys = new Dictionary<long, ForeignKey>();
        await using var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(@t) ORDER BY id, seq";
        cmd.Parameters.AddWithValue("@t", table);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!keys.TryGetValue(reader.GetInt64(0), out var key))
            {
                keys[reader.GetInt64(0)] = key = new ForeignKey(reader.GetString(1), []);
            }

            key.Columns.Add((reader.GetString(2), reader.GetString(3)));
        }

        // Widest first: (tenant_id, facility_code) fixes tenant_id before the single-column key to the tenant does.
        return keys.Values.OrderByDescending(k => k.Columns.Count).ToList();
    }

    /// <summary>The columns of a foreign key from the r-th parent row that agrees with the columns already set.</summary>
    private static async Task ReferToAsync(SqliteConnection db, SqliteTransaction tx, ForeignKey key, Dictionary<string, object?> values, int r)
    {
        var fixedColumns = key.Columns.Where(c => values.ContainsKey(c.From)).ToList();
        foreach (var offset in new[] { r, 0 })
        {
            await using var cmd = db.CreateCommand();
            cmd.Transaction = tx;
            var where = fixedColumns.Count == 0 ? "" : " WHERE " + string.Join(" AND ", fixedColumns.Select((c, i) => $"\"{c.To}\" = @w{i}"));
            cmd.CommandText = $"SELECT {string.Join(", ", key.Columns.Select(c => $"\"{c.To}\""))} FROM \"{key.Parent}\"{where} ORDER BY rowid LIMIT 1 OFFSET {offset}";
            foreach (var (column, i) in fixedColumns.Select((c, i) => (c, i)))
            {
                cmd.Parameters.AddWithValue("@w" + i, values[column.From]);
            }

            await using var reader = await cmd.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                for (var i = 0; i < key.Columns.Count; i++)
                {
                    values[key.Columns[i].From] = reader.GetValue(i);
                }

                return;
            }
        }

        throw new InvalidOperationException($"no row of {key.Parent} to refer to");
    }

    /// <summary>A value of the column's type as EF Core's SQLite provider stores it, different in each of the two rows.</summary>
    private static object Value(PostgresSchema.Column column, int r) => column.Udt switch
    {
        "bool" => (long)(r % 2),
        "int2" => 700L + r,
        "int4" or "int8" => 900_000L + r,
        "numeric" => r == 0 ? "1234" : "56789",
        "float4" or "float8" => 0.125 + r,
        "date" => $"2026-04-0{r + 1}",
        "timestamptz" or "timestamp" => $"2026-04-01 09:30:15.12345{r}",
        "bytea" => new byte[] { 0x01, 0x02, 0xff, (byte)r },
        "uuid" => (r == 0 ? Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff") : Guid.Parse("7f9619ff-8b86-d011-b42d-00c04fc964ff")).ToString("D").ToUpperInvariant(),
        "json" or "jsonb" => $"{{\"row\":{r}}}",
        _ => Text(column, r),
    };

    private static string Text(PostgresSchema.Column column, int r)
    {
        var text = $"試験{r}の値「{column.Name}」";
        return column.MaxLength is { } max
            ? column.Udt == "bpchar" ? (r + text).PadRight(max, 'x')[..max] : text[..Math.Min(text.Length, max)][..^1] + r
            : text;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection db, SqliteTransaction tx, string sql)
    {
        await using var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }
}
