using InfraLedger.Core.Common;

namespace InfraLedger.Core.Dashboards;

/// <summary>Expected refusals of the public dashboards.</summary>
public static class Errors
{
    public static Error NoData => new("dashboards.no_data", "公表された指標がまだ読み込まれていません。");

    public static Error UnknownIndicator(string id) => new("dashboards.unknown_indicator", $"指標「{id}」はありません。", "indicator");

    public static Error UnknownPrefecture(string code) => new("dashboards.unknown_prefecture", $"都道府県コード「{code}」はありません（01〜47）。", "pref");
}
