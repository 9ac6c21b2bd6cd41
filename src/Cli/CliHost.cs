using InfraLedger.Core;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tables;
using InfraLedger.Core.Tenancy;
using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Cli;

/// <summary>The services a command needs, configured like the web app (environment variables, SQLite default).</summary>
internal static class CliHost
{
    public static DatabaseSettings Database() =>
        DatabaseSettings.From(new ConfigurationBuilder().AddEnvironmentVariables().Build());

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
    /// The action of a tenant's all-or-nothing table import (population, recent investment): every problem listed,
    /// exit 1 when there is any (nothing written), 2 when the tenant or the file is not there.
    /// </summary>
    public static Func<ParseResult, CancellationToken, Task<int>> TenantFileImport(Option<string> tenant, Argument<FileInfo> file,
        Func<AppDbContext, Stream, string, CancellationToken, Task<Result<(int Rows, IReadOnlyList<ImportProblem> Problems)>>> import) =>
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
            var result = await import(t.Db, stream, path.Name, ct);
            if (!result.IsSuccess)
            {
                return Fail(result.Error!);
            }

            foreach (var problem in result.Value.Problems)
            {
                Console.WriteLine("  " + problem);
            }

            Console.WriteLine(result.Value.Problems.Count > 0 ? "問題があるため、何も書き込んでいません / nothing written" : $"{result.Value.Rows} 年度分を取り込みました / years imported");
            return result.Value.Problems.Count > 0 ? 1 : 0;
        };
}
