using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// Every table of a database, each row written as one canonical string (columns by name, values normalised) and the rows
/// sorted, so that two databases compare table by table and row by row — also across providers, where the PostgreSQL
/// column's type says how to read SQLite's text: times as UTC to the microsecond (PostgreSQL's precision), dates as
/// dates, decimals without trailing zeros, booleans from 0/1, padded <c>character(n)</c> trimmed. The tables come from each
/// database's own catalogue; SQLite's internal and full-text tables are its machinery, not data.
/// </summary>
internal static class TableSnapshot
{
    public static async Task<SortedDictionary<string, List<string>>> OfSqliteAsync(string file, IReadOnlyDictionary<string, Dictionary<string, string>>? postgresTypes = null)
    {
        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var table in names)
        {
            var types = postgresTypes?.GetValueOrDefault(table);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            tables[table] = await RowsAsync(await cmd.ExecuteReaderAsync(), (name, value) => Canonical(value, types?.GetValueOrDefault(name)));
        }

        return tables;
    }

    public static async Task<SortedDictionary<string, List<string>>> OfPostgresAsync(string connectionString)
    {
        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        foreach (var (table, types) in await ColumnTypesAsync(connection))
        {
            await using var cmd = new NpgsqlCommand($"SELECT * FROM \"{table}\"", connection);
            tables[table] = await RowsAsync(await cmd.ExecuteReaderAsync(), (name, value) => Canonical(value, types.GetValueOrDefault(name)));
        }

        return tables;
    }

    /// <summary>Per table of the current schema, its columns' PostgreSQL types (udt names).</summary>
    public static async Task<Dictionary<string, Dictionary<string, string>>> ColumnTypesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return await ColumnTypesAsync(connection);
    }

    private static async Task<Dictionary<string, Dictionary<string, string>>> ColumnTypesAsync(NpgsqlConnection connection)
    {
        var types = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand(
            "SELECT c.table_name, c.column_name, c.udt_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name) "
            + "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!types.TryGetValue(reader.GetString(0), out var columns))
            {
                types[reader.GetString(0)] = columns = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            columns[reader.GetString(1)] = reader.GetString(2);
        }

        return types;
    }

    private static async Task<List<string>> RowsAsync(System.Data.Common.DbDataReader reader, Func<string, object?, string> canonical)
    {
        await using var _ = reader;
        var rows = new List<string>();
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var order = Enumerable.Range(0, names.Length).OrderBy(i => names[i], StringComparer.Ordinal).ToArray();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", order.Select(i => $"{names[i]}={canonical(names[i], reader.IsDBNull(i) ? null : reader.GetValue(i))}")));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>A value in one spelling whichever database it came from; <paramref name="udt"/> is the PostgreSQL type of a SQLite value.</summary>
    private static string Canonical(object? value, string? udt)
    {
        var c = CultureInfo.InvariantCulture;
        return (value, udt) switch
        {
            (null, _) => "∅",
            (long l, "bool") => l != 0 ? "true" : "false",
            (bool b, _) => b ? "true" : "false",
            (string s, "numeric") => Decimal(decimal.Parse(s, NumberStyles.Float, c)),
            (long l, "numeric") => Decimal(l),
            (double d, "numeric") => Decimal((decimal)d),
            (decimal d, _) => Decimal(d),
            (long l, "float4" or "float8") => ((double)l).ToString("R", c),
            (double d, _) => d.ToString("R", c),
            (float f, _) => ((double)f).ToString("R", c),
            (string s, "date") => DateOnly.FromDateTime(DateTime.Parse(s, c)).ToString("yyyy-MM-dd", c),
            (DateOnly d, _) => d.ToString("yyyy-MM-dd", c),
            (DateTime t, _) => Microseconds(t.Kind == DateTimeKind.Unspecified ? t : t.ToUniversalTime()),
            (string s, "timestamptz") => Microseconds(DateTimeOffset.Parse(s, c, DateTimeStyles.AssumeUniversal).UtcDateTime),
            (string s, "timestamp") => Microseconds(DateTime.Parse(s, c)),
            (string s, "uuid") => Guid.Parse(s, c).ToString("D"),
            (Guid g, _) => g.ToString("D"),
            (byte[] b, _) => "0x" + Convert.ToHexString(b),
            (string s, "bpchar") => s.TrimEnd(' '),
            (string s, _) => s,
            (IFormattable f, _) => f.ToString(null, c),
            _ => value.ToString() ?? "",
        };
    }

    /// <summary>The same tables with the same rows; else the first table that differs, with rows missing and rows extra.</summary>
    public static void ShouldHaveTheRowsOf(this SortedDictionary<string, List<string>> actual, SortedDictionary<string, List<string>> expected)
    {
        actual.Keys.ShouldBe(expected.Keys, "the same tables");
        foreach (var (table, rows) in expected)
        {
            var missing = rows.Except(actual[table], StringComparer.Ordinal).Take(2).ToList();
            var extra = actual[table].Except(rows, StringComparer.Ordinal).Take(2).ToList();
            missing.ShouldBeEmpty($"{table}: rows missing, e.g. {string.Join(" / ", missing)}; rows extra, e.g. {string.Join(" / ", extra)}");
            extra.ShouldBeEmpty($"{table}: rows extra, e.g. {string.Join(" / ", extra)}");
            actual[table].Count.ShouldBe(rows.Count, table);
        }
    }

    private static string Decimal(decimal d) => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Microseconds(DateTime t) => new DateTime(t.Ticks - (t.Ticks % 10), t.Kind).ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
