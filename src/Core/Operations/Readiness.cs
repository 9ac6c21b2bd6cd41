using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Operations;

/// <summary>
/// Whether this build can serve from the database: it answers, and every migration this build carries is applied with
/// the same checksum (a database behind the code, or one migrated by a different build, is not ready).
/// </summary>
public static class Readiness
{
    public sealed record Outcome(bool Ready, string Description);

    private static readonly Dictionary<DatabaseProvider, IReadOnlyList<Migrator.Script>> Expected = new()
    {
        [DatabaseProvider.Sqlite] = Migrator.Scripts(DatabaseProvider.Sqlite),
        [DatabaseProvider.Postgres] = Migrator.Scripts(DatabaseProvider.Postgres),
    };

    public static async Task<Outcome> CheckAsync(AppDbContext db, DatabaseProvider provider, CancellationToken ct)
    {
        List<Applied> applied;
        try
        {
            applied = await db.Database.SqlQueryRaw<Applied>("SELECT version AS \"Version\", checksum AS \"Checksum\" FROM schema_migrations").ToListAsync(ct);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return new Outcome(false, $"データベースに接続できないか、マイグレーションの記録がありません / database unreachable or not migrated ({ex.GetType().Name})");
        }

        var done = applied.ToDictionary(a => a.Version, a => a.Checksum.Trim());
        var missing = Expected[provider].Where(s => !done.TryGetValue(s.Version, out var checksum) || checksum != s.Checksum).Select(s => $"{s.Version:D4}").ToList();
        return missing.Count == 0
            ? new Outcome(true, $"{provider}: マイグレーション {Expected[provider].Count} 件適用済み / {Expected[provider].Count} migrations applied")
            : new Outcome(false, $"{provider}: 未適用または内容の異なるマイグレーション / pending or changed migrations: {string.Join(", ", missing)}");
    }

    /// <summary>A row of <c>schema_migrations</c> (a keyless query type).</summary>
    internal sealed class Applied
    {
        public int Version { get; init; }

        public string Checksum { get; init; } = "";
    }
}
