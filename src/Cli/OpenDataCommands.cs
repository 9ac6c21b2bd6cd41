using System.CommandLine;
using InfraLedger.Core.Database;
using InfraLedger.Core.OpenData;
using InfraLedger.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Cli;

internal static class OpenDataCommands
{
    public static Command Create()
    {
        var licences = OpenDataLicences.From(CliHost.Configuration());
        var kinds = string.Join("|", DatasetKind.All.Select(k => k.Id));

        var (publishTenant, publishDataset) = TenantDataset(kinds);
        var licence = new Option<string>("--licence")
        {
            Description = $"ライセンス（{string.Join("・", licences.All.Select(l => l.Id))}）/ Licence",
            DefaultValueFactory = _ => licences.All[0].Id,
        };
        var publish = new Command("publish", "データセットをオープンデータとして公開する（ライセンスを変えて公開し直すときも）/ Publish a dataset") { publishTenant, publishDataset, licence };
        publish.SetAction(async (parse, ct) => await WithTenantAsync(parse, publishTenant, async db =>
        {
            var published = await Publication.PublishAsync(db, parse.GetValue(publishDataset), parse.GetValue(licence), licences, DateTime.UtcNow, ct);
            if (!published.IsSuccess)
            {
                return CliHost.Fail(published.Error!);
            }

            Console.WriteLine($"{Catalog.PackageName(db.Scope.TenantId!, DatasetKind.Find(published.Value.Kind)!)} を公開しました（{licences.Describe(published.Value.Licence).Title}）/ published");
            return 0;
        }, ct));

        var (withdrawTenant, withdrawDataset) = TenantDataset(kinds);
        var withdraw = new Command("withdraw", "データセットの公開を取り下げる / Withdraw a published dataset") { withdrawTenant, withdrawDataset };
        withdraw.SetAction(async (parse, ct) => await WithTenantAsync(parse, withdrawTenant, async db =>
        {
            var withdrawn = await Publication.WithdrawAsync(db, parse.GetValue(withdrawDataset), ct);
            if (!withdrawn.IsSuccess)
            {
                return CliHost.Fail(withdrawn.Error!);
            }

            Console.WriteLine($"{Catalog.PackageName(db.Scope.TenantId!, withdrawn.Value)} の公開を取り下げました / withdrawn");
            return 0;
        }, ct));

        var listTenant = new Option<string?>("--tenant") { Description = "団体コード（省略時はすべての団体）/ Tenant code (default: all)" };
        var list = new Command("list", "公開中のデータセット（name・ライセンス・公開日時・更新日時 UTC）/ Published datasets") { listTenant };
        list.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var only = parse.GetValue(listTenant);
            var lines = (await CrossTenant.PublishedDatasetsAsync(db, ct)).Where(d => only is null || d.TenantId == only)
                .Select(d => string.Join('\t', Catalog.PackageName(d.TenantId, DatasetKind.Find(d.Kind)!), d.Licence,
                    Catalog.Timestamp(d.PublishedAtUtc), Catalog.Timestamp(d.UpdatedAtUtc)));
            foreach (var line in lines.Order(StringComparer.Ordinal))
            {
                Console.WriteLine(line);
            }

            return 0;
        });

        return new Command("opendata", "オープンデータの公開（CKAN 互換カタログ）/ Open data") { publish, withdraw, list };
    }

    private static (Option<string> Tenant, Option<string> Dataset) TenantDataset(string kinds) =>
        (new Option<string>("--tenant") { Description = "団体コード / Tenant code", Required = true },
            new Option<string>("--dataset") { Description = $"データセット（{kinds}）/ Dataset", Required = true });

    private static async Task<int> WithTenantAsync(ParseResult parse, Option<string> tenant, Func<AppDbContext, Task<int>> action, CancellationToken ct)
    {
        await using var services = CliHost.Services();
        if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
        {
            return 2;
        }

        await using var _ = t.Scope;
        return await action(t.Db);
    }
}
