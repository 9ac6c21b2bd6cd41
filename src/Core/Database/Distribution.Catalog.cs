using System.Data.Common;

namespace InfraLedger.Core.Database;

public static partial class Distribution
{
    /// <summary>Reads the tables, keys and foreign keys of the schema <c>public</c> of a PostgreSQL database from its catalog.</summary>
    public static async Task<Schema> ReadAsync(DbConnection connection, CancellationToken ct)
    {
        var tables = await RowsAsync(connection, TablesSql, r => r.GetString(0), ct);
        var tenant = (await RowsAsync(connection, TenantColumnsSql, r => (Table: r.GetString(0), Type: r.GetString(1), NotNull: r.GetBoolean(2)), ct))
            .ToDictionary(c => c.Table, c => (c.Type, c.NotNull), StringComparer.Ordinal);
        var keys = (await RowsAsync(connection, KeysSql, r => (Table: r.GetString(0), Key: new Key(r.GetString(1), r.GetString(2), r.GetFieldValue<string[]>(3))), ct))
            .ToLookup(k => k.Table, k => k.Key, StringComparer.Ordinal);
        var foreignKeys = (await RowsAsync(connection, ForeignKeysSql, r => (Table: r.GetString(0), Key: new ForeignKey(r.GetString(1), r.GetFieldValue<string[]>(2),
                r.GetString(3), r.GetFieldValue<string[]>(4), r.GetString(5)[0], r.GetString(6)[0])), ct))
            .ToLookup(k => k.Table, k => k.Key, StringComparer.Ordinal);
        var generated = (await RowsAsync(connection, GeneratedSql, r => (Table: r.GetString(0), Column: r.GetString(1), Type: r.GetString(2)), ct))
            .ToLookup(g => g.Table, g => (g.Column, g.Type), StringComparer.Ordinal);
        return new Schema([.. tables.Select(t => new Table(t, tenant.TryGetValue(t, out var c) ? c : null, [.. keys[t]], [.. foreignKeys[t]], [.. generated[t]]))]);
    }

    private static async Task<List<T>> RowsAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private const string Tables = "c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition";

    private const string TablesSql = $"SELECT c.relname::text FROM pg_class c WHERE {Tables} ORDER BY 1";

    private const string TenantColumnsSql = $"""
        SELECT c.relname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull
          FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
         WHERE {Tables} AND a.attname = '{Column}' AND NOT a.attisdropped
        """;

    private const string KeysSql = $"""
        SELECT c.relname::text, k.conname::text,
               CASE k.contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique' ELSE 'exclusion' END,
               ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS n(attnum, i)
                       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = n.attnum ORDER BY n.i)
          FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
         WHERE {Tables} AND k.contype IN ('p', 'u', 'x')
        UNION ALL
        SELECT c.relname::text, i.relname::text, 'unique index',
               ARRAY(SELECT coalesce(a.attname::text, '(expression)') FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS n(attnum, i)
                       LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = n.attnum ORDER BY n.i)
          FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
         WHERE {Tables} AND x.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid)
        """;

    private const string ForeignKeysSql = $"""
        SELECT c.relname::text, k.conname::text,
               ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS n(attnum, i)
                       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = n.attnum ORDER BY n.i),
               r.relname::text,
               ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS n(attnum, i)
                       JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = n.attnum ORDER BY n.i),
               k.confdeltype::text, k.confupdtype::text
          FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
         WHERE {Tables} AND k.contype = 'f'
        """;

    private const string GeneratedSql = $"""
        SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod)
          FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE {Tables} AND (a.attidentity <> '' OR pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%')
        """;
}
