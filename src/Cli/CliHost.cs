using InfraLedger.Core;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
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
}
