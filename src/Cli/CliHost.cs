using InfraLedger.Core;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Operations;
using InfraLedger.Core.Tables;
using InfraLedger.Core.Tenancy;
using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Cli;

/// <summary>
/// The services a command needs, configured like the web app (environment variables, SQLite default). Commands read
/// configuration and the working directory only from here, so that an in-process <see cref="CliInvocation"/> gets its own.
/// </summary>
internal static class CliHost
{
    /// <summary>
    /// Progress written as it is reported, on the reporting thread: <see cref="Progress{T}"/> posts to the thread pool, so a
    /// late line could land after the command's result, or after an in-process run's writer is closed.
    /// </summary>
    public static IProgress<T> Progress<T>(Action<T> write) => new Immediate<T>(write);

    private sealed class Immediate<T>(Action<T> write) : IProgress<T>
    {
        public void Report(T value) => write(value);
    }

    /// <summary>
    /// The settings the web app reads (<see cref="AppSettings"/>): appsettings.json and appsettings.{environment}.json beside
    /// the binaries, overridden by the environment variables of the process, or by the configuration of the in-process
    /// invocation.
    /// </summary>
    public static IConfiguration Configuration() =>
        AppSettings.Build(CliInvocation.Current?.SettingsDirectory ?? AppContext.BaseDirectory,
            CliInvocation.Current?.Configuration ?? new ConfigurationBuilder().AddEnvironmentVariables().Build());

    /// <summary>The database; a relative SQLite file (the default <c>infraledger.db</c>) is in the working directory.</summary>
    public static DatabaseSettings Database()
    {
        var settings = DatabaseSettings.From(Configuration());
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            return settings;
        }

        var sqlite = new SqliteConnectionStringBuilder(settings.ConnectionString);
        if (sqlite.DataSource is "" or ":memory:" || sqlite.DataSource.StartsWith("file:", StringComparison.Ordinal) || Path.IsPathRooted(sqlite.DataSource))
        {
            return settings;
        }

        sqlite.DataSource = Path.Combine(CliInvocation.Current?.WorkingDirectory ?? Environment.CurrentDirectory, sqlite.DataSource);
        return settings with { ConnectionString = sqlite.ConnectionString };
    }

    public static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInfraLedgerCore(Database());
        return services.BuildServiceProvider();
    }

    /// <summary>A scope for one tenant, acting as the CLI user.</summary>
    public static async Task<(AsyncServiceScope Scope, AppDbContext Db, LocalGovernment Tenant)?> TenantScopeAsync(
        ServiceProvider services, string code, CancellationToken ct)
    {
        var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await Tenants.FindAsync(db, code, ct);
        if (!tenant.IsSuccess)
        {
            Fail(tenant.Error!);
            await scope.DisposeAsync();
            return null;
        }

        db.Scope.Enter(LocalGovernmentCode.Parse(tenant.Value.Code).Value);
        db.Scope.Actor = "cli:" + Environment.UserName;
        return (scope, db, tenant.Value);
    }

    /// <summary>True (after saying so) when the file given on the command line does not exist.</summary>
    public static bool Missing(FileInfo file)
    {
        if (file.Exists)
        {
            return false;
        }

        Console.Error.WriteLine($"エラー: ファイル「{file.FullName}」がありません。");
        return true;
    }

    public static int Fail(Error error)
    {
        Console.Error.WriteLine($"エラー: {error.Message}");
        return 2;
    }

    /// <summary>
    /// The action of a tenant's import of yearly figures (population, recent investment): every problem listed, exit 1
    /// when there is any (nothing written), 2 when the tenant or the file is not there; per year what is added,
    /// replaced and left; <c>--dry-run</c> writes nothing.
    /// </summary>
    public static Func<ParseResult, CancellationToken, Task<int>> TenantFileImport(Option<string> tenant, Argument<FileInfo> file, Option<bool> dryRun, string? unit,
        Func<AppDbContext, Stream, string, bool, CancellationToken, Task<Result<MergeOutcome>>> import) =>
        async (parse, ct) =>
        {
            await using var services = Services();
            if (await TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            var path = parse.GetValue(file)!;
            if (Missing(path))
            {
                return 2;
            }

            await using var stream = path.OpenRead();
            var result = await import(t.Db, stream, path.Name, !parse.GetValue(dryRun), ct);
            return result.IsSuccess ? PrintMerge(result.Value, unit) : Fail(result.Error!);
        };

    /// <summary>Prints a merge report: problems, or per year what is added, replaced and left, and whether it was written.</summary>
    public static int PrintMerge(MergeOutcome report, string? unit)
    {
        foreach (var problem in report.Problems)
        {
            Console.WriteLine("  " + problem);
        }

        if (report.HasProblems)
        {
            Console.WriteLine($"問題 {report.ProblemCount:N0} 件のため、何も書き込んでいません / {report.ProblemCount:N0} problems: nothing written");
            return 1;
        }

        if (report.SameFileAsLoaded)
        {
            Console.WriteLine("読込済みのファイルと同じです（変更なし）/ already loaded");
            return 0;
        }

        Console.WriteLine($"データ {report.Rows:N0} 行 / rows{(report.Skipped > 0 ? $"（うち {report.SkippedReason} {report.Skipped:N0} 行は除きました / skipped）" : "")}");
        foreach (var line in report.YearLines(unit))
        {
            Console.WriteLine("  " + line);
        }

        Console.WriteLine(report.Committed ? "書き込みました（ファイルにない年度・団体はそのままです）/ written; other years and bodies kept"
            : report.Added + report.Replaced == 0 ? "変更はありません / nothing to change"
            : "検査のみ: 何も書き込んでいません / dry run: nothing written");
        return 0;
    }
}
