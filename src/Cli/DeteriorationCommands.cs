using System.CommandLine;
using System.Globalization;
using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;
using ForecastAssumption = InfraLedger.Core.Maintenance.ForecastAssumption;
using StockForecasts = InfraLedger.Core.Maintenance.StockForecasts;
using GradeScales = InfraLedger.Core.Inspections.GradeScales;
using AssetKind = InfraLedger.Core.Register.AssetKind;

namespace InfraLedger.Cli;

/// <summary><c>inspections import|import-works|distribution</c> and <c>deterioration fit|show|forecast|import|export</c>.</summary>
internal static class DeteriorationCommands
{
    public static Command Inspections()
    {
        var (tenant, worksTenant) = (TenantOption(), TenantOption());
        var file = new Argument<FileInfo>("file") { Description = "施設コード・点検日・判定区分（部材・点検者・対策区分・所見・写真）の列がある CSV/XLSX" };
        var import = new Command("import", "点検記録を取り込む（全件成功か全件取消、再実行しても増えない）/ Import inspection records (all or nothing, idempotent)") { file, tenant };
        import.SetAction(async (parse, ct) => await ImportFileAsync(parse, tenant, file, "点検記録", Core.Inspections.InspectionRecords.ImportAsync, ct));
        var worksFile = new Argument<FileInfo>("file") { Description = "施設コード・完了日・内容（部材・完了後の区分・費用）の列がある CSV/XLSX" };
        var importWorks = new Command("import-works", "工事・補修を取り込む（全件成功か全件取消、再実行しても増えない）/ Import maintenance works (all or nothing, idempotent)") { worksFile, worksTenant };
        importWorks.SetAction(async (parse, ct) => await ImportFileAsync(parse, worksTenant, worksFile, "工事・補修", Core.Inspections.InspectionRecords.ImportWorksAsync, ct));

        var listTenant = TenantOption();
        var format = TableOutput.Format();
        var distribution = new Command("distribution", "判定区分の分布（資産種別ごと）/ Grade distribution per asset kind") { listTenant, format };
        distribution.SetAction(async (parse, ct) => await WithTenantAsync(parse, listTenant, async db =>
        {
            await TableOutput.WriteAsync([DeteriorationReport.Distribution(await Core.Inspections.InspectionRecords.DistributionAsync(db, ct))], parse.GetValue(format)!, ct);
            return 0;
        }, ct));
        return new Command("inspections", "点検記録 / Inspection records") { import, importWorks, distribution };
    }

    public static Command Deterioration()
    {
        var (fitTenant, fitKind) = (TenantOption(), KindOption());
        var covariates = new Option<string?>("--covariates") { Description = $"説明変数（カンマ区切り）{string.Join("|", DeteriorationModels.Covariates)} / Covariates" };
        var group = new Option<long?>("--group") { Description = "広域グループの番号: 全構成団体の点検から共同推定 / Pooled over a wide-area group" };
        var fit = new Command("fit", "点検記録から劣化モデル（多段階指数ハザード）を推定して保存 / Fit and store the model") { fitTenant, fitKind, covariates, group };
        fit.SetAction(async (parse, ct) => await WithTenantAsync(parse, fitTenant, async db =>
        {
            if (Kind(parse.GetValue(fitKind)!) is not { } kind)
            {
                return CliHost.Fail(Errors.KindInvalid(parse.GetValue(fitKind)!));
            }

            var names = (parse.GetValue(covariates) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var model = await DeteriorationModels.FitAsync(db, kind, names, parse.GetValue(group), DateTime.UtcNow, ct);
            if (!model.IsSuccess)
            {
                return CliHost.Fail(model.Error!);
            }

            await TableOutput.WriteAsync([DeteriorationReport.Hazards(model.Value, DeteriorationReport.SchemeOf(model.Value, await GradeScales.LoadAsync(db, ct)))], "text", ct);
            return 0;
        }, ct));

        var (showTenant, showKind, showFormat) = (TenantOption(), KindOption(), TableOutput.Format());
        var interval = new Option<double>("--interval") { Description = "推移確率行列の期間（年）/ Interval of the transition matrix, years", DefaultValueFactory = _ => 5 };
        var show = new Command("show", "ハザード・推移確率行列・劣化曲線を表示 / Show hazards, transition matrix and curve") { showTenant, showKind, interval, showFormat };
        show.SetAction(async (parse, ct) => await WithModelAsync(parse, showTenant, showKind, async (db, model) =>
        {
            var years = parse.GetValue(interval);
            if (!(years > 0 && years <= 100))
            {
                return CliHost.Fail(Errors.IntervalInvalid(years.ToString(CultureInfo.InvariantCulture)));
            }

            var scheme = DeteriorationReport.SchemeOf(model, await GradeScales.LoadAsync(db, ct));
            await TableOutput.WriteAsync([DeteriorationReport.Hazards(model, scheme), DeteriorationReport.Transition(model, years, scheme), DeteriorationReport.Curve(model, 50, scheme)], parse.GetValue(showFormat)!, ct);
            return 0;
        }, ct));

        var (forecastTenant, forecastKind, forecastFormat) = (TenantOption(), KindOption(), TableOutput.Format());
        var horizon = new Option<int>("--years") { Description = "予測年数 / Years to forecast", DefaultValueFactory = _ => 30 };
        var assume = new Option<string>("--assume")
        {
            Description = "予測の前提: none（補修なし）、practice（点検の改善と工事記録から推定した現状の補修実績）、policy:方針の名前（補修工法の設定の方針） / What the forecast assumes about works",
            DefaultValueFactory = _ => "none",
        };
        var forecast = new Command("forecast", "団体の施設の健全性の分布を年ごとに予測 / Forecast the grade distribution of the stock") { forecastTenant, forecastKind, horizon, assume, forecastFormat };
        forecast.SetAction(async (parse, ct) => await WithModelAsync(parse, forecastTenant, forecastKind, async (db, model) =>
        {
            var years = parse.GetValue(horizon);
            if (years is < 1 or > 100)
            {
                return CliHost.Fail(Errors.IntervalInvalid(years.ToString(CultureInfo.InvariantCulture)));
            }

            var assumption = ForecastAssumption.Parse(parse.GetValue(assume));
            if (!assumption.IsSuccess)
            {
                return CliHost.Fail(assumption.Error!);
            }

            var result = await StockForecasts.ForecastAsync(db, model, assumption.Value, years, ct);
            if (!result.IsSuccess)
            {
                return CliHost.Fail(result.Error!);
            }

            var f = result.Value;
            await TableOutput.WriteAsync([DeteriorationReport.Forecast(model, f.Rows, DateTime.Today.Year, DeteriorationReport.SchemeOf(model, await GradeScales.LoadAsync(db, ct)), f.Label, f.Note)], parse.GetValue(forecastFormat)!, ct);
            return 0;
        }, ct));

        var (exportTenant, exportKind) = (TenantOption(), KindOption());
        var export = new Command("export", "劣化モデルを JSON で出力（他団体と共有）/ Export the model as JSON") { exportTenant, exportKind };
        export.SetAction(async (parse, ct) => await WithModelAsync(parse, exportTenant, exportKind, (_, model) =>
        {
            Console.WriteLine(DeteriorationModels.Export(model));
            return Task.FromResult(0);
        }, ct));

        var (importTenant, importKind) = (TenantOption(), KindOption());
        var file = new Argument<FileInfo>("file") { Description = "deterioration export で出力した JSON / A model exported as JSON" };
        var import = new Command("import", "劣化モデルを取り込む / Import a model") { file, importTenant, importKind };
        import.SetAction(async (parse, ct) => await WithTenantAsync(parse, importTenant, async db =>
        {
            var path = parse.GetValue(file)!;
            if (Kind(parse.GetValue(importKind)!) is not { } kind)
            {
                return CliHost.Fail(Errors.KindInvalid(parse.GetValue(importKind)!));
            }

            if (CliHost.Missing(path))
            {
                return 2;
            }

            var model = await DeteriorationModels.ImportAsync(db, kind, await File.ReadAllTextAsync(path.FullName, ct), path.Name, DateTime.UtcNow, ct);
            if (!model.IsSuccess)
            {
                return CliHost.Fail(model.Error!);
            }

            await TableOutput.WriteAsync([DeteriorationReport.Hazards(model.Value, DeteriorationReport.SchemeOf(model.Value, await GradeScales.LoadAsync(db, ct)))], "text", ct);
            return 0;
        }, ct));

        return new Command("deterioration", "劣化予測モデル（マルコフ劣化ハザード）/ Deterioration models") { fit, show, forecast, export, import };
    }

    private static Task<int> ImportFileAsync(ParseResult parse, Option<string> tenant, Argument<FileInfo> file, string what,
        Func<AppDbContext, Stream, string, DateOnly, CancellationToken, Task<Core.Common.Result<Core.Inspections.InspectionRecords.ImportOutcome>>> import, CancellationToken ct) =>
        WithTenantAsync(parse, tenant, async db =>
        {
            var path = parse.GetValue(file)!;
            if (CliHost.Missing(path))
            {
                return 2;
            }

            await using var stream = path.OpenRead();
            var result = await import(db, stream, path.Name, DateOnly.FromDateTime(DateTime.Today), ct);
            if (!result.IsSuccess)
            {
                return CliHost.Fail(result.Error!);
            }

            foreach (var problem in result.Value.Problems)
            {
                Console.WriteLine("  " + problem);
            }

            Console.WriteLine(result.Value.Problems.Count > 0 ? "問題があるため、何も書き込んでいません / nothing written" : result.Value.Summary(what));
            return result.Value.Problems.Count > 0 ? 1 : 0;
        }, ct);

    private static Option<string> TenantOption() => new("--tenant") { Description = "団体コード / Tenant code", Required = true };

    private static Option<string> KindOption() =>
        new("--kind") { Description = $"資産種別 {string.Join("|", DeteriorationReport.KindNames.Keys)} / Asset kind", Required = true };

    private static AssetKind? Kind(string name) => DeteriorationReport.KindNames.TryGetValue(name, out var k) ? k : null;

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

    private static Task<int> WithModelAsync(ParseResult parse, Option<string> tenant, Option<string> kindOption, Func<AppDbContext, DeteriorationModel, Task<int>> action, CancellationToken ct) =>
        WithTenantAsync(parse, tenant, async db =>
        {
            var name = parse.GetValue(kindOption)!;
            if (Kind(name) is not { } kind)
            {
                return CliHost.Fail(Errors.KindInvalid(name));
            }

            return await DeteriorationModels.FindAsync(db, kind, ct) is { } model ? await action(db, model) : CliHost.Fail(Errors.ModelNotFound(name));
        }, ct);
}
