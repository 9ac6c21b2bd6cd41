using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Planning;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>
/// The group-plan form of the group's admin: years, shared or per-member budgets (the budget lines of
/// <see cref="BudgetText"/>, prefixed by the member's code 「222127:…」 for per-member budgets), solver.
/// </summary>
public sealed class GroupForm
{
    public string? FirstYear { get; set; }

    public string? Years { get; set; } = "5";

    public string Mode { get; set; } = "shared";

    public string? Budget { get; set; }

    public string Solver { get; set; } = "exact";

    public static IReadOnlyList<FormOption> Modes { get; } = [new("shared", "グループ共通の予算"), new("per-member", "構成団体ごとの予算")];

    public static IReadOnlyList<FormOption> Solvers { get; } = [new("exact", "厳密解法（OR-Tools CP-SAT）"), new("heuristic", "ヒューリスティック")];

    public sealed record Inputs(GroupPlanOptions Options, GroupBudgetMode Mode, IReadOnlyList<GroupBudget> Budgets, SolveMethod Method);

    public Result<Inputs> Read(int defaultFirstYear, out List<Error> errors)
    {
        var values = new FormValues();
        var first = values.WholeNumber(FirstYear, nameof(FirstYear), "最初の年度") ?? defaultFirstYear;
        var years = values.WholeNumber(Years, nameof(Years), "計画期間（年）") ?? 5;
        errors = values.Errors;
        if (years is < 1 or > 50)
        {
            errors.Add(Errors.HorizonInvalid(years) with { Field = nameof(Years) });
        }

        var mode = Mode == "per-member" ? GroupBudgetMode.PerMember : GroupBudgetMode.Shared;
        var budgets = new List<GroupBudget>();
        foreach (var line in (Budget ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (member, text) = mode == GroupBudgetMode.PerMember && line.Split(':', 2) is [var m, var rest] ? (m.Trim(), rest) : ("", line);
            var parsed = BudgetText.Parse([text], first);
            if (!parsed.IsSuccess)
            {
                errors.Add(parsed.Error! with { Field = nameof(Budget) });
                continue;
            }

            budgets.AddRange(parsed.Value.Select(b => new GroupBudget(member, b.Year, b.Source, b.Amount)));
        }

        if (budgets.Count == 0 && errors.All(e => e.Field != nameof(Budget)))
        {
            errors.Add(Errors.BudgetText("") with { Field = nameof(Budget) });
        }

        return errors.Count > 0 ? errors[0]
            : new Inputs(new GroupPlanOptions(first, years, PlanRun.DefaultPolicy), mode, budgets, Solver == "heuristic" ? SolveMethod.Heuristic : SolveMethod.Exact);
    }

    public static string FieldOf(Error error) => error.Field switch
    {
        "budget" or "member" => nameof(Budget),
        _ => "",
    };

    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
