using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;

namespace InfraLedger.Core.Maintenance;

/// <summary>What the stock forecast assumes about works (issue 19 item 4).</summary>
public enum ForecastBasis
{
    /// <summary>No works: the deterioration model alone (grades only get worse).</summary>
    None = 0,

    /// <summary>Current practice: repair rates per state estimated from the improvements and works in the records.</summary>
    Practice = 1,

    /// <summary>The tenant's stated policy: a state-based policy of the kind's treatment library.</summary>
    Policy = 2,
}

/// <summary>The assumption of a forecast; written <c>none</c>, <c>practice</c> or <c>policy:名前</c> in URLs and on the command line.</summary>
public sealed record ForecastAssumption(ForecastBasis Basis, string? Policy = null)
{
    public static readonly ForecastAssumption None = new(ForecastBasis.None);

    public string Value => Basis switch
    {
        ForecastBasis.Practice => "practice",
        ForecastBasis.Policy => $"policy:{Policy}",
        _ => "none",
    };

    public static Result<ForecastAssumption> Parse(string? value) => value?.Trim() switch
    {
        null or "" or "none" => None,
        "practice" => new ForecastAssumption(ForecastBasis.Practice),
        { } v when v.StartsWith("policy:", StringComparison.Ordinal) && v.Length > "policy:".Length => new ForecastAssumption(ForecastBasis.Policy, v["policy:".Length..].Trim()),
        _ => Errors.AssumptionInvalid(value!),
    };
}

/// <summary>A stock forecast with the assumption it uses, said in words (<see cref="Label"/>, <see cref="Note"/>) wherever it is shown.</summary>
public sealed record StockForecast(ForecastAssumption Assumption, string Label, string Note, IReadOnlyList<(int Year, double[] Facilities)> Rows, RepairFit? Practice);

/// <summary>The tenant's stock of a kind, forecast year by year under an assumption about works, all by exact matrix algebra.</summary>
public static class StockForecasts
{
    public static async Task<Result<StockForecast>> ForecastAsync(AppDbContext db, DeteriorationModel model, ForecastAssumption assumption, int years, CancellationToken ct)
    {
        var now = await DeteriorationModels.StockNowAsync(db, model, ct);
        var states = now.Length;
        switch (assumption.Basis)
        {
            case ForecastBasis.Practice:
                var practice = await DeteriorationModels.PracticeAsync(db, model.Kind, ct);
                if (!practice.IsSuccess)
                {
                    return Errors.PracticeUnavailable(practice.Error!.Message);
                }

                if (practice.Value.States != states)
                {
                    return Errors.StatesDiffer(states, practice.Value.States);
                }

                return new StockForecast(assumption, "現状の補修実績", PracticeNote(practice.Value), DeteriorationModels.Project(now, practice.Value.Transition(1), years), practice.Value);

            case ForecastBasis.Policy:
                if (await Libraries.LoadAsync(db, model.Kind, ct) is not { } library)
                {
                    return Errors.KindInvalid(model.Kind.ToString());
                }

                if (library.Library.Policies.FirstOrDefault(p => p.Name == assumption.Policy) is not { } policy)
                {
                    return Errors.PolicyNotFound(assumption.Policy ?? "");
                }

                if (policy.Type == PolicyType.Age)
                {
                    return Errors.PolicyNotStateBased(policy.Name);
                }

                if (library.Library.Levels != states)
                {
                    return Errors.StatesDiffer(states, library.Library.Levels);
                }

                var plan = StockEvaluation.Plan(library.Library, policy);
                var after = plan.Select((t, s) => t is null ? s : t.Effect.After(s + 1) - 1).ToArray();
                var step = new PolicyChain(model.Fit().Chain().Transition(1), after, new double[states]).Step();
                var acts = plan.Select((t, s) => t is null ? null : $"{N(s + 1)}→{N(after[s] + 1)} {t.Name}").OfType<string>().ToList();
                return new StockForecast(assumption, $"方針「{policy.Name}」", $"補修工法の設定 {library.Label} の方針「{policy.Name}」に従い、各年の初めに状態を見て補修する（{(acts.Count == 0 ? "補修しない" : string.Join("、", acts))}）。劣化は保存した劣化モデル（{model.Source}）。",
                    DeteriorationModels.Project(now, step, years), null);

            default:
                return new StockForecast(assumption, "補修なし", $"補修をしない前提（劣化のみ、状態は悪くなる一方）。劣化モデル: {model.Source}。", DeteriorationModels.Project(now, model.Fit().Chain().Transition(1), years), null);
        }
    }

    /// <summary>The choices a page offers: none, practice, and every state-based policy of the kind's library.</summary>
    public static async Task<List<(string Value, string Label)>> ChoicesAsync(AppDbContext db, DeteriorationModel model, CancellationToken ct)
    {
        List<(string, string)> choices = [("none", "補修なし（劣化のみ）"), ("practice", "現状の補修実績（点検の改善と工事記録から推定）")];
        if (await Libraries.LoadAsync(db, model.Kind, ct) is { } library)
        {
            choices.AddRange(library.Library.Policies.Where(p => p.Type != PolicyType.Age).Select(p => ($"policy:{p.Name}", $"維持管理方針「{p.Name}」")));
        }

        return choices;
    }

    private static string PracticeNote(RepairFit fit)
    {
        var rates = fit.Repairs.Count == 0 ? "改善の記録なし（補修率 0）"
            : string.Join("、", fit.Repairs.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.From}→{r.To} 年{r.Rate:0.####}")));
        return $"自団体の点検 {N(fit.Pairs)} 組（うち工事で改善した {N(fit.Works)} 件の工事記録を含む）から、劣化ハザードと状態ごとの補修率（{rates}）を同時に最尤推定（記録のない改善も補修とみなす）。保存した劣化モデルは使わない。";
    }

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
}
