using System.Globalization;
using InfraLedger.Core.Maintenance;

namespace InfraLedger.Core.Planning;

/// <summary>The result document of a plan run from the network and the solved programme: works, facilities, years, LCC.</summary>
internal static class PlanAssembly
{
    public static PlanResult Result(PlanNetwork n, PlanInputs inputs, ConsequenceSettings settings, ProgrammePlan plan, ProgrammePlan? heuristic,
        List<(PlanKind Kind, StockResult Policy, StockResult Corrective)> lcc)
    {
        var index = n.Candidates.Select((c, i) => (c, i)).GroupBy(x => x.c).ToDictionary(g => g.Key, g => g.First().i);
        var chosen = plan.Chosen.Select(c => index[c]).ToList();
        var works = chosen.Select(i => Work(n, i)).OrderBy(w => w.Year).ThenBy(w => w.Priority == 0 ? int.MaxValue : w.Priority)
            .ThenBy(w => w.Facility, StringComparer.Ordinal).ToList();
        var levels = n.Kinds.Max(k => k.Levels.Count);
        var byFacility = chosen.GroupBy(i => n.Candidates[i].Facility, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var years = Enumerable.Range(0, inputs.Horizon).Select(k => Year(n, inputs, k, levels, byFacility, works)).ToList();

        var basis = new List<string>(n.Basis)
        {
            $"影響度の設定: {(settings.Version == 0 ? "既定値（未保存）" : $"第{settings.Version.ToString(CultureInfo.InvariantCulture)}版")}、リスク = {settings.Years.ToString(CultureInfo.InvariantCulture)}年以内に最も悪い区分に達する確率 × 影響度（1 ＋ 該当する属性の重みの和）",
            plan.Method == SolveMethod.Exact
                ? $"解法: 厳密解法（OR-Tools CP-SAT）{(plan.ProvedOptimal ? "、最適性を証明" : "、制限時間内に最適性は未証明")}{(heuristic is null ? "" : "、ヒューリスティックと比較")}"
                : "解法: ヒューリスティック（増分便益費用比）",
            "便益 = その年度から方針どおりに対策する場合の、計画期間中に対策しない場合に対する期待割引費用（対策費・リスク費用を含む）の純減（ADR 0024）",
        };
        basis.AddRange(n.Skipped.GroupBy(s => s.Value).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"計画の対象外 {g.Count().ToString(CultureInfo.InvariantCulture)} 件: {g.Key}（{string.Join("、", g.Select(x => x.Key).Order(StringComparer.Ordinal).Take(5))}{(g.Count() > 5 ? " ほか" : "")}）"));

        var outlook = Enumerable.Range(0, inputs.OutlookYears)
            .Select(t => new PlanOutlookYear(inputs.FirstYear + t, lcc.Sum(l => l.Policy.YearCosts[t]), lcc.Sum(l => l.Corrective.YearCosts[t]))).ToList();
        return new PlanResult(
            plan.Method == SolveMethod.Exact ? "exact" : "heuristic",
            plan.Benefit, plan.Cost, plan.ProvedOptimal, plan.Bound,
            plan.Method == SolveMethod.Exact ? plan.Benefit : null,
            plan.Method == SolveMethod.Heuristic ? plan.Benefit : heuristic?.Benefit,
            heuristic is null ? null : new ProgrammeComparison(plan, heuristic).Gap,
            works,
            Facilities(n, chosen),
            years,
            [.. lcc.Select(l => new PlanLcc(l.Kind.Label, l.Policy.Policy.Name, l.Policy.Evaluated, l.Policy.Total(inputs.OutlookYears), l.Corrective.Total(inputs.OutlookYears),
                l.Policy.DiscountedTotal(inputs.OutlookYears), l.Corrective.DiscountedTotal(inputs.OutlookYears), l.Kind.Library.Label))],
            outlook,
            [.. Enumerable.Range(0, levels).Select(s => n.Kinds.FirstOrDefault(k => k.Levels.Count == levels)?.Levels[s] ?? (s + 1).ToString(CultureInfo.InvariantCulture))],
            basis);
    }

    private static PlanWork Work(PlanNetwork n, int i)
    {
        var c = n.Candidates[i];
        var o = n.Options[i];
        var risk = n.Risk.GetValueOrDefault(c.Facility);
        var grade = n.Facilities.TryGetValue(c.Facility, out var f) ? f.Item.State : null;
        var reason = string.Join("。", new[] { risk?.Reason, o.Proposal?.Reason, c.Committed ? "確約済みの工事" : null }.OfType<string>());
        return new PlanWork(c.Facility, n.Names.GetValueOrDefault(c.Facility) ?? "", o.Kind?.Label ?? "", grade, c.Year, c.Treatment, o.Category, c.Source,
            c.Cost, c.Benefit, risk?.Rank ?? 0, reason, c.Committed);
    }

    private static PlanYear Year(PlanNetwork n, PlanInputs inputs, int k, int levels, Dictionary<string, int> byFacility, List<PlanWork> works)
    {
        var year = inputs.FirstYear + k;
        var grades = new double[levels];
        foreach (var (code, f) in n.Facilities)
        {
            var d = byFacility.TryGetValue(code, out var i) && n.Options[i].Distributions.Length > 0 ? n.Options[i].Distributions[k] : f.Untreated[k];
            for (var s = 0; s < d.Length; s++)
            {
                grades[s] += d[s];
            }
        }

        var inYear = works.Where(w => w.Year == year).ToList();
        return new PlanYear(
            year,
            [.. inputs.Budgets.Where(b => b.Year == year).OrderBy(b => b.Source, StringComparer.Ordinal).Select(b => new PlanAmount(b.Source, b.Amount))],
            [.. inYear.GroupBy(w => w.Source).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new PlanAmount(g.Key, g.Sum(w => w.Cost)))],
            [.. inYear.GroupBy(w => w.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new PlanAmount(g.Key, g.Sum(w => w.Cost)))],
            grades,
            n.Facilities.Count == 0 ? 0 : grades.Skip(inputs.PoorFrom - 1).Sum() / n.Facilities.Count);
    }

    private static List<PlanFacility> Facilities(PlanNetwork n, List<int> chosen)
    {
        var planned = chosen.Select(i => n.Candidates[i].Facility).ToHashSet(StringComparer.Ordinal);
        var cheapest = n.Candidates.GroupBy(c => c.Facility, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(c => c.Cost), StringComparer.Ordinal);
        return [.. n.Kinds.SelectMany(k => k.Stock.Select(item =>
        {
            var risk = n.Risk.GetValueOrDefault(item.Code);
            var reason = risk?.Reason ?? n.Skipped.GetValueOrDefault(item.Code) ?? "";
            if (risk is not null && n.Skipped.TryGetValue(item.Code, out var skip))
            {
                reason += $"。対策候補なし: {skip}";
            }
            else if (risk is not null && !planned.Contains(item.Code))
            {
                reason += cheapest.TryGetValue(item.Code, out var min)
                    ? $"。対策候補（{min.ToString("#,0", CultureInfo.InvariantCulture)} 円から）は予算内で選ばれなかった"
                    : "。計画期間中は方針が対策する区分に達しない見込み";
            }

            return new PlanFacility(item.Code, n.Names.GetValueOrDefault(item.Code) ?? "", k.Label, item.State, risk?.Rank, risk?.Risk ?? 0, reason);
        })).OrderBy(f => f.Priority ?? int.MaxValue).ThenBy(f => f.Facility, StringComparer.Ordinal)];
    }
}
