namespace InfraLedger.Core.Projection;

/// <summary>
/// The Japanese name of each scenario parameter a note (<see cref="UnverifiedNote.Parameter"/>, a JSON path) can be
/// about: users read these names, never the JSON ones (issue 21 item 7). The scenario form's field labels say the same.
/// </summary>
public static class ParameterLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["horizon"] = "試算期間",
        ["spreadAlignment"] = "複数年に分ける費用を計上する年",
        ["ageBasis"] = "築年数の数え方",
        ["demolitionAddOn"] = "解体費の加算",
        ["annualRepair"] = "毎年の修繕",
        ["buildingRates"] = "建物の更新単価",
        ["cycles"] = "建物の更新周期",
        ["cycles.events"] = "建物の更新周期（改修・修繕の時期と単価）",
        ["cycles.backlogMaxAge"] = "積み残しとする築年数の上限",
        ["cycles.backlogYears"] = "改修の積み残しの処理期間",
        ["cycles.rebuildBacklog"] = "積み残しで建て替えた建物の次の周期",
        ["roads"] = "道路の更新単価・周期",
        ["bridges"] = "橋りょうの更新単価・周期",
        ["bridges.rates"] = "橋りょうの構造別単価",
        ["bridges.unknownStructureRate"] = "構造不明の橋りょうの単価",
        ["infraBacklogYears"] = "インフラの積み残しの処理期間",
        ["infra.unknownYear"] = "整備年度不明の管路の計上方法",
        ["waterPipes"] = "上水道管の更新単価・周期",
        ["waterPipes.tables"] = "上水道管の口径別単価",
        ["sewerPipes"] = "下水道管の更新単価・周期",
        ["sewerPipes.diameters"] = "下水道管の管径別単価",
    };

    /// <summary>The label of <paramref name="parameter"/>; an unknown path gives 「その他の設定」 rather than the JSON name.</summary>
    public static string Of(string parameter) => Labels.GetValueOrDefault(parameter, "その他の設定");

    /// <summary>Whether <paramref name="parameter"/> has its own label (a test checks every preset note's parameter does).</summary>
    public static bool Has(string parameter) => Labels.ContainsKey(parameter);
}
