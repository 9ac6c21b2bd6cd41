using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Depreciation;
using InfraLedger.Core.Tenancy;

namespace InfraLedger.Core.Indicators;

/// <summary>
/// The tenant's choices for its register figures, kept as tenant settings: the depreciation policy, whether 物品
/// counts in the 有形固定資産減価償却率 (indicators.md §1.2, [U]) and how ratios are rounded for display ([U]; the
/// stored value stays unrounded). Every computed figure carries the settings that produced it.
/// </summary>
public sealed record IndicatorSettings(DepreciationPolicy Policy, bool IncludeGoods, int Decimals, RatioRounding Rounding)
{
    public const string IncludeGoodsKey = "indicators.include-goods";
    public const string DecimalsKey = "indicators.decimals";
    public const string RoundingKey = "indicators.rounding";

    public static IndicatorSettings Default { get; } = new(DepreciationPolicy.Default, IncludeGoods: true, AgingRatio.DefaultDecimals, AgingRatio.DefaultRounding);

    public string Label =>
        $"{Policy.Label}・物品を{(IncludeGoods ? "含む" : "含まない")}（未検証）・小数{Decimals}桁{(Rounding == RatioRounding.HalfUp ? "四捨五入" : "切捨て")}（未検証）";

    public string Format(decimal? percent) =>
        percent is { } p ? AgingRatio.Round(p, Decimals, Rounding).ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "－";

    public static async Task<Result<IndicatorSettings>> ForTenantAsync(AppDbContext db, CancellationToken ct) =>
        FromSettings((await TenantSettings.ListAsync(db, ct)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal));

    public static Result<IndicatorSettings> FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        var policy = DepreciationPolicy.FromSettings(settings);
        if (!policy.IsSuccess)
        {
            return policy.Error!;
        }

        string? Get(string key) => settings.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim().ToLowerInvariant() : null;
        bool? goods = Get(IncludeGoodsKey) switch { null => true, "true" => true, "false" => false, _ => null };
        int? decimals = Get(DecimalsKey) is not { } d ? AgingRatio.DefaultDecimals
            : int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 4 ? n : null;
        RatioRounding? rounding = Get(RoundingKey) switch { null => AgingRatio.DefaultRounding, "half-up" => RatioRounding.HalfUp, "truncate" => RatioRounding.Truncate, _ => null };
        return goods is null ? Errors.Setting(IncludeGoodsKey, settings[IncludeGoodsKey], "true、false")
            : decimals is null ? Errors.Setting(DecimalsKey, settings[DecimalsKey], "0〜4")
            : rounding is null ? Errors.Setting(RoundingKey, settings[RoundingKey], "half-up、truncate")
            : new IndicatorSettings(policy.Value, goods.Value, decimals.Value, rounding.Value);
    }

    public IReadOnlyDictionary<string, string> ToSettings() => new Dictionary<string, string>(Policy.ToSettings(), StringComparer.Ordinal)
    {
        [IncludeGoodsKey] = IncludeGoods ? "true" : "false",
        [DecimalsKey] = Decimals.ToString(CultureInfo.InvariantCulture),
        [RoundingKey] = Rounding == RatioRounding.HalfUp ? "half-up" : "truncate",
    };
}
