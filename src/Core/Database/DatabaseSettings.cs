using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace InfraLedger.Core.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database to use. Default: SQLite in the file <c>infraledger.db</c> of the current directory, so
/// that the CLI and the web app started from one directory share it. PostgreSQL when
/// <c>Database:Provider</c> is <c>postgres</c> (environment: <c>Database__Provider</c>,
/// <c>ConnectionStrings__InfraLedger</c>).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=infraledger.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var provider = (configuration["Database:Provider"] ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "sqlite" or "" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException($"Database:Provider「{other}」は使えません。sqlite または postgres を指定してください。"),
        };
        var connection = configuration.GetConnectionString("InfraLedger");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? DefaultSqlite
                : throw new InvalidOperationException("PostgreSQL を使うには ConnectionStrings:InfraLedger（環境変数 ConnectionStrings__InfraLedger）を設定してください。");
        }

        return new DatabaseSettings(provider, connection);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        _ = Provider == DatabaseProvider.Sqlite
            ? options.UseSqlite(ConnectionString)
            : options.UseNpgsql(ConnectionString);
    }

    /// <summary>A context outside any web request (CLI, jobs, tests), for one unit of work.</summary>
    public AppDbContext CreateContext(TenantScope? scope = null)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        Configure(builder);
        return new AppDbContext(builder.Options, scope ?? new TenantScope());
    }
}
