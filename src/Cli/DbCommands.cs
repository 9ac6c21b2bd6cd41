using System.CommandLine;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Cli;

internal static class DbCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "データベースを最新のスキーマに移行する / Apply pending schema migrations");
        migrate.SetAction(async (_, ct) =>
        {
            var outcome = await Migrator.MigrateAsync(CliHost.Database(), CliHost.Progress<string>(s => Console.WriteLine($"適用中 / applying: {s}")), ct);
            Console.WriteLine($"マイグレーション: {outcome.Applied.Count} 件適用、{outcome.AlreadyApplied} 件は適用済み / applied {outcome.Applied.Count}, already applied {outcome.AlreadyApplied}");
            return 0;
        });

        var masterOnly = new Option<bool>("--master-only") { Description = "団体マスタだけを投入し、デモデータは入れない / Load the master only, no demo data" };
        var seed = new Command("seed", "団体マスタとデモデータ（焼津市）を投入する / Load the local-government master and the demo data") { masterOnly };
        seed.SetAction(async (parse, ct) =>
        {
            await Migrator.MigrateAsync(CliHost.Database(), null, ct);
            await using var services = CliHost.Services();
            if (parse.GetValue(masterOnly))
            {
                await using var scope = services.CreateAsyncScope();
                var master = await MasterLoader.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), DateTime.UtcNow, ct);
                Console.WriteLine(master.AlreadyCurrent ? "団体マスタは最新です / master is current" : $"団体マスタ: 追加 {master.Added}、更新 {master.Updated} / master: added {master.Added}, updated {master.Updated}");
                return 0;
            }

            var outcome = await DemoData.SeedAsync(services, ct);
            Console.WriteLine(outcome.Master.AlreadyCurrent
                ? "団体マスタは最新です / master is current"
                : $"団体マスタ: 追加 {outcome.Master.Added}、更新 {outcome.Master.Updated} / master: added {outcome.Master.Added}, updated {outcome.Master.Updated}");
            PrintDemoAdmin(outcome.AdminPassword);
            return 0;
        });

        var provider = new Option<string>("--provider") { Description = "sqlite または postgres / sqlite or postgres", DefaultValueFactory = _ => "sqlite" };
        var script = new Command("model-script", "現在のEFモデルのCREATE文を出力する（次のマイグレーションの下書き）/ Print the CREATE script of the current EF model") { provider };
        script.SetAction(parse =>
        {
            var p = parse.GetValue(provider) == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
            // The script depends only on the provider, not on a reachable server.
            Console.WriteLine(Migrator.ModelScript(new DatabaseSettings(p, p == DatabaseProvider.Sqlite ? DatabaseSettings.DefaultSqlite : "Host=localhost")));
            return 0;
        });

        var db = new Command("db", "データベースの管理 / Database administration") { migrate, seed, script };
        foreach (var command in DbBackupCommands.Create())
        {
            db.Subcommands.Add(command);
        }

        return db;
    }

    public static void PrintDemoAdmin(string? password)
    {
        if (password is null)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("デモ管理者を作成しました（パスワードはこの一度だけ表示されます）/ Demo admin created (password shown only once):");
        Console.WriteLine($"  メールアドレス / email:    {DemoData.AdminEmail}");
        Console.WriteLine($"  パスワード / password:     {password}");
        Console.WriteLine();
    }
}
