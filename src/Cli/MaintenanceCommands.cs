using System.CommandLine;
using System.Globalization;
using InfraLedger.Core.Maintenance;
using FacilityRegister = InfraLedger.Core.Register.FacilityRegister;

namespace InfraLedger.Cli;

/// <summary><c>lcc</c>: life-cycle cost of a policy file on a model file (no database), or of a tenant's stock of a kind under its library.</summary>
internal static class MaintenanceCommands
{
    public static Command Lcc()
    {
        var model = new Option<FileInfo?>("--model") { Description = "deterioration export で出力した劣化モデル（JSON）/ A model file" };
        var policy = new Option<FileInfo?>("--policy") { Description = "方針ファイル {\"name\",\"actions\":[{\"state\",\"cost\",\"to\"}],\"risk\"?} / A policy file" };
        var tenant = new Option<string?>("--tenant") { Description = "団体コード（施設のストックと補修工法の設定で計算）/ Tenant code" };
        var kind = new Option<string?>("--kind") { Description = $"資産種別 {string.Join("|", LibraryPresets.All.Select(p => p.Kind))} / Asset kind" };
        var rate = new Option<double>("--rate") { Description = "割引率 / Discount rate", DefaultValueFactory = _ => 0.04 };
        var years = new Option<int>("--years") { Description = "有限期間（年）/ Finite horizon, years", DefaultValueFactory = _ => 50 };
        var baseYear = new Option<int?>("--base-year") { Description = "基準年度（既定は今年度）/ Base fiscal year" };
        var optimal = new Option<bool>("--optimal") { Description = "各状態で「何もしない」と方針ファイルの対策から最適な方針も求める / Also solve the MDP" };
        var format = TableOutput.Format();
        var lcc = new Command("lcc", "ライフサイクルコスト（予防保全と事後保全の比較）/ Life-cycle cost of maintenance policies")
        {
            model, policy, tenant, kind, rate, years, baseYear, optimal, format,
        };
        lcc.SetAction(async (parse, ct) =>
        {
            var (r, h) = (parse.GetValue(rate), parse.GetValue(years));
            if (!(r > 0 && r <= 1))
            {
                return CliHost.Fail(Errors.RateInvalid(r.ToString(CultureInfo.InvariantCulture)));
            }

            if (h is < 1 or > 200)
            {
                return CliHost.Fail(Errors.YearsInvalid(h.ToString(CultureInfo.InvariantCulture)));
            }

            if (parse.GetValue(model) is { } m && parse.GetValue(policy) is { } p)
            {
                return await FilesAsync(m, p, r, h, parse.GetValue(optimal), parse.GetValue(format)!, ct);
            }

            if (parse.GetValue(tenant) is { } code && parse.GetValue(kind) is { } k)
            {
                return await TenantAsync(code, k, r, h, parse.GetValue(baseYear) ?? FiscalYearNow(), parse.GetValue(format)!, ct);
            }

            Console.Error.WriteLine("エラー: --model と --policy（ファイルで計算）か、--tenant と --kind（団体のストックで計算）を指定してください。");
            return 2;
        });
        return lcc;
    }

    private static async Task<int> FilesAsync(FileInfo modelFile, FileInfo policyFile, double rate, int years, bool optimal, string format, CancellationToken ct)
    {
        if (CliHost.Missing(modelFile) || CliHost.Missing(policyFile))
        {
            return 2;
        }

        var oneYear = PolicyFile.OneYear(await File.ReadAllTextAsync(modelFile.FullName, ct), modelFile.Name);
        if (!oneYear.IsSuccess)
        {
            return CliHost.Fail(oneYear.Error!);
        }

        var parsed = PolicyFile.Parse(await File.ReadAllTextAsync(policyFile.FullName, ct), policyFile.Name, oneYear.Value.GetLength(0));
        if (!parsed.IsSuccess)
        {
            return CliHost.Fail(parsed.Error!);
        }

        OptimalPolicy? best = null;
        if (optimal)
        {
            var mdp = parsed.Value.Mdp(oneYear.Value, rate);
            best = new OptimalPolicy(default, mdp, mdp.ValueIteration(), mdp.PolicyIteration(), MdpLinearProgram.Solve(mdp));
        }

        await TableOutput.WriteAsync(LccTables.ModelFile(parsed.Value, parsed.Value.Chain(oneYear.Value), years, rate, best), format, ct);
        return 0;
    }

    private static async Task<int> TenantAsync(string code, string kindName, double rate, int years, int baseYear, string format, CancellationToken ct)
    {
        if (LibraryPresets.KindOf(kindName) is not { } kind)
        {
            return CliHost.Fail(Errors.KindInvalid(kindName));
        }

        await using var services = CliHost.Services();
        if (await CliHost.TenantScopeAsync(services, code, ct) is not { } t)
        {
            return 2;
        }

        await using var _ = t.Scope;
        var comparison = await MaintenancePlanning.CompareAsync(t.Db, kind, years, rate, baseYear, ct);
        if (!comparison.IsSuccess)
        {
            return CliHost.Fail(comparison.Error!);
        }

        var levels = (await Core.Inspections.GradeScales.LoadAsync(t.Db, ct)).For(kind).Levels;
        Console.Error.WriteLine($"{t.Tenant.Name} {FacilityRegister.KindLabel(kind)}: {comparison.Value.Library.Label}");
        await TableOutput.WriteAsync(LccTables.Comparison(comparison.Value, levels), format, ct);
        return 0;
    }

    private static int FiscalYearNow() => Core.Common.FiscalYear.Of(DateOnly.FromDateTime(DateTime.Today)).Year;
}
