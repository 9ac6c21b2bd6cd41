using System.Data.Common;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace InfraLedger.Core.Database;

/// <summary>
/// Inserts many new rows in the current transaction without the change tracker: binary COPY on PostgreSQL, one
/// prepared INSERT on SQLite. Columns and value conversions come from the EF model, so the rows are what
/// SaveChanges would have written. Tenant-owned rows must belong to the scope's tenant; whoever writes them also
/// writes their audit record (see RegisterImport). Reference data (published statistics) has no tenant and no
/// audit trail.
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

        await using var writer = await OpenAsync<T>(db, ct);
        foreach (var row in rows)
        {
            await writer.WriteAsync(row, ct);
        }

        await writer.CompleteAsync(ct);
    }

    /// <summary>
    /// Starts writing rows one by one, so that they stream to the database while the caller produces the next
    /// ones. On PostgreSQL the connection is busy with the COPY until <see cref="Writer{T}.CompleteAsync"/>;
    /// disposing without completing cancels the rows written.
    /// </summary>
    public static async Task<Writer<T>> OpenAsync<T>(AppDbContext db, CancellationToken ct)
        where T : class
    {
        var tenant = typeof(ITenantOwned).IsAssignableFrom(typeof(T))
            ? db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていない状態で一括登録しようとしました。")
            : null;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var columns = entity.GetProperties().Select(p => new Column(p)).ToArray();
        var table = entity.GetTableName()!;
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\"")); // quoted: similar_groups.group is a reserved word
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("一括登録はトランザクションの中で行います。");
        if (connection is NpgsqlConnection npgsql)
        {
            var importer = await npgsql.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
            return new Writer<T>(tenant, columns, importer, null, null);
        }

        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((_, i) =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = $"@p{i}";
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        await cmd.PrepareAsync(ct);
        return new Writer<T>(tenant, columns, null, cmd, parameters);
    }

    /// <summary>An open bulk insert into one table.</summary>
    public sealed class Writer<T> : IAsyncDisposable
        where T : class
    {
        private readonly string? tenant;
        private readonly Column[] columns;
        private readonly NpgsqlBinaryImporter? importer;
        private readonly DbCommand? insert;
        private readonly DbParameter[]? parameters;

        internal Writer(string? tenant, Column[] columns, NpgsqlBinaryImporter? importer, DbCommand? insert, DbParameter[]? parameters)
        {
            this.tenant = tenant;
            this.columns = columns;
            this.importer = importer;
            this.insert = insert;
            this.parameters = parameters;
        }

        public long Count { get; private set; }

        public async ValueTask WriteAsync(T row, CancellationToken ct)
        {
            // Fail closed, as SaveChanges does: only the scope's tenant.
            if (tenant is not null && ((ITenantOwned)row).TenantId != tenant)
            {
                throw new InvalidOperationException($"テナント {tenant} の作業単位で別テナントの行を一括登録しようとしました。");
            }

            Count++;
            if (importer is not null)
            {
                // Synchronous writes into Npgsql's buffer, which is sent as it fills: an await per cell costs more than
                // the COPY itself (tens of millions of cells in a large import).
                importer.StartRow();
                foreach (var column in columns)
                {
                    if (column.Value(row) is { } value)
                    {
                        importer.Write(value, column.Type);
                    }
                    else
                    {
                        importer.WriteNull();
                    }
                }

                return;
            }

            for (var i = 0; i < columns.Length; i++)
            {
                parameters![i].Value = columns[i].Value(row) ?? DBNull.Value;
            }

            await insert!.ExecuteNonQueryAsync(ct);
        }

        /// <summary>Commits the rows written to the COPY and frees the connection.</summary>
        public async Task CompleteAsync(CancellationToken ct)
        {
            if (importer is not null)
            {
                await importer.CompleteAsync(ct);
                await importer.CloseAsync(ct);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (importer is not null)
            {
                await importer.DisposeAsync();
            }

            if (insert is not null)
            {
                await insert.DisposeAsync();
            }
        }
    }

    /// <summary>A column of the table and how to read its provider value from an entity.</summary>
    internal sealed class Column(IProperty property)
    {
        private readonly Func<object, object?> get = property.GetGetter().GetClrValueUsingContainingEntity;
        private readonly Func<object?, object?>? convert = property.GetTypeMapping().Converter?.ConvertToProvider;

        public string Name { get; } = property.GetColumnName();

        /// <summary>"character varying(200)" → "character varying": COPY takes the type without its modifiers.</summary>
        public string Type { get; } = property.GetColumnType() is var type && type.IndexOf('(', StringComparison.Ordinal) is var i and >= 0 ? type[..i].Trim() : type;

        /// <summary>The value as the provider stores it (enums as numbers, yen as integers on SQLite, UTC times …).</summary>
        public object? Value(object row) => get(row) is { } value ? convert is null ? value : convert(value) : null;
    }
}
