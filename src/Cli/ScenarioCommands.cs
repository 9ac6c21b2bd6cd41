using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using InfraLedger.Core.Common;
using InfraLedger.Core.Projection;

namespace InfraLedger.Cli;

internal static class ScenarioCommands
{
    public static Command Create() => new("scenario", "更新費用推計のシナリオ（プリセットの複製を編集）/ Projection scenarios (edited copies of presets)")
    {
        List(), Copy(), Show(), Set(),
    };

    private static Option<string> Tenant() => new("--tenant") { Description = "団体コード / Tenant code", Required = true };

    private static Option<string> Name(string description) => new("--name") { Description = description, Required = true };

    private static Command List()
    {
        var tenant = Tenant();
        var command = new Command("list", "プリセットとこの団体のシナリオを版とともに表示する / List presets and the tenant's scenarios with their versions") { tenant };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            foreach (var p in Presets.All)
            {
                Console.WriteLine($"{p.Id}\tプリセット 第{p.Version}版\t{p.Name}");
            }

            foreach (var s in await Scenarios.ListAsync(t.Db, ct))
            {
                Console.WriteLine($"{s.Name}\tシナリオ 第{s.Version}版\tプリセット {s.PresetId} 第{s.PresetVersion}版から\t{s.UpdatedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC 更新");
            }

            return 0;
        });
        return command;
    }

    private static Command Copy()
    {
        var tenant = Tenant();
        var preset = new Option<string>("--preset")
        {
            Description = $"複製するプリセット {string.Join("|", Presets.All.Select(p => p.Id))} / Preset to copy",
            DefaultValueFactory = _ => Presets.Baseline,
        };
        var name = Name("新しいシナリオの名前 / Name of the new scenario");
        var command = new Command("copy", "プリセットを複製してこの団体のシナリオを作る / Copy a preset into a new scenario of the tenant") { tenant, preset, name };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            var created = await Scenarios.CreateAsync(t.Db, parse.GetValue(name)!, parse.GetValue(preset)!, ct);
            if (!created.IsSuccess)
            {
                return CliHost.Fail(created.Error!);
            }

            Console.WriteLine($"シナリオ「{created.Value.Name}」をプリセット {created.Value.PresetId} 第{created.Value.PresetVersion}版から作りました（第{created.Value.Version}版）/ scenario created");
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var tenant = Tenant();
        var name = Name("シナリオ名またはプリセット / Scenario name or preset id");
        var command = new Command("show", "シナリオのパラメータを JSON で表示する（scenario set で読み込める形）/ Print a scenario's parameters as JSON") { tenant, name };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            var scenario = await Scenarios.ResolveAsync(t.Db, parse.GetValue(name)!, ct);
            if (!scenario.IsSuccess)
            {
                return CliHost.Fail(scenario.Error!);
            }

            // stdout holds only the JSON, so that `scenario show … > file.json` gives a file to edit.
            Console.WriteLine(scenario.Value.Parameters.ToJson());
            return 0;
        });
        return command;
    }

    private static Command Set()
    {
        var tenant = Tenant();
        var name = Name("変更するシナリオ名 / Scenario to change");
        var file = new Argument<FileInfo>("file") { Description = "パラメータの JSON（scenario show の出力を編集したもの）/ Parameters JSON (as printed by scenario show)" };
        var command = new Command("set", "シナリオのパラメータを JSON ファイルで置き換える（検査に通った場合だけ）/ Replace a scenario's parameters from a JSON file") { file, tenant, name };
        command.SetAction(async (parse, ct) =>
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

            var current = await Scenarios.ResolveAsync(t.Db, parse.GetValue(name)!, ct);
            if (!current.IsSuccess)
            {
                return CliHost.Fail(current.Error!);
            }

            if (current.Value.ScenarioVersion is not { } version)
            {
                return CliHost.Fail(Errors.PresetReadOnly(current.Value.Name));
            }

            var parameters = Read(path, await File.ReadAllTextAsync(path.FullName, ct));
            if (!parameters.IsSuccess)
            {
                return CliHost.Fail(parameters.Error!);
            }

            var updated = await Scenarios.UpdateAsync(t.Db, current.Value.Name, parameters.Value, version, ct);
            if (!updated.IsSuccess)
            {
                return CliHost.Fail(updated.Error!);
            }

            Console.WriteLine($"シナリオ「{updated.Value.Name}」を第{updated.Value.Version}版にしました / scenario updated");
            return 0;
        });
        return command;
    }

    /// <summary>The parameters in the file, or where its JSON cannot be read (line and position counted from 1, as editors show them).</summary>
    private static Result<ScenarioParameters> Read(FileInfo file, string json)
    {
        try
        {
            return ScenarioParameters.FromJson(json);
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"{line + 1} 行目、{(e.BytePositionInLine ?? 0) + 1} バイト目付近{(e.Path is null or "$" ? "" : "、" + e.Path)}")
                : null;
            return Errors.ParametersUnreadable(file.Name, at, e.Message);
        }
    }
}
