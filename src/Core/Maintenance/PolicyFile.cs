using System.Globalization;
using System.Text.Json;
using InfraLedger.Core.Common;
using InfraLedger.Core.Deterioration;

namespace InfraLedger.Core.Maintenance;

/// <summary>
/// A policy file of the command line (maintenance-planning.md §3): per state, numbered from 1, the cost of acting there
/// and the state after, e.g. <c>{"name":"予防保全","actions":[{"state":3,"cost":400,"to":1}]}</c>; optionally
/// <c>"risk"</c>, a yearly cost per state paid in the state after the decision. Read against a model's number of states.
/// </summary>
public sealed record PolicyFile(string Name, IReadOnlyList<PolicyFile.Action> Actions, IReadOnlyList<double>? Risk)
{
    public sealed record Action(int State, double Cost, int To);

    private sealed record Raw(string? Name, List<RawAction?>? Actions, List<double>? Risk);

    private sealed record RawAction(int? State, double? Cost, int? To);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads and checks a policy file for a model of <paramref name="states"/> states; every refusal names the file and the entry.</summary>
    public static Result<PolicyFile> Parse(string json, string file, int states)
    {
        Raw? raw;
        try
        {
            raw = JsonSerializer.Deserialize<Raw>(json, Options);
        }
        catch (JsonException e)
        {
            return Errors.FileInvalid(file, $"JSON として読めません（{e.LineNumber + 1}行目付近）。");
        }

        if (raw?.Actions is null)
        {
            return Errors.FileInvalid(file, "\"actions\"（状態ごとの費用と補修後の状態の一覧）がありません。");
        }

        var actions = new List<Action>();
        for (var i = 0; i < raw.Actions.Count; i++)
        {
            var at = $"actions[{N(i)}]";
            if (raw.Actions[i] is not { State: { } state, Cost: { } cost, To: { } to })
            {
                return Errors.FileInvalid(file, $"{at}: state（状態）・cost（費用）・to（補修後の状態）の3つが必要です。");
            }

            if (state < 1 || state > states)
            {
                return Errors.FileInvalid(file, $"{at}.state: 状態 {N(state)} はモデルの状態 1〜{N(states)} の範囲外です。");
            }

            if (to < 1 || to > states)
            {
                return Errors.FileInvalid(file, $"{at}.to: 補修後の状態 {N(to)} はモデルの状態 1〜{N(states)} の範囲外です。");
            }

            if (to > state)
            {
                return Errors.FileInvalid(file, $"{at}.to: 状態 {N(state)} の補修で状態 {N(to)} に悪くなる設定はできません（補修後は同じか良い状態）。");
            }

            if (!double.IsFinite(cost) || cost < 0)
            {
                return Errors.FileInvalid(file, $"{at}.cost: 費用 {cost.ToString(CultureInfo.InvariantCulture)} は0以上の数にしてください。");
            }

            if (actions.Any(a => a.State == state))
            {
                return Errors.FileInvalid(file, $"{at}.state: 状態 {N(state)} が2回あります（1つの状態に1つの補修）。");
            }

            actions.Add(new Action(state, cost, to));
        }

        if (raw.Risk is { } risk && (risk.Count != states || risk.Any(r => !double.IsFinite(r) || r < 0)))
        {
            return Errors.FileInvalid(file, $"risk: 状態ごとの年あたりリスク費用を0以上の数で {N(states)} 個並べてください。");
        }

        return new PolicyFile(string.IsNullOrWhiteSpace(raw.Name) ? Path.GetFileNameWithoutExtension(file) : raw.Name.Trim(), actions, raw.Risk);
    }

    /// <summary>The policy on a one-year matrix: the listed actions, each year's risk cost of the state after added.</summary>
    public PolicyChain Chain(double[,] oneYear)
    {
        var n = oneYear.GetLength(0);
        var after = Enumerable.Range(0, n).ToArray();
        var cost = new double[n];
        foreach (var a in Actions)
        {
            after[a.State - 1] = a.To - 1;
            cost[a.State - 1] = a.Cost;
        }

        for (var s = 0; s < n; s++)
        {
            cost[s] += Risk?[after[s]] ?? 0;
        }

        return new PolicyChain(oneYear, after, cost);
    }

    /// <summary>The MDP whose options are, in each state, doing nothing or the file's action there (maintenance-planning.md E2).</summary>
    public Mdp Mdp(double[,] oneYear, double rate)
    {
        var n = oneYear.GetLength(0);
        var options = Enumerable.Range(0, n).Select(s =>
        {
            var list = new List<MdpAction> { new("何もしない", s, Risk?[s] ?? 0) };
            if (Actions.FirstOrDefault(a => a.State == s + 1) is { } a)
            {
                list.Add(new MdpAction("補修", a.To - 1, a.Cost + (Risk?[a.To - 1] ?? 0)));
            }

            return (IReadOnlyList<MdpAction>)list;
        }).ToList();
        return new Mdp(oneYear, options, rate);
    }

    /// <summary>Reads a model file written by <c>deterioration export</c>: its one-year matrix (covariates at their means).</summary>
    public static Result<double[,]> OneYear(string json, string file)
    {
        try
        {
            return DeteriorationModel.FromJson(json).Chain().Transition(1);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return Errors.FileInvalid(file, $"劣化モデル（deterioration export の JSON）として読めません: {e.Message}");
        }
    }

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
}
