using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfraLedger.Core.Planning;

/// <summary>Which solver a plan run uses; <see cref="Both"/> keeps the exact plan and records the heuristic's objective and the gap.</summary>
public enum PlanSolver
{
    Exact,
    Heuristic,
    Both,
}

/// <summary>
/// A work already contracted: it is in every plan. It takes the facility's candidate of that year when there is one
/// (its treatment when named), else it is added with <paramref name="Cost"/> and no benefit.
/// </summary>
public sealed record CommittedWork(string Facility, int Year, string Source = "", string? Treatment = null, decimal? Cost = null);

/// <summary>
/// What a plan run is asked (fiscal years throughout): the horizon from <paramref name="FirstYear"/>, the 50-year outlook,
/// the discount rate, budgets per year and funding source, committed works, condition targets (no facility left in the
/// worst grade after <paramref name="NoWorstAfter"/>; shares of grades <paramref name="PoorFrom"/> and worse), the
/// solver and, per asset kind, the policy whose treatments are the candidates (default 予防保全, else the kind's first
/// state-based policy).
/// </summary>
public sealed record PlanInputs(
    int FirstYear,
    int Horizon,
    IReadOnlyList<Budget> Budgets,
    PlanSolver Solver = PlanSolver.Both,
    IReadOnlyList<CommittedWork>? Committed = null,
    int? NoWorstAfter = null,
    IReadOnlyList<ShareTarget>? Shares = null,
    int PoorFrom = 3,
    string? Policy = null,
    int OutlookYears = 50,
    double Rate = 0.04,
    double TimeLimitSeconds = 60,
    string? Title = null)
{
    public int LastYear => FirstYear + Horizon - 1;
}

/// <summary>A chosen work: 個別施設計画 ④⑤⑥ and ③ (its priority and the reason).</summary>
public sealed record PlanWork(
    string Facility, string Name, string Kind, int? Grade, int Year, string Treatment, string Category, string Source,
    decimal Cost, decimal Benefit, int Priority, string Reason, bool Committed);

/// <summary>A facility in scope: its grade (④), its risk priority and the reason (③), or why it could not be planned.</summary>
public sealed record PlanFacility(string Facility, string Name, string Kind, int? Grade, int? Priority, double Risk, string Reason);

/// <summary>An amount under a name (a funding source, an asset kind).</summary>
public sealed record PlanAmount(string Name, decimal Amount);

/// <summary>One plan year: budgets and spending by funding source, spending by asset kind, expected facilities per grade after the year's works.</summary>
public sealed record PlanYear(int Year, IReadOnlyList<PlanAmount> Budget, IReadOnlyList<PlanAmount> BySource, IReadOnlyList<PlanAmount> ByKind, IReadOnlyList<double> Grades, double PoorShare);

/// <summary>The life-cycle cost of one asset kind over the outlook: its policy against 事後保全 (Core/Maintenance), undiscounted and discounted.</summary>
public sealed record PlanLcc(string Kind, string Policy, int Facilities, double PolicyTotal, double CorrectiveTotal, double PolicyDiscounted, double CorrectiveDiscounted, string Library)
{
    public double Saving => CorrectiveTotal - PolicyTotal;

    public double SavingRate => CorrectiveTotal > 0 ? Saving / CorrectiveTotal : 0;
}

/// <summary>One year of the outlook: expected cost under the plan's policies and under 事後保全, all kinds together.</summary>
public sealed record PlanOutlookYear(int Year, double Policy, double Corrective);

/// <summary>
/// The result of a plan run: the chosen works and the objective of the solver(s) (with the heuristic's gap when both
/// ran), every facility with its priority, the years, the LCC saving and outlook, and what it was computed from.
/// </summary>
public sealed record PlanResult(
    string Method,
    decimal Benefit,
    decimal Cost,
    bool ProvedOptimal,
    decimal? Bound,
    decimal? ExactBenefit,
    decimal? HeuristicBenefit,
    decimal? Gap,
    IReadOnlyList<PlanWork> Works,
    IReadOnlyList<PlanFacility> Facilities,
    IReadOnlyList<PlanYear> Years,
    IReadOnlyList<PlanLcc> Lcc,
    IReadOnlyList<PlanOutlookYear> Outlook,
    IReadOnlyList<string> GradeLabels,
    IReadOnlyList<string> Basis);

/// <summary>The JSON of the plan documents: stable (same input, same bytes), readable Japanese.</summary>
internal static class PlanJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Read<T>(byte[] bytes) => JsonSerializer.Deserialize<T>(bytes, Options) ?? throw new JsonException("empty plan document");
}
