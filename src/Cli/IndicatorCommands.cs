using System.CommandLine;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Cli;

internal static class IndicatorCommands
{
    public static Command Indicators()
    {
        var (tenant, year) = TenantYear();
        var table = new Option<string?>("--table") { Description = "表の名前（省略時はすべて）ratio|usage|series|stock|per-resident|comparison|fiscal|fiscal-series|facility|assets / Table name (default: all)" };
        var format = TableOutput.Format();
        var command = new Command("indicators", "台帳の有形固定資産減価償却率・一人当たりストック・主要財政指標を表示 / Show the tenant's indicators") { tenant, year, table, format };
        command.SetAction(async (parse, ct) => await WithReportAsync(parse, tenant, year, async (_, report) =>
        {
            var name = parse.GetValue(table);
            var tables = name is null ? report.Tables : report.Find(name) is { } one ? [one] : [];
            if (tables.Count == 0)
            {
                return CliHost.Fail(Errors.TableNotFound(name, report.Tables.Select(x => x.Name)));
            }

            await TableOutput.WriteAsync(tables, parse.GetValue(format)!, ct);
            return 0;
        }, ct));

        var (publishTenant, publishYear) = TenantYear();
        var publish = new Command("publish", $"年度末の台帳指標を公表し、他団体との比較に使う（{RegisterPublication.Licence}）/ Publish the year's register figures for comparison") { publishTenant, publishYear };
        publish.SetAction(async (parse, ct) => await WithReportAsync(parse, publishTenant, publishYear, async (db, report) =>
        {
            var published = await RegisterPublication.PublishAsync(db, report, DateTime.UtcNow, ct);
            if (!published.IsSuccess)
            {
                return CliHost.Fail(published.Error!);
            }

            Console.WriteLine($"{report.Year.Year}年度末の台帳指標 {published.Value} 件を公表しました / published");
            return 0;
        }, ct));

        var (withdrawTenant, withdrawYear) = TenantYear();
        var withdraw = new Command("withdraw", "年度末の台帳指標の公表を取り下げる / Withdraw the year's published figures") { withdrawTenant, withdrawYear };
        withdraw.SetAction(async (parse, ct) => await WithReportAsync(parse, withdrawTenant, withdrawYear, async (db, report) =>
        {
            var removed = await RegisterPublication.WithdrawAsync(db, report.Year, DateTime.UtcNow, ct);
            Console.WriteLine(removed > 0 ? $"{report.Year.Year}年度末の台帳指標 {removed} 件の公表を取り下げました / withdrawn" : "公表されていません / nothing published");
            return 0;
        }, ct));

        command.Add(publish);
        command.Add(withdraw);
        return command;
    }

    private static (Option<string> Tenant, Option<int> Year) TenantYear() =>
        (new Option<string>("--tenant") { Description = "団体コード / Tenant code", Required = true },
            new Option<int>("--year") { Description = "年度（西暦）/ Fiscal year", Required = true });

    /// <summary>Runs <paramref name="action"/> with the tenant's report of the year, after checking both.</summary>
    private static async Task<int> WithReportAsync(
        ParseResult parse, Option<string> tenant, Option<int> year, Func<AppDbContext, IndicatorReport, Task<int>> action, CancellationToken ct)
    {
        await using var services = CliHost.Services();
        if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
        {
            return 2;
        }

        await using var _ = t.Scope;
        var fy = parse.GetValue(year);
        if (fy is < FiscalYear.Min or > FiscalYear.Max)
        {
            return CliHost.Fail(Errors.FiscalYearInvalid(fy.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var report = await IndicatorReport.BuildAsync(t.Db, new FiscalYear(fy), ct);
        return report.IsSuccess ? await action(t.Db, report.Value) : CliHost.Fail(report.Error!);
    }

    public static Command Statistics()
    {
        var file = new Argument<FileInfo>("file") { Description = "主要財政指標一覧（総務省の年度別ファイル xlsx/xls、または縦持ち CSV/XLSX）/ The 主要財政指標 file as published, or long format" };
        var year = new Option<int?>("--year") { Description = "年度（タイトルにも列にも年度がないファイル）/ Fiscal year of a file that states none" };
        var dryRun = new Option<bool>("--dry-run") { Description = "年度ごとの追加・置換・変更なしを表示し、何も書き込まない / Show per year what changes, write nothing" };
        var import = new Command("import", "主要財政指標を読み込む（全件成功か全件取消。ファイルにある年度・団体だけ追加・置換）/ Load the 主要財政指標 (all or nothing; only the years and bodies in the file)") { file, year, dryRun };
        import.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var path = parse.GetValue(file)!;
            if (CliHost.Missing(path))
            {
                return 2;
            }

            await using var stream = path.OpenRead();
            var result = await FiscalIndicatorImport.ImportAsync(db, stream, path.Name,
                new FiscalIndicatorImport.Options(Commit: !parse.GetValue(dryRun), Year: parse.GetValue(year)), DateTime.UtcNow, ct);
            return result.IsSuccess ? CliHost.PrintMerge(result.Value, "団体") : CliHost.Fail(result.Error!);
        });

        var removeYear = new Option<int>("--year") { Description = "削除する年度（西暦）/ Fiscal year to remove", Required = true };
        var remove = new Command("remove", "読み込んだ主要財政指標から1年度分を削除する / Remove one fiscal year of the loaded 主要財政指標") { removeYear };
        remove.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var removed = await FiscalIndicatorImport.RemoveYearAsync(db, parse.GetValue(removeYear), DateTime.UtcNow, ct);
            Console.WriteLine(removed > 0 ? $"{parse.GetValue(removeYear)}年度の値 {removed:N0} 件を削除しました / removed" : "その年度の値はありません / nothing to remove");
            return 0;
        });

        var groupsFile = new Argument<FileInfo>("file") { Description = "団体コード・年度・類似団体区分の列がある CSV/XLSX / File with 団体コード, 年度, 類似団体区分" };
        var source = new Option<string>("--source") { Description = "出典（表示する文言）/ Attribution shown with the groups", Required = true };
        var groupsDryRun = new Option<bool>("--dry-run") { Description = "検査だけ行い、何も書き込まない / Check only, write nothing" };
        var groups = new Command("similar-groups", "類似団体区分を読み込む（ファイルにある団体・年度を追加・置換）/ Load 類似団体区分 (only the bodies and years in the file)") { groupsFile, source, groupsDryRun };
        groups.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var path = parse.GetValue(groupsFile)!;
            if (CliHost.Missing(path))
            {
                return 2;
            }

            await using var stream = path.OpenRead();
            var attribution = parse.GetValue(source)!;
            var result = await SimilarGroups.ImportAsync(db, stream, path.Name, new StatisticsSource
            {
                Id = "similar-groups", Title = "類似団体区分", Publisher = "総務省", Licence = "出典の利用条件による", Attribution = attribution, Sha256 = "",
            }, !parse.GetValue(groupsDryRun), DateTime.UtcNow, ct);
            return result.IsSuccess ? CliHost.PrintMerge(result.Value, "団体") : CliHost.Fail(result.Error!);
        });
        return new Command("statistics", "公表統計（主要財政指標・類似団体区分）/ Published statistics") { import, remove, groups };
    }

    public static Command Population()
    {
        var tenant = new Option<string>("--tenant") { Description = "団体コード / Tenant code", Required = true };
        var file = new Argument<FileInfo>("file") { Description = "年度・人口・基準・基準日・出典の列がある CSV/XLSX / File with 年度, 人口, 基準, 基準日, 出典" };
        var dryRun = new Option<bool>("--dry-run") { Description = "年度ごとの追加・置換・変更なしを表示し、何も書き込まない / Show per year what changes, write nothing" };
        var import = new Command("import", "人口を取り込む（全件成功か全件取消。ファイルにある年度だけ追加・置換）/ Import populations (all or nothing; only the years in the file)") { file, tenant, dryRun };
        import.SetAction(CliHost.TenantFileImport(tenant, file, dryRun, null, Populations.ImportAsync));

        var removeTenant = new Option<string>("--tenant") { Description = "団体コード / Tenant code", Required = true };
        var removeYear = new Option<int>("--year") { Description = "削除する年度（西暦）/ Fiscal year to remove", Required = true };
        var remove = new Command("remove", "1年度分の人口を削除する / Remove one fiscal year") { removeTenant, removeYear };
        remove.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(removeTenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            var removed = await Populations.RemoveAsync(t.Db, parse.GetValue(removeYear), ct);
            Console.WriteLine(removed ? $"{parse.GetValue(removeYear)}年度の人口を削除しました / removed" : "その年度の人口はありません / nothing to remove");
            return 0;
        });
        return new Command("population", "人口 / Population") { import, remove };
    }
}
