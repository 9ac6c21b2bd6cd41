using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Database;

/// <summary>
/// Applies the versioned SQL scripts in <c>Database/Migrations/{sqlite|postgres}/NNNN_name.sql</c> (embedded)
/// in order, each in its own transaction, recording them in <c>schema_migrations</c>. Idempotent: applied
/// versions are skipped; an applied script whose text has changed since is refused.
/// (EF Core's design-time tools cannot be installed here: see docs/decisions/0003.)
/// </summary>
public static class Migrator
{
    public sealed record Script(int Version, string Name, string Sql, string Checksum);

    public sealed record Outcome(IReadOnlyList<Script> Applied, int AlreadyApplied);

    public static IReadOnlyList<Script> Scripts(DatabaseProvider provider)
    {
        var prefix = $"migrations/{(provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres")}/";
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var sql = reader.ReadToEnd();
                var file = n[prefix.Length..^".sql".Length];
                return new Script(
                    int.Parse(file[..4], System.Globalization.CultureInfo.InvariantCulture),
                    file[5..],
                    sql,
                    Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n")))));
            })
            .OrderBy(s => s.Version)
            .ToList();
    }

    public static async Task<Outcome> MigrateAsync(DatabaseSettings settings, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        await using var db = settings.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var postgres = settings.Provider == DatabaseProvider.Postgres;
        if (!postgres)
        {
            // WAL lets readers (the web app) go on while the CLI writes; it is a property of the file.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", ct);
        }
        else
        {
            // One migrator at a time, e.g. two app instances starting together.
            await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(727272);", ct);
        }

        try
        {
            await ExecuteAsync(connection, null, postgres
                ? "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum char(64) NOT NULL, applied_at_utc timestamp with time zone NOT NULL);"
                : "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at_utc TEXT NOT NULL);", ct);

            var applied = new Dictionary<int, string>();
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "SELECT version, checksum FROM schema_migrations";
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    applied[reader.GetInt32(0)] = reader.GetString(1).Trim();
                }
            }

            var done = new List<Script>();
            foreach (var script in Scripts(settings.Provider))
            {
                if (applied.TryGetValue(script.Version, out var checksum))
                {
                    if (checksum != script.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"適用済みのマイグレーション {script.Version:D4}_{script.Name} の内容が変更されています。適用済みのスクリプトは変更せず、新しい番号で追加してください。");
                    }

                    continue;
                }

                progress?.Report($"{script.Version:D4}_{script.Name}");
                await using var tx = await connection.BeginTransactionAsync(ct);
                await ExecuteAsync(connection, tx, script.Sql, ct);
                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = tx;
                    insert.CommandText = "INSERT INTO schema_migrations (version, name, checksum, applied_at_utc) VALUES (@v, @n, @c, @t)";
                    AddParameter(insert, "@v", script.Version);
                    AddParameter(insert, "@n", script.Name);
                    AddParameter(insert, "@c", script.Checksum);
                    AddParameter(insert, "@t", postgres ? DateTime.UtcNow : DateTime.UtcNow.ToString("O"));
                    await insert.ExecuteNonQueryAsync(ct);
                }

                await tx.CommitAsync(ct);
                done.Add(script);
            }

            // Derived columns the SQL scripts cannot compute (the search text's normalisation is C#'s): fill what is missing.
            await Search.SearchIndex.BackfillAsync(settings, ct);
            return new Outcome(done, applied.Count);
        }
        finally
        {
            if (postgres)
            {
                await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(727272);", CancellationToken.None);
            }
        }
    }

    /// <summary>The CREATE script of the current EF model: the starting point for the next migration's SQL.</summary>
    public static string ModelScript(DatabaseSettings settings)
    {
        using var db = settings.CreateContext();
        return db.Database.GenerateCreateScript();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
