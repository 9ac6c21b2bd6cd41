using System.CommandLine;
using InfraLedger.Core.Register;
using InfraLedger.Core.Register.Import;

namespace InfraLedger.Cli;

internal static class ImportCommand
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "団体コード / Tenant code", Required = true };
        var file = new Argument<FileInfo>("file") { Description = "CSV（UTF-8/Shift_JIS）・XLSX・XLS ファイル / CSV, XLSX or XLS file" };
        var target = new Option<ImportTarget>("--target") { Description = "取込先 Facilities|Assets / Import into facilities or fixed assets", DefaultValueFactory = _ => ImportTarget.Facilities };
        var dryRun = new Option<bool>("--dry-run") { Description = "検査だけ行い、何も書き込まない / Check only, write nothing" };
        var sheet = new Option<string?>("--sheet") { Description = "取り込むシート名（省略時は最初の表）/ Sheet to import (default: the first table)" };
        var prefix = new Option<string?>("--code-prefix") { Description = "施設コードの接頭辞（複数ファイルのコードを区別）/ Prefix for facility codes" };
        var kind = new Option<AssetKind?>("--kind") { Description = "資産種別の列がない行の種別 Building|Road|Bridge|Park… / Asset kind of rows that do not say" };
        var validFrom = new Option<DateOnly?>("--valid-from") { Description = "異動日（既定は今日）/ Effective date of changes (default today)" };
        var import = new Command("import", "台帳ファイルを取り込む（全件成功か全件取消）/ Import a register file (all or nothing)")
        {
            file, tenant, target, dryRun, sheet, prefix, kind, validFrom,
        };
        import.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            var path = parse.GetValue(file)!;
            if (CliHost.Missing(path))
            {
                return 2;
            }

            await using var stream = path.OpenRead();
            var commit = !parse.GetValue(dryRun);
            var progress = new Progress<RegisterImport.Progress>(pr =>
                Console.Error.Write($"\r{(pr.Fraction is { } f ? $"{f:P0} " : "")}{pr.Rows:N0} 行 / rows"));
            var result = await RegisterImport.RunAsync(t.Db, stream, path.Name,
                new RegisterImport.Options(parse.GetValue(target), commit, null, parse.GetValue(validFrom), parse.GetValue(sheet), parse.GetValue(prefix), parse.GetValue(kind)),
                progress, DateTime.UtcNow, ct);
            Console.Error.WriteLine();
            if (!result.IsSuccess)
            {
                return CliHost.Fail(result.Error!);
            }

            var r = result.Value;
            Console.WriteLine($"{r.File}{(r.Sheet is null ? "" : $"［{r.Sheet}］")}: 見出し {r.HeaderRow} 行目、データ {r.Rows:N0} 行 / header row {r.HeaderRow}, {r.Rows:N0} rows");
            Console.WriteLine("列の対応 / mapping: " + string.Join("、", r.Mapping.Columns.OrderBy(c => c.Value).Select(c => $"{r.Headers[c.Value]}→{c.Key}")));
            Console.WriteLine($"追加 {r.Added:N0}、更新 {r.Updated:N0}、変更なし {r.Unchanged:N0} / added, updated, unchanged");
            foreach (var problem in r.Problems)
            {
                Console.WriteLine("  " + problem);
            }

            if (r.HasProblems)
            {
                Console.WriteLine($"問題 {r.ProblemCount:N0} 件のため、何も書き込んでいません / {r.ProblemCount:N0} problems: nothing written");
                return 1;
            }

            Console.WriteLine(r.Committed ? "取込を確定しました / committed" : "検査のみ（--dry-run）: 何も書き込んでいません / dry run: nothing written");
            return 0;
        });
        return import;
    }
}
