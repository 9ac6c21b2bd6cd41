using System.CommandLine;
using System.Globalization;
using InfraLedger.Core.Planning;

namespace InfraLedger.Cli;

/// <summary><c>plan consequences show|save|import|set</c>: the tenant's consequence attributes and weights for the risk ranking (③).</summary>
internal static class PlanConsequenceCommands
{
    public static Command Create() => new("consequences", "影響度の属性と重み（リスクの順位づけ）/ Consequence attributes and weights") { Show(), Save(), Import(), Set() };

    private static Option<string> Tenant() => new("--tenant") { Description = "団体コード / Tenant code", Required = true };

    private static Command Show()
    {
        var tenant = Tenant();
        var show = new Command("show", "設定を JSON で表示（save でそのまま保存できる）/ Print the settings as JSON") { tenant };
        show.SetAction(async (parse, ct) => await WithTenantAsync(parse, tenant, async t =>
        {
            var settings = await Consequences.LoadAsync(t.Db, ct);
            Console.Out.WriteLine(settings.ToJson());
            Console.Error.WriteLine(settings.Version == 0 ? "既定値です（未保存）。" : $"第{settings.Version.ToString(CultureInfo.InvariantCulture)}版");
            return 0;
        }, ct));
        return show;
    }

    private static Command Save()
    {
        var tenant = Tenant();
        var file = new Argument<FileInfo>("file") { Description = "設定の JSON（show の出力を編集したもの、version は元の版）/ Settings JSON" };
        var save = new Command("save", "設定を保存（新しい版になる、監査記録に残る）/ Save the settings") { file, tenant };
        save.SetAction(async (parse, ct) => await WithTenantAsync(parse, tenant, async t =>
        {
            var path = parse.GetValue(file)!;
            if (CliHost.Missing(path))
            {
                return 2;
            }

            var saved = await Consequences.SaveJsonAsync(t.Db, await File.ReadAllTextAsync(path.FullName, ct), path.Name, ct);
            if (!saved.IsSuccess)
            {
                return CliHost.Fail(saved.Error!);
            }

            Console.Out.WriteLine($"影響度の設定を第{saved.Value.Version.ToString(CultureInfo.InvariantCulture)}版として保存しました。");
            return 0;
        }, ct));
        return save;
    }

    private static Command Import()
    {
        var tenant = Tenant();
        var file = new Argument<FileInfo>("file") { Description = "施設コードと属性の列（緊急輸送道路、跨線橋・跨道橋、迂回路の有無、交通量…）の CSV/XLSX / Attributes file" };
        var dryRun = new Option<bool>("--dry-run") { Description = "確かめるだけで保存しない / Check only" };
        var import = new Command("import", "施設ごとの属性をファイルから取り込む（問題があれば何も保存しない）/ Import facilities' attributes") { file, tenant, dryRun };
        import.SetAction(async (parse, ct) => await WithTenantAsync(parse, tenant, async t =>
        {
            var path = parse.GetValue(file)!;
            if (CliHost.Missing(path))
            {
                return 2;
            }

            await using var stream = path.OpenRead();
            var imported = await Consequences.ImportAsync(t.Db, stream, path.Name, !parse.GetValue(dryRun), ct);
            if (!imported.IsSuccess)
            {
                return CliHost.Fail(imported.Error!);
            }

            foreach (var p in imported.Value.Problems)
            {
                Console.Error.WriteLine($"エラー: {p}");
            }

            if (imported.Value.Problems.Count > 0)
            {
                Console.Error.WriteLine("ファイルに問題があるため何も保存しませんでした。");
                return 1;
            }

            Console.Out.WriteLine($"{imported.Value.Rows.ToString(CultureInfo.InvariantCulture)} 施設、{imported.Value.Changed.ToString(CultureInfo.InvariantCulture)} 件の属性を{(imported.Value.Written ? "保存しました" : "確かめました（保存していません）")}。");
            return 0;
        }, ct));
        return import;
    }

    private static Command Set()
    {
        var tenant = Tenant();
        var facility = new Argument<string>("facility") { Description = "施設コード / Facility code" };
        var values = new Argument<string[]>("values") { Description = "キー=値（例 emergency-route=1 traffic=12000、外すときは traffic=）/ key=value", Arity = ArgumentArity.OneOrMore };
        var set = new Command("set", "1つの施設の属性を設定 / Set a facility's attributes") { facility, values, tenant };
        set.SetAction(async (parse, ct) => await WithTenantAsync(parse, tenant, async t =>
        {
            var parsed = PlanText.Values(parse.GetValue(values)!);
            if (!parsed.IsSuccess)
            {
                return CliHost.Fail(parsed.Error!);
            }

            var changed = await Consequences.SetAsync(t.Db, parse.GetValue(facility)!, parsed.Value, ct);
            if (!changed.IsSuccess)
            {
                return CliHost.Fail(changed.Error!);
            }

            Console.Out.WriteLine($"{changed.Value.ToString(CultureInfo.InvariantCulture)} 件の属性を変更しました。");
            return 0;
        }, ct));
        return set;
    }

    private static async Task<int> WithTenantAsync(ParseResult parse, Option<string> tenant, Func<(Core.Database.AppDbContext Db, Core.Tenancy.LocalGovernment Tenant), Task<int>> action, CancellationToken ct)
    {
        await using var services = CliHost.Services();
        if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
        {
            return 2;
        }

        await using var _ = t.Scope;
        return await action((t.Db, t.Tenant));
    }
}
