using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Maintenance;

/// <summary>The tables of life-cycle cost, for the CLI, the pages and the downloads (one place builds them all).</summary>
public static partial class LccTables
{
    /// <summary>A model file and a policy file (the CLI without a database): V, the finite-horizon totals per start state, the long-run average; costs in the file's units, 6 decimals.</summary>
    public static List<Table> ModelFile(PolicyFile policy, PolicyChain chain, int years, double rate, OptimalPolicy? optimal)
    {
        var v = chain.Discounted(rate);
        var rows = Enumerable.Range(0, chain.States).Select(s =>
        {
            var start = new double[chain.States];
            start[s] = 1;
            var run = chain.Run(start, years);
            return (IReadOnlyList<TableCell>)[new(State(s + 1)), Exact(v[s]), Exact(run.DiscountedTotal(rate)), Exact(run.Total)];
        }).ToList();
        var r = Percent(rate);
        List<Table> tables =
        [
            new("lcc", $"ライフサイクルコスト「{policy.Name}」（割引率 {r}）",
                ["開始状態", "無限期間の割引総費用 V", $"{years}年の割引総費用", $"{years}年の総費用（割引なし）"], rows,
                "年の初めに状態を見て対策し（費用はその年の初め）、その後1年劣化する（maintenance-planning.md §3）。費用は方針ファイルの単位。"),
            new("average", "長期平均費用（年あたり）", ["方針", "長期平均費用"], [[new(policy.Name), Exact(chain.LongRunAverage())]],
                "定常分布（年の初めの状態）と各状態の費用の積の和。開始状態によらない。"),
        ];
        if (optimal is not null)
        {
            tables.Add(Optimal(optimal, exact: true));
        }

        return tables;
    }

    /// <summary>The optimal policy: per state the chosen option and V*, by value iteration, policy iteration and the LP.</summary>
    public static Table Optimal(OptimalPolicy o, bool exact)
    {
        var rows = Enumerable.Range(0, o.Mdp.States).Select(s => (IReadOnlyList<TableCell>)
        [
            new(State(s + 1)), new(o.Mdp.Actions[s][o.PolicyIteration.Choice[s]].Name), Amount(o.PolicyIteration.Values[s], exact),
            new(o.Mdp.Actions[s][o.ValueIteration.Choice[s]].Name), Amount(o.ValueIteration.Values[s], exact),
            new(o.Mdp.Actions[s][o.LinearProgram.Choice[s]].Name), Amount(o.LinearProgram.Values[s], exact),
        ]).ToList();
        var unit = exact ? "" : "（千円）";
        return new Table("optimal", $"最適な方針（割引率 {Percent(o.Mdp.Rate)} の無限期間割引費用の最小化）",
            ["状態", "方策反復: 対策", $"方策反復: V*{unit}", "価値反復: 対策", $"価値反復: V*{unit}", "線形計画（OR-Tools GLOP）: 対策", $"線形計画: V*{unit}"], rows,
            (o.Agree ? "3つの解き方の方針が一致。" : "解き方の間で方針が一致しない（同じ費用の対策が複数あるため）。")
            + " 各状態で何もしない（対策が必要な区分を除く）か使える工法のどれかを選び、年ごとのリスク費用を対策後の状態で加える。");
    }

    public static string State(int level) => level.ToString(CultureInfo.InvariantCulture);

    public static string Percent(double rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>At least 6 significant digits for the CLI (6 decimals of the file's unit).</summary>
    public static TableCell Exact(double v) => new(null, Math.Round((decimal)v, 6, MidpointRounding.AwayFromZero), 6);

    /// <summary>
    /// Yen shown in 千円, rounded half up (as the projection tables do, ADR 0009); <paramref name="exact"/> keeps 6 decimals of the unit instead.
    /// </summary>
    public static TableCell Amount(double yen, bool exact = false) =>
        exact ? Exact(yen) : new(null, Math.Round((decimal)yen / 1000m, 0, MidpointRounding.AwayFromZero), 0);
}
