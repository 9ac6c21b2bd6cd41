using System.CommandLine;
using System.Text.Json;
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
        var prefix = new Option<string?>("--code-prefix") { Description = "施設コードの接頭辞（\"\" で接頭辞なし）/ Prefix for facility codes (\"\" for none)" };
        var kind = new Option<AssetKind?>("--kind") { Description = "資産種別の列がない行の種別 Building|Road|Bridge|Park… / Asset kind of rows that do not say" };
        var validFrom = new Option<DateOnly?>("--valid-from") { Description = "異動日（既定は今日）/ Effective date of changes (default today)" };
        var map = new Option<string[]>("--map") { Description = "列名=項目（繰り返し可。項目は Code か 施設コード など、- で取り込まない）/ column=field, repeatable", AllowMultipleArgumentsPerToken = false };
        var mappingFile = new Option<FileInfo?>("--mapping") { Description = "列の対応付けの JSON（画面が記憶するものと同じ形式、--show-mapping が出力）/ Mapping JSON" };
        var showMapping = new Option<bool>("--show-mapping") { Description = "使われる対応付けを列ごとの理由とともに表示する（書き込まない）/ Print the mapping in force with reasons (writes nothing)" };
        var allowOverwrite = new Option<bool>("--allow-overwrite") { Description = "既存の行の種別の変更・この形式で取り込んでいない行の上書きを認める / Allow changing kinds or overwriting rows this layout did not write" };
        var import = new Command("import", "台帳ファイルを取り込む（全件成功か全件取消）/ Import a register file (all or nothing)")
        {
            file, tenant, target, dryRun, sheet, prefix, kind, validFrom, map, mappingFile, showMapping, allowOverwrite,
        };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (CliHost.Missing(path))
            {
                return 2;
            }

            var options = Options(parse.GetValue(target), parse.GetValue(mappingFile), parse.GetValue(map) ?? []);
            if (options.Error is { } error)
            {
                Console.Error.WriteLine($"エラー: {error}");
                return 2;
            }

            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            await using var stream = path.OpenRead();
            var show = parse.GetValue(showMapping);
            var progress = CliHost.Progress<RegisterImport.Progress>(pr =>
                Console.Error.Write($"\r{(pr.Fraction is { } f ? $"{f:P0} " : "")}{pr.Rows:N0} 行 / rows"));
            var result = await RegisterImport.RunAsync(t.Db, stream, path.Name,
                new RegisterImport.Options(parse.GetValue(target), !parse.GetValue(dryRun) && !show, options.Mapping, parse.GetValue(validFrom), parse.GetValue(sheet),
                    parse.GetValue(prefix), parse.GetValue(kind))
                { Overrides = options.Overrides, AllowOverwrite = parse.GetValue(allowOverwrite) },
                progress, DateTime.UtcNow, ct);
            Console.Error.WriteLine();
            return result.IsSuccess ? Print(result.Value, show, !parse.GetValue(dryRun) && !show) : CliHost.Fail(result.Error!);
        });
        return import;
    }

    private sealed record ParsedOptions(ColumnMapping? Mapping, IReadOnlyList<(string Column, string Field)> Overrides, string? Error);

    /// <summary>The --mapping file and the --map pairs, or what is wrong with them.</summary>
    private static ParsedOptions Options(ImportTarget target, FileInfo? mappingFile, string[] pairs)
    {
        ColumnMapping? mapping = null;
        if (mappingFile is not null)
        {
            if (!mappingFile.Exists)
            {
                return new(null, [], $"ファイル「{mappingFile.FullName}」がありません。");
            }

            try
            {
                mapping = ColumnMapping.FromJson(File.ReadAllText(mappingFile.FullName));
            }
            catch (JsonException e)
            {
                return new(null, [], $"対応付けファイル「{mappingFile.Name}」を JSON として読めません（{e.Message}）。");
            }

            if (mapping is null || mapping.Columns is null)
            {
                return new(null, [], $"対応付けファイル「{mappingFile.Name}」に列の対応（Columns）がありません。");
            }

            mapping = mapping with { Target = mapping.Target == 0 ? target : mapping.Target };
        }

        var overrides = new List<(string, string)>();
        foreach (var pair in pairs)
        {
            var at = pair.LastIndexOf('=');
            if (at <= 0)
            {
                return new(null, [], $"--map「{pair}」は「列名=項目」の形で書いてください（例: --map 名称=施設名、--map 電話番号=-）。");
            }

            overrides.Add((pair[..at], pair[(at + 1)..]));
        }

        return new(mapping, overrides, null);
    }

    private static int Print(RegisterImport.Outcome r, bool showMapping, bool commit)
    {
        Console.WriteLine($"{r.File}{(r.Sheet is null ? "" : $"［{r.Sheet}］")}: 見出し {r.HeaderRow} 行目、データ {r.Rows:N0} 行 / header row {r.HeaderRow}, {r.Rows:N0} rows");
        Console.WriteLine("この取込で使う設定 / in force:");
        foreach (var choice in r.InForce)
        {
            Console.WriteLine($"  {choice.What}: {choice.Value}（{choice.Origin}）");
        }

        var fields = ImportFields.For(r.Target).ToDictionary(f => f.Name, f => f.Label);
        if (showMapping)
        {
            Console.WriteLine("列ごとの対応と理由 / each column and why:");
            foreach (var note in r.Notes)
            {
                Console.WriteLine($"  {note.Column + 1}. {note.Header} → {(note.Field is { } f ? fields.GetValueOrDefault(f, "団体コード（確認用）") : "（取り込まない）")}: {note.Reason}");
            }

            Console.WriteLine("JSON（--mapping に使えます / usable with --mapping）:");
            Console.WriteLine(r.Mapping.ToJson());
        }
        else
        {
            Console.WriteLine("列の対応 / mapping: " + string.Join("、", r.Mapping.Columns.OrderBy(c => c.Value).Select(c => $"{r.Headers[c.Value]}→{fields[c.Key]}")));
        }

        Console.WriteLine($"追加 {r.Added:N0}、更新 {r.Updated:N0}、変更なし {r.Unchanged:N0} / added, updated, unchanged");
        if (r.Overwrites.Any)
        {
            Console.WriteLine($"上書きの確認 / overwrite: {r.Overwrites.Question}");
        }

        foreach (var problem in r.Problems)
        {
            Console.WriteLine("  " + problem);
        }

        if (r.HasProblems)
        {
            Console.WriteLine($"問題 {r.ProblemCount:N0} 件のため、何も書き込んでいません / {r.ProblemCount:N0} problems: nothing written");
            return 1;
        }

        if (r.NeedsConfirmation)
        {
            Console.WriteLine(commit
                ? "既存の行を上書きするため、何も書き込んでいません。内容を確かめ、よければ --allow-overwrite を付けて実行してください / overwrite not confirmed: nothing written (use --allow-overwrite)"
                : "確定するには --allow-overwrite が必要です / committing needs --allow-overwrite");
            return commit ? 1 : 0;
        }

        Console.WriteLine(r.Committed ? "取込を確定しました / committed" : "検査のみ: 何も書き込んでいません / dry run: nothing written");
        return 0;
    }
}
