using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register;

/// <summary>
/// How many rows a list has, without counting a large city's register on every page: rows are counted exactly up to
/// <see cref="ExactUpTo"/> (an index-only read of that many entries at most); beyond, PostgreSQL's planner estimate of the
/// same filter is shown as 「約 N 件」 (its statistics, refreshed by ANALYZE after each import and by autovacuum). SQLite,
/// the embedded database of small registers, counts exactly.
/// </summary>
public static class ListCount
{
    public const int ExactUpTo = 1000;

    public sealed record Count(long Value, bool Estimated);

    /// <summary>The count of <c>rows</c> (filtered, unordered); <c>estimateSql</c> is the same filter as one SQL statement for EXPLAIN (PostgreSQL), with its parameters @p0….</summary>
    public static async Task<Count> OfAsync<T>(AppDbContext db, IQueryable<T> rows, Func<(string Sql, object[] Parameters)> estimateSql, int exactUpTo, CancellationToken ct)
    {
        var capped = await rows.Take(exactUpTo + 1).CountAsync(ct);
        if (capped <= exactUpTo)
        {
            return new(capped, false);
        }

        if (!db.Database.IsNpgsql())
        {
            return new(await rows.LongCountAsync(ct), false);
        }

        var (sql, parameters) = estimateSql();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            cmd.CommandText = "EXPLAIN (FORMAT JSON) " + sql;
            for (var i = 0; i < parameters.Length; i++)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = $"p{i}";
                p.Value = parameters[i];
                cmd.Parameters.Add(p);
            }

            var plan = (string)(await cmd.ExecuteScalarAsync(ct))!;
            using var json = JsonDocument.Parse(plan);
            var estimate = (long)json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
            // Stale statistics can say fewer than the rows just counted: never show less than that.
            return new(Math.Max(estimate, capped), true);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
