using System.CommandLine;
using System.Globalization;
using InfraLedger.Core.Planning;

namespace InfraLedger.Cli;

/// <summary><c>plan</c>: the works programme within the budget (個別施設計画). <c>plan solve</c> needs no database.</summary>
internal static class PlanCommands
{
    public static Command Create()
    {
        var plan = new Command("plan", "個別施設計画（予算内の対策工事の計画）/ Works programme within the budget") { Solve(), PlanConsequenceCommands.Create() };
        foreach (var command in PlanRunCommands.Create())
        {
            plan.Subcommands.Add(command);
        }

        return plan;
    }

    private static Command Solve()
    {
        var candidates = new Option<FileInfo>("--candidates") { Description = "対策候補（CSV/XLSX: 施設, 年度, 費用, 便益, 対策内容?, 財源?, 確約?）/ Candidates file", Required = true };
        var budget = new Option<string[]>("--budget") { Description = "年度ごとの予算 800,800,800（財源別は 国費=100,100,100、繰り返し可）/ Budget per year", Required = true, AllowMultipleArgumentsPerToken = false };
        var firstYear = new Option<int?>("--first-year") { Description = "予算の最初の年度（既定はファイルの最小の年度）/ Year of the first budget" };
        var exact = new Option<bool>("--exact") { Description = "厳密解法だけ（OR-Tools CP-SAT）/ Exact solver only" };
        var heuristic = new Option<bool>("--heuristic") { Description = "ヒューリスティックだけ（増分便益費用比）/ Heuristic only" };
        var perYear = new Option<bool>("--per-year") { Description = "1施設1年度1対策（既定は計画期間で1施設1対策）/ One per facility per year" };
        var timeLimit = new Option<double>("--time-limit") { Description = "厳密解法の制限時間（秒）/ Time limit, seconds", DefaultValueFactory = _ => 60 };
        var solve = new Command("solve", "対策候補から予算内で便益が最大の計画を求める（データベース不要）/ Solve a candidates file")
        {
            candidates, budget, firstYear, exact, heuristic, perYear, timeLimit,
        };
        solve.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(candidates)!;
            if (CliHost.Missing(file))
            {
                return 2;
            }

            if (parse.GetValue(exact) && parse.GetValue(heuristic))
            {
                Console.Error.WriteLine("エラー: --exact と --heuristic はどちらか一方を指定してください（両方省略すると両方で解いて差を示します）。");
                return 2;
            }

            await using var stream = file.OpenRead();
            var (table, problems) = CandidateFile.Read(stream, file.Name);
            if (table is null)
            {
                return Problems(problems);
            }

            var budgets = BudgetText.Parse(parse.GetValue(budget)!, parse.GetValue(firstYear) ?? table.Candidates.Min(c => c.Year));
            if (!budgets.IsSuccess)
            {
                return CliHost.Fail(budgets.Error!);
            }

            if (CandidateFile.CheckBudgets(table, budgets.Value) is { Count: > 0 } unbudgeted)
            {
                return Problems(unbudgeted);
            }

            var problem = new ProgrammeProblem(table.Candidates, budgets.Value, parse.GetValue(perYear) ? Exclusivity.OnePerFacilityPerYear : Exclusivity.OnePerFacility);
            var options = new ExactOptions(parse.GetValue(timeLimit));
            return parse.GetValue(exact) ? Print(ExactSolver.Solve(problem, options))
                : parse.GetValue(heuristic) ? Print(HeuristicSolver.Solve(problem))
                : PrintBoth(Programmes.Compare(problem, options));
        });
        return solve;
    }

    private static int Print(Core.Common.Result<ProgrammePlan> solved)
    {
        if (!solved.IsSuccess)
        {
            return CliHost.Fail(solved.Error!);
        }

        var plan = solved.Value;
        Console.Out.WriteLine("facility,year,treatment,source,cost,benefit");
        foreach (var c in plan.Chosen)
        {
            Console.Out.WriteLine(string.Join(',', Csv(c.Facility), N(c.Year), Csv(c.Treatment), Csv(c.Source), N(c.Cost), N(c.Benefit)));
        }

        Console.Out.WriteLine($"合計便益,{N(plan.Benefit)}");
        Console.Out.WriteLine($"合計費用,{N(plan.Cost)}");
        Console.Error.WriteLine(plan.Method == SolveMethod.Heuristic ? "ヒューリスティック（増分便益費用比）の計画です。"
            : plan.ProvedOptimal ? "厳密解法（OR-Tools CP-SAT）で最適性を証明した計画です。"
            : $"厳密解法が制限時間内に最適性を証明できなかった計画です（上界 {N(plan.Bound ?? 0)}）。");
        return 0;
    }

    private static int PrintBoth(Core.Common.Result<ProgrammeComparison> solved)
    {
        if (!solved.IsSuccess)
        {
            return CliHost.Fail(solved.Error!);
        }

        var exitCode = Print(solved.Value.Exact);
        Console.Out.WriteLine($"ヒューリスティックの合計便益,{N(solved.Value.Heuristic.Benefit)}");
        Console.Out.WriteLine($"差（厳密解比）,{(solved.Value.Gap * 100).ToString("0.0", CultureInfo.InvariantCulture)}%");
        return exitCode;
    }

    private static int Problems(IReadOnlyList<Core.Tables.ImportProblem> problems)
    {
        foreach (var p in problems)
        {
            Console.Error.WriteLine($"エラー: {p}");
        }

        Console.Error.WriteLine("対策候補のファイルに問題があるため計算しませんでした。");
        return 1;
    }

    private static string N(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n']) < 0 ? s : $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
