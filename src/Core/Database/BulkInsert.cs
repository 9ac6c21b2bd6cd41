using System.Data.Common;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace InfraLedger.Core.Database;

/// <summary>
/// Inserts many new rows in the current transaction without the change tracker: binary COPY on PostgreSQL, one
/// prepared INSERT on SQLite. Columns and value conversions come from the EF model, so the rows are what
/// SaveChanges would have written. Tenant-owned rows must belong to the scope's tenant; the caller writes their
/// audit events (see RegisterImport). Reference data (published statistics) has no tenant and no audit trail.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (typeof(ITenantOwned).IsAssignableFrom(typeof(T)))
        {
            // Fail closed, as SaveChanges does: only the scope's tenant, never without one.
            var tenant = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていない状態で一括登録しようとしました。");
            if (rows.Any(r => ((ITenantOwned)r).TenantId != tenant))
            {
                throw new InvalidOperationException($"テナント {tenant} の作業単位で別テナントの行を一括登録しようとしました。");
            }
        }

        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var columns = entity.GetProperties().ToList();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("一括登録はトランザクションの中で行います。");
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, table, columns, rows, ct);
        }
        else
        {
            await PreparedInsertAsync(connection, transaction, table, columns, rows, ct);
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, List<IProperty> columns, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        // Quoted: a column may be named after a reserved word (similar_groups.group).
        var names = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""));
        var types = columns.Select(c => BaseType(c.GetColumnType())).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
        // Synchronous writes into Npgsql's buffer: an await per cell costs more than the COPY itself
        // (tens of millions of cells in a large import); the buffer is flushed as it fills.
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            writer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                var value = ProviderValue(columns[i], row);
                if (value is null)
                {
                    writer.WriteNull();
                }
                else
                {
                    writer.Write(value, types[i]);
                }
            }
        }

        await writer.CompleteAsync(ct);
    }

    private static async Task PreparedInsertAsync<T>(DbConnection connection, DbTransaction transaction, string table, List<IProperty> columns, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((_, i) =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = $"@p{i}";
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        await cmd.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = ProviderValue(columns[i], row) ?? DBNull.Value;
            }

            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The value as the provider stores it (enums as numbers, yen as integers on SQLite, UTC times …).</summary>
    private static object? ProviderValue(IProperty property, object row)
    {
        var value = property.PropertyInfo!.GetValue(row);
        var converter = property.GetTypeMapping().Converter;
        return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
    }

    /// <summary>"character varying(200)" → "character varying": COPY takes the type without its modifiers.</summary>
    private static string BaseType(string columnType) =>
        columnType.IndexOf('(', StringComparison.Ordinal) is var i and >= 0 ? columnType[..i].Trim() : columnType;
}
