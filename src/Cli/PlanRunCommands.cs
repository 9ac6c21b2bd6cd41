using System.CommandLine;
using System.Globalization;
using InfraLedger.Core.Database;
using InfraLedger.Core.Planning;
using InfraLedger.Core.Register.Export;

namespace InfraLedger.Cli;

/// <summary><c>plan run|list|show|decide|rerun|diff|export</c>: a tenant's works plans (個別施設計画), kept and versioned (案 → 決定).</summary>
internal static class PlanRunCommands
{
    public static IEnumerable<Command> Create() => [Run(), List(), Show(), Decide(), Rerun(), Diff(), Export(), Publish()];

    private static Option<string> Tenant() => new("--tenant") { Description = "団体コード / Tenant code", Required = true };

    private static Argument<int> Id() => new("id") { Description = "計画の番号 / Plan number" };

    private static Command Run()
    {
        var tenant = Tenant();
        var horizon = new Option<int>("--horizon") { Description = "計画期間（年）/ Plan horizon, years", DefaultValueFactory = _ => 10 };
        var firstYear = new Option<int?>("--first-year") { Description = "最初の年度（既定は来年度）/ First fiscal year (default: next)" };
        var budget = new Option<string[]>("--budget") { Description = "年度ごとの予算（円）800,800,…（1つだけなら毎年度同じ額、財源別は 国費=100,100,…、繰り返し可）/ Budget per year (one amount: every year)", Required = true, AllowMultipleArgumentsPerToken = false };
        var exact = new Option<bool>("--exact") { Description = "厳密解法だけ / Exact solver only" };
        var heuristic = new Option<bool>("--heuristic") { Description = "ヒューリスティックだけ / Heuristic only" };
        var both = new Option<bool>("--both") { Description = "両方で解いて差を記録（既定）/ Both, with the gap (default)" };
        var committed = new Option<string[]>("--committed") { Description = "確約済みの工事 施設コード:年度[:財源[:費用]]（繰り返し可）/ Committed work" };
        var noWorst = new Option<int?>("--no-worst-after") { Description = "この年度までに最も悪い区分（IV）の施設をなくす / No facility left in the worst grade after this year" };
        var share = new Option<string[]>("--share") { Description = "悪い区分の割合の目標 年度:割合%（例 2030:15%）/ Share target" };
        var poorFrom = new Option<int>("--poor-from") { Description = "割合の目標で悪いとする区分（既定 3 = III 以下）/ Poor grades from", DefaultValueFactory = _ => 3 };
        var policy = new Option<string?>("--policy") { Description = $"対策候補を作る方針（既定 {PlanRun.DefaultPolicy}）/ Policy" };
        var outlook = new Option<int>("--outlook") { Description = "費用の見通し（年）/ Cost outlook, years", DefaultValueFactory = _ => 50 };
        var rate = new Option<double>("--rate") { Description = "割引率 / Discount rate", DefaultValueFactory = _ => 0.04 };
        var timeLimit = new Option<double>("--time-limit") { Description = "厳密解法の制限時間（秒）/ Time limit, seconds", DefaultValueFactory = _ => 60 };
        var title = new Option<string?>("--title") { Description = "計画の名前 / Title" };
        var run = new Command("run", "施設台帳と点検記録から予算内の計画を求めて案として保存する / Run and keep a plan (draft)")
        {
            tenant, horizon, firstYear, budget, exact, heuristic, both, committed, noWorst, share, poorFrom, policy, outlook, rate, timeLimit, title,
        };
        run.SetAction(async (parse, ct) =>
        {
            if (new[] { parse.GetValue(exact), parse.GetValue(heuristic), parse.GetValue(both) }.Count(x => x) > 1)
            {
                Console.Error.WriteLine("エラー: --exact、--heuristic、--both はどれか1つを指定してください。");
                return 2;
            }

            var first = parse.GetValue(firstYear) ?? Core.Common.FiscalYear.Of(DateOnly.FromDateTime(DateTime.Today)).Year + 1;
            var budgets = BudgetText.Parse(parse.GetValue(budget)!, first, parse.GetValue(horizon));
            var works = PlanText.Committed(parse.GetValue(committed) ?? []);
            var shares = PlanText.Shares(parse.GetValue(share) ?? []);
            if ((budgets.Error ?? works.Error ?? shares.Error) is { } error)
            {
                return CliHost.Fail(error);
            }

            var solver = parse.GetValue(exact) ? PlanSolver.Exact : parse.GetValue(heuristic) ? PlanSolver.Heuristic : PlanSolver.Both;
            var inputs = new PlanInputs(first, parse.GetValue(horizon), budgets.Value, solver, works.Value, parse.GetValue(noWorst), shares.Value,
                parse.GetValue(poorFrom), parse.GetValue(policy), parse.GetValue(outlook), parse.GetValue(rate), parse.GetValue(timeLimit), parse.GetValue(title));
            return await WithTenantAsync(parse, tenant, async db =>
            {
                Console.Error.WriteLine("計算しています…");
                var plan = await WorksPlans.RunAsync(db, inputs, DateTime.UtcNow, ct);
                if (!plan.IsSuccess)
                {
                    return CliHost.Fail(plan.Error!);
                }

                Console.Out.WriteLine($"計画 {N(plan.Value.Summary.Id)} を案として保存しました。");
                await TableOutput.WriteAsync([.. PlanExport.Tables(plan.Value).Take(1)], "text", ct);
                return 0;
            }, ct);
        });
        return run;
    }

    private static Command List()
    {
        var tenant = Tenant();
        var list = new Command("list", "団体の計画の一覧 / List plans") { tenant };
        list.SetAction(async (parse, ct) => await WithTenantAsync(parse, tenant, async db =>
        {
            Console.Out.WriteLine("番号\t状態\t名前\t期間\t解法\t件数\t費用（円）\t便益（円）\t差\t元の計画\t作成（日本時間）");
            foreach (var p in await WorksPlans.ListAsync(db, ct))
            {
                Console.Out.WriteLine(string.Join('\t', N(p.Id), p.StatusLabel, p.Title, $"{N(p.FirstYear)}〜{N(p.FirstYear + p.Horizon - 1)}", p.Method, N(p.Works),
                    Yen(p.Cost), Yen(p.Benefit), p.Gap is { } g ? (g * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "", p.BasedOn is { } b ? N(b) : "",
                    Core.Common.JapanTime.Minute(p.CreatedAtUtc)));
            }

            return 0;
        }, ct));
        return list;
    }

    private static Command Show()
    {
        var (tenant, id, format) = (Tenant(), Id(), TableOutput.Format());
        var table = new Option<string?>("--table") { Description = $"表だけ（{string.Join("|", PlanExport.Sheets.Keys)}）/ One table" };
        var show = new Command("show", "計画の概要、対策工事リスト、年度別計画表ほか / Show a plan") { id, tenant, format, table };
        show.SetAction(async (parse, ct) => await WithTenantAsync(parse, tenant, async db =>
        {
            var plan = await WorksPlans.FindAsync(db, parse.GetValue(id), ct);
            if (!plan.IsSuccess)
            {
                return CliHost.Fail(plan.Error!);
            }

            var tables = PlanExport.Tables(plan.Value).Where(t => parse.GetValue(table) is not { } name || t.Name == name).ToList();
            if (tables.Count == 0)
            {
                return CliHost.Fail(Errors.ExportTable(parse.GetValue(table)!, string.Join("・", PlanExport.Sheets.Keys)));
            }

            await TableOutput.WriteAsync(tables, parse.GetValue(format)!, ct);
            return 0;
        }, ct));
        return show;
    }

    private static Command Decide()
    {
        var (tenant, id) = (Tenant(), Id());
        var decide = new Command("decide", "案を決定にする（前の決定は旧決定になる、監査記録に残る）/ Decide a draft") { id, tenant };
        decide.SetAction(async (parse, ct) => await WithTenantAsync(parse, tenant, async db =>
        {
            var decided = await WorksPlans.DecideAsync(db, parse.GetValue(id), DateTime.UtcNow, ct);
            if (!decided.IsSuccess)
            {
                return CliHost.Fail(decided.Error!);
            }

            Console.Out.WriteLine($"計画 {N(decided.Value.Id)}「{decided.Value.Title}」を決定しました。");
            return 0;
        }, ct));
        return decide;
    }

    private static Command Rerun()
    {
        var (tenant, id) = (Tenant(), Id());
        var rerun = new Command("rerun", "同じ条件で今の台帳と点検記録から計算し直し、新しい案と元の計画との違いを示す / Re-run a plan") { id, tenant };
        rerun.SetAction(async (parse, ct) => await WithTenantAsync(parse, tenant, async db =>
        {
            var plan = await WorksPlans.RerunAsync(db, parse.GetValue(id), DateTime.UtcNow, ct);
            if (!plan.IsSuccess)
            {
                return CliHost.Fail(plan.Error!);
            }

            Console.Out.WriteLine($"計画 {N(plan.Value.Summary.Id)} を計画 {N(parse.GetValue(id))} の再計算（案）として保存しました。");
            return PrintDiff((await WorksPlans.DiffAsync(db, plan.Value.Summary.Id, ct)).Value);
        }, ct));
        return rerun;
    }

    private static Command Diff()
    {
        var (tenant, id) = (Tenant(), Id());
        var diff = new Command("diff", "元の計画（なければ決定済みの計画）との違い / What changed") { id, tenant };
        diff.SetAction(async (parse, ct) => await WithTenantAsync(parse, tenant, async db =>
        {
            var d = await WorksPlans.DiffAsync(db, parse.GetValue(id), ct);
            return d.IsSuccess ? PrintDiff(d.Value) : CliHost.Fail(d.Error!);
        }, ct));
        return diff;
    }

    private static int PrintDiff(PlanDiff d)
    {
        Console.Out.WriteLine($"計画 {N(d.From)} → {N(d.To)}: 追加 {N(d.Of(PlanChangeKind.Added).Count())} 件、取りやめ {N(d.Of(PlanChangeKind.Removed).Count())} 件、年度の変更 {N(d.Of(PlanChangeKind.Moved).Count())} 件、内容の変更 {N(d.Of(PlanChangeKind.Changed).Count())} 件");
        Console.Out.WriteLine("変更\t施設コード\t施設名\t年度（前）\t年度（後）\t対策（前）\t対策（後）\t費用（前）\t費用（後）");
        foreach (var c in d.Changes)
        {
            var kind = c.Kind switch { PlanChangeKind.Added => "追加", PlanChangeKind.Removed => "取りやめ", PlanChangeKind.Moved => "年度の変更", _ => "内容の変更" };
            Console.Out.WriteLine(string.Join('\t', kind, c.Facility, c.Name, c.FromYear is { } f ? N(f) : "", c.ToYear is { } t ? N(t) : "", c.FromTreatment ?? "", c.ToTreatment ?? "", Yen(c.FromCost), Yen(c.ToCost)));
        }

        Console.Out.WriteLine($"費用の変化,{(d.CostChange >= 0 ? "+" : "")}{Yen(d.CostChange)}（{Yen(d.CostBefore)} → {Yen(d.CostAfter)}）");
        return 0;
    }

    private static Command Export()
    {
        var (tenant, id) = (Tenant(), Id());
        var format = new Option<string>("--format") { Description = "xlsx|csv", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("xlsx", "csv");
        var output = new Option<FileInfo>("--out") { Description = "出力ファイル / Output file", Required = true };
        var table = new Option<string>("--table") { Description = $"CSV の表（{string.Join("|", PlanExport.Sheets.Keys)}、既定 works = 対策工事リスト）/ CSV table", DefaultValueFactory = _ => "works" };
        var encoding = new Option<string>("--encoding") { Description = "CSV の文字コード utf-8-bom（既定、Excel 向け）|utf-8|shift_jis / CSV encoding", DefaultValueFactory = _ => "utf-8-bom" };
        encoding.AcceptOnlyFromAmong("utf-8-bom", "utf-8", "shift_jis");
        var export = new Command("export", "個別施設計画を XLSX（計画概要・対策工事リスト・年度別計画表…）か CSV で出力 / Export a plan") { id, tenant, format, output, table, encoding };
        export.SetAction(async (parse, ct) => await WithTenantAsync(parse, tenant, async db =>
        {
            var plan = await WorksPlans.FindAsync(db, parse.GetValue(id), ct);
            if (!plan.IsSuccess)
            {
                return CliHost.Fail(plan.Error!);
            }

            // Written to memory first: a refused table leaves no file behind.
            using var buffer = new MemoryStream();
            if (parse.GetValue(format) == "xlsx")
            {
                await PlanExport.WriteXlsxAsync(plan.Value, buffer, ct);
            }
            else
            {
                var csv = parse.GetValue(encoding) switch { "utf-8" => CsvEncoding.Utf8, "shift_jis" => CsvEncoding.ShiftJis, _ => CsvEncoding.Utf8Bom };
                var written = await PlanExport.WriteCsvAsync(plan.Value, parse.GetValue(table)!, buffer, csv, ct);
                if (!written.IsSuccess)
                {
                    return CliHost.Fail(written.Error!);
                }
            }

            var file = parse.GetValue(output)!;
            await File.WriteAllBytesAsync(file.FullName, buffer.ToArray(), ct);
            Console.Error.WriteLine($"{file.FullName} に出力しました。");
            return 0;
        }, ct));
        return export;
    }

    private static Command Publish()
    {
        var (tenant, id) = (Tenant(), Id());
        var licences = Core.OpenData.OpenDataLicences.From(CliHost.Configuration());
        var licence = new Option<string>("--licence") { Description = $"ライセンス（{string.Join("・", licences.All.Select(l => l.Id))}）/ Licence", DefaultValueFactory = _ => licences.All[0].Id };
        var publish = new Command("publish", "決定した計画の概要（年度ごとの費用・健全度・縮減額）を公開ダッシュボードとオープンデータに公表 / Publish a decided plan's summary") { id, tenant, licence };
        publish.SetAction(async (parse, ct) => await WithTenantAsync(parse, tenant, async db =>
        {
            var summary = await WorksPlans.SummaryAsync(db, parse.GetValue(id), ct);
            if (!summary.IsSuccess)
            {
                return CliHost.Fail(summary.Error!);
            }

            var published = await PlanSummaryPublication.PublishAsync(db, summary.Value, parse.GetValue(licence), licences, DateTime.UtcNow, ct);
            if (!published.IsSuccess)
            {
                return CliHost.Fail(published.Error!);
            }

            Console.Out.WriteLine($"計画 {N(parse.GetValue(id))}「{summary.Value.Title}」の概要を公表しました。");
            return 0;
        }, ct));
        return publish;
    }

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

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Yen(decimal v) => v.ToString("#,0", CultureInfo.InvariantCulture);
}
