using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Planning;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>
/// The new-plan form as typed: the same texts as <c>plan run</c>'s options, read by the same Core parsers
/// (<see cref="BudgetText"/>, <see cref="PlanText"/>), so the page and the CLI build the same <see cref="PlanInputs"/>.
/// </summary>
public sealed class PlanForm
{
    public string? Title { get; set; }

    public string? FirstYear { get; set; }

    public string? Horizon { get; set; } = "10";

    /// <summary>One line per funding source: 「800000000,800000000」 or 「国費=100000000,…」.</summary>
    public string? Budget { get; set; }

    /// <summary>One committed work a line: 「B-001:2027[:財源[:費用]]」.</summary>
    public string? Committed { get; set; }

    public string? NoWorstAfter { get; set; }

    /// <summary>One share target a line: 「2030:15%」.</summary>
    public string? Shares { get; set; }

    public string Solver { get; set; } = "both";

    public static IReadOnlyList<FormOption> Solvers { get; } =
    [
        new("both", "両方（厳密解法とヒューリスティックを比べる）"),
        new("exact", "厳密解法（OR-Tools CP-SAT）"),
        new("heuristic", "ヒューリスティック（増分便益費用比、大きな台帳でも速い）"),
    ];

    /// <summary>The form field a Core refusal is about (Core names them as the CLI's options).</summary>
    public static string FieldOf(Error error) => error.Field switch
    {
        "first_year" => nameof(FirstYear),
        "horizon" => nameof(Horizon),
        "budget" => nameof(Budget),
        "committed" or "facility" => nameof(Committed),
        "target" => nameof(Shares),
        _ => "",
    };

    /// <summary>The inputs, or every located refusal of the form (nothing is run then).</summary>
    public Result<PlanInputs> Read(int defaultFirstYear, double timeLimitSeconds, out List<Error> errors)
    {
        var values = new FormValues();
        var first = values.WholeNumber(FirstYear, nameof(FirstYear), "最初の年度") ?? defaultFirstYear;
        var horizon = values.WholeNumber(Horizon, nameof(Horizon), "計画期間（年）") ?? 10;
        var noWorst = values.WholeNumber(NoWorstAfter, nameof(NoWorstAfter), "最も悪い区分をなくす年度");
        errors = values.Errors;
        var budgets = BudgetText.Parse(Lines(Budget), first);
        var committed = PlanText.Committed(Lines(Committed));
        var shares = PlanText.Shares(Lines(Shares));
        foreach (var e in new[] { budgets.Error, committed.Error, shares.Error }.OfType<Error>())
        {
            errors.Add(e with { Field = FieldOf(e) });
        }

        var solver = Solver switch { "exact" => PlanSolver.Exact, "heuristic" => PlanSolver.Heuristic, "both" => PlanSolver.Both, _ => (PlanSolver?)null };
        if (solver is null)
        {
            errors.Add(WebErrors.NotAnOption("解法", Solver, nameof(Solver)));
        }

        if (errors.Count > 0)
        {
            return errors[0];
        }

        return new PlanInputs(first, horizon, budgets.Value, solver!.Value, committed.Value, noWorst, shares.Value,
            TimeLimitSeconds: timeLimitSeconds, Title: FormValues.Text(Title));
    }

    /// <summary>The form for a plan's inputs (a re-run starts from them).</summary>
    public static PlanForm Of(PlanInputs i) => new()
    {
        Title = i.Title,
        FirstYear = i.FirstYear.ToString(CultureInfo.InvariantCulture),
        Horizon = i.Horizon.ToString(CultureInfo.InvariantCulture),
        Budget = string.Join('\n', i.Budgets.GroupBy(b => b.Source).Select(g => (g.Key.Length == 0 ? "" : g.Key + "=") + string.Join(',', g.OrderBy(b => b.Year).Select(b => b.Amount.ToString(CultureInfo.InvariantCulture))))),
        Committed = string.Join('\n', (i.Committed ?? []).Select(w => $"{w.Facility}:{w.Year.ToString(CultureInfo.InvariantCulture)}{(w.Source.Length > 0 || w.Cost is not null ? ":" + w.Source : "")}{(w.Cost is { } c ? ":" + c.ToString(CultureInfo.InvariantCulture) : "")}")),
        NoWorstAfter = i.NoWorstAfter?.ToString(CultureInfo.InvariantCulture),
        Shares = string.Join('\n', (i.Shares ?? []).Select(s => $"{s.FromYear.ToString(CultureInfo.InvariantCulture)}:{(s.MaxShare * 100).ToString("0.##", CultureInfo.InvariantCulture)}%")),
        Solver = i.Solver switch { PlanSolver.Exact => "exact", PlanSolver.Heuristic => "heuristic", _ => "both" },
    };

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
