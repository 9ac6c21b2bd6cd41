using Npgsql;

namespace InfraLedger.Core.Database.Backup;

/// <summary>
/// The tables of a PostgreSQL database's current schema as its catalogue describes them — columns, primary key, the tables
/// each references, identity and serial columns — so that copying and restoring cover every table the migrations created,
/// including tables added after this code was written. Nothing here lists tables by name.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>A column. <paramref name="Udt"/> is the type's internal name (int4, varchar, timestamptz …), <paramref name="Type"/> its SQL name without modifiers.</summary>
    public sealed record Column(string Name, string Udt, string Type, int? MaxLength, bool Generated, bool Nullable, bool HasDefault, bool HasSequence);

    public sealed record Table(string Name, IReadOnlyList<Column> Columns, IReadOnlyList<string> PrimaryKey, IReadOnlySet<string> References);

    /// <summary>The table of applied migrations: the migrator writes it, copies and comparisons leave it out.</summary>
    public const string Migrations = "schema_migrations";

    /// <summary>The base tables of the current schema, by name.</summary>
    public static async Task<List<string>> TableNamesAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken ct)
    {
        var names = new List<string>();
        await using var cmd = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
            connection, tx);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>Every base table of the current schema with its columns in order, primary key and referenced tables.</summary>
    public static async Task<List<Table>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken ct)
    {
        var columns = new Dictionary<string, List<Column>>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand(
            """
            SELECT c.table_name, c.column_name, c.udt_name, c.data_type, c.character_maximum_length, c.is_generated = 'ALWAYS',
                   c.is_nullable = 'YES', c.column_default IS NOT NULL OR c.is_identity = 'YES',
                   pg_get_serial_sequence(quote_ident(c.table_schema) || '.' || quote_ident(c.table_name), c.column_name) IS NOT NULL
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
            ORDER BY c.table_name, c.ordinal_position
            """, connection, tx))
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var table = reader.GetString(0);
                if (!columns.TryGetValue(table, out var list))
                {
                    columns[table] = list = [];
                }

                list.Add(new Column(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    reader.GetBoolean(5), reader.GetBoolean(6), reader.GetBoolean(7), reader.GetBoolean(8)));
            }
        }

        var keys = await PairsAsync(connection, tx,
            """
            SELECT cl.relname, a.attname
            FROM pg_index i
            JOIN pg_class cl ON cl.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = cl.relnamespace
            JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
            JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum = k.attnum
            WHERE i.indisprimary AND n.nspname = current_schema()
            ORDER BY cl.relname, k.position
            """, ct);
        var references = await PairsAsync(connection, tx,
            """
            SELECT cl.relname, pl.relname
            FROM pg_constraint k
            JOIN pg_class cl ON cl.oid = k.conrelid
            JOIN pg_class pl ON pl.oid = k.confrelid
            JOIN pg_namespace n ON n.oid = cl.relnamespace
            WHERE k.contype = 'f' AND n.nspname = current_schema()
            """, ct);
        return columns
            .Select(c => new Table(c.Key, c.Value,
                keys.Where(k => k.Table == c.Key).Select(k => k.Other).ToList(),
                references.Where(r => r.Table == c.Key).Select(r => r.Other).ToHashSet(StringComparer.Ordinal)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The tables with every referenced table before the tables that reference it (foreign keys hold as each table is
    /// filled), alphabetical among equals so that the order is the same on every run.
    /// </summary>
    public static List<Table> InDependencyOrder(IReadOnlyList<Table> tables)
    {
        var byName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var ordered = new List<Table>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < tables.Count)
        {
            var next = tables
                .Where(t => !placed.Contains(t.Name))
                .FirstOrDefault(t => t.References.All(r => r == t.Name || placed.Contains(r) || !byName.ContainsKey(r)))
                // A cycle of foreign keys between tables (none in the schema today): filling in any order would break one.
                ?? throw new InvalidOperationException(
                    "外部キーが循環しているため表の順序を決められません: " + string.Join(", ", tables.Where(t => !placed.Contains(t.Name)).Select(t => t.Name)));
            if (next.References.Contains(next.Name))
            {
                // A table referencing itself would need its rows in parent-first order; none does today.
                throw new InvalidOperationException($"表 {next.Name} は自分自身を参照しています。行の順序を決める処理が必要です。");
            }

            ordered.Add(next);
            placed.Add(next.Name);
        }

        return ordered;
    }

    private static async Task<List<(string Table, string Other)>> PairsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        var pairs = new List<(string, string)>();
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pairs;
    }
}
