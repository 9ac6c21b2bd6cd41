using System.CommandLine;
using InfraLedger.Core.Projection;

namespace InfraLedger.Cli;

internal static class InvestmentCommands
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "団体コード / Tenant code", Required = true };
        var file = new Argument<FileInfo>("file") { Description = "年度・既存更新分・新規整備分・用地取得分（円）・出典の列がある CSV/XLSX / File with 年度, 既存更新分, 新規整備分, 用地取得分 (yen), 出典" };
        var dryRun = new Option<bool>("--dry-run") { Description = "年度ごとの追加・置換・変更なしを表示し、何も書き込まない / Show per year what changes, write nothing" };
        var import = new Command("import", "投資的経費を取り込む（全件成功か全件取消。ファイルにある年度だけ追加・置換し、他の年度はそのまま）/ Import recent investment (all or nothing; only the years in the file)") { file, tenant, dryRun };
        import.SetAction(CliHost.TenantFileImport(tenant, file, dryRun, null, RecentInvestments.ImportAsync));

        var removeTenant = new Option<string>("--tenant") { Description = "団体コード / Tenant code", Required = true };
        var removeYear = new Option<int>("--year") { Description = "削除する年度（西暦）/ Fiscal year to remove", Required = true };
        var remove = new Command("remove", "1年度分の投資的経費を削除する / Remove one fiscal year") { removeTenant, removeYear };
        remove.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(removeTenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            var removed = await RecentInvestments.DeleteAsync(t.Db, parse.GetValue(removeYear), ct);
            if (!removed.IsSuccess)
            {
                return CliHost.Fail(removed.Error!);
            }

            Console.WriteLine($"{parse.GetValue(removeYear)}年度の投資的経費を削除しました / removed");
            return 0;
        });

        var listTenant = new Option<string>("--tenant") { Description = "団体コード / Tenant code", Required = true };
        var list = new Command("list", "登録済みの投資的経費を年度順に表示する / List recent investment by fiscal year") { listTenant };
        list.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(listTenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            var rows = await RecentInvestments.ListAsync(t.Db, ct);
            if (rows.Count == 0)
            {
                Console.WriteLine("投資的経費は登録されていません / none");
                return 0;
            }

            Console.WriteLine("年度\t既存更新分（円）\t新規整備分（円）\t用地取得分（円）\t合計（円）\t出典");
            foreach (var r in rows)
            {
                Console.WriteLine($"{r.FiscalYear}\t{r.Renewal:N0}\t{r.NewBuild:N0}\t{r.Land:N0}\t{r.Total:N0}\t{r.Source}{(r.IsSample ? "（サンプル）" : "")}");
            }

            return 0;
        });
        return new Command("investments", "投資的経費（推計と比べる直近の実績）/ Recent investment (compared with projections)") { import, list, remove };
    }
}
