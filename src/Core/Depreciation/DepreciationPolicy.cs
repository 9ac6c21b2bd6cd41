using System.Diagnostics.CodeAnalysis;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Depreciation;

/// <summary>
/// How the first year is charged. Unverified (register-and-depreciation.md §5 [U], §7 open point 1): configurable per
/// tenant and labelled "未検証" wherever shown, until compared with the 手引き and the J-LIS output.
/// </summary>
public enum FirstYearConvention
{
    /// <summary>翌年度から: nothing in the acquisition year, a full year from the next one.</summary>
    NextYear = 1,

    /// <summary>取得年度から1年分: a full year's charge in the acquisition year.</summary>
    FullYear = 2,

    /// <summary>取得年度は月割: the acquisition year is charged for the months from the acquisition month to March.</summary>
    MonthlyProRata = 3,
}

/// <summary>Rounding of a yen amount to whole yen. Unverified (register-and-depreciation.md §5 [U]).</summary>
public enum YenRounding
{
    /// <summary>1円未満切捨て.</summary>
    Floor = 1,

    /// <summary>四捨五入 (0.5 rounds away from zero).</summary>
    HalfUp = 2,

    /// <summary>1円未満切上げ.</summary>
    Ceiling = 3,
}

/// <summary>A tenant's depreciation parameters (register-and-depreciation.md §5); read from tenant settings, never hard-coded.</summary>
public sealed record DepreciationPolicy(FirstYearConvention FirstYear, YenRounding Rounding)
{
    public const string FirstYearKey = "depreciation.first-year";
    public const string RoundingKey = "depreciation.rounding";

    /// <summary>Both parameters are [U] in the domain doc (§5, §7 open point 1): show <see cref="Label"/> next to every figure.</summary>
    public const bool Unverified = true;

    private static readonly (string Setting, FirstYearConvention Value)[] FirstYearValues =
        [("next-year", FirstYearConvention.NextYear), ("full-year", FirstYearConvention.FullYear), ("monthly", FirstYearConvention.MonthlyProRata)];

    private static readonly (string Setting, YenRounding Value)[] RoundingValues =
        [("floor", YenRounding.Floor), ("half-up", YenRounding.HalfUp), ("ceiling", YenRounding.Ceiling)];

    public static DepreciationPolicy Default { get; } = new(FirstYearConvention.NextYear, YenRounding.Floor);

    /// <summary>備忘価額: a fully depreciated asset stays on the books at 1円 (register-and-depreciation.md §5, [C2]).</summary>
    [SuppressMessage("Performance", "CA1822", Justification = "Read through the policy a calculation is given, like its other parameters.")]
    public decimal MemoValue => 1m;

    /// <summary>"翌年度から償却（未検証）・1円未満切捨て（未検証）".</summary>
    public string Label => $"{DepreciationLabels.Of(FirstYear)}・{DepreciationLabels.Of(Rounding)}";

    /// <summary>Rounds a yen amount to whole yen by <see cref="Rounding"/> (register-and-depreciation.md §5, rounding rule [U]).</summary>
    public decimal RoundYen(decimal yen) => Rounding switch
    {
        YenRounding.Floor => Math.Floor(yen),
        YenRounding.HalfUp => Math.Round(yen, 0, MidpointRounding.AwayFromZero),
        YenRounding.Ceiling => Math.Ceiling(yen),
        _ => throw new InvalidOperationException($"端数処理 {Rounding} は定義されていません。"),
    };

    /// <summary>Reads <see cref="FirstYearKey"/> and <see cref="RoundingKey"/>; a missing or blank key takes the default.</summary>
    public static Result<DepreciationPolicy> FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        var firstYear = Default.FirstYear;
        if (settings.TryGetValue(FirstYearKey, out var text) && !string.IsNullOrWhiteSpace(text))
        {
            var match = FirstYearValues.Where(v => string.Equals(v.Setting, text.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 0)
            {
                return Errors.UnknownFirstYear(FirstYearKey, text, string.Join("、", FirstYearValues.Select(v => v.Setting)));
            }

            firstYear = match[0].Value;
        }

        var rounding = Default.Rounding;
        if (settings.TryGetValue(RoundingKey, out text) && !string.IsNullOrWhiteSpace(text))
        {
            var match = RoundingValues.Where(v => string.Equals(v.Setting, text.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 0)
            {
                return Errors.UnknownRounding(RoundingKey, text, string.Join("、", RoundingValues.Select(v => v.Setting)));
            }

            rounding = match[0].Value;
        }

        return new DepreciationPolicy(firstYear, rounding);
    }

    public IReadOnlyDictionary<string, string> ToSettings() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [FirstYearKey] = FirstYearValues.Single(v => v.Value == FirstYear).Setting,
        [RoundingKey] = RoundingValues.Single(v => v.Value == Rounding).Setting,
    };
}

/// <summary>Japanese labels of the depreciation parameters; every [U] parameter says "（未検証）".</summary>
public static class DepreciationLabels
{
    public static string Of(FirstYearConvention convention) => convention switch
    {
        FirstYearConvention.NextYear => "翌年度から償却（未検証）",
        FirstYearConvention.FullYear => "取得年度から1年分償却（未検証）",
        FirstYearConvention.MonthlyProRata => "取得年度は月割で償却（未検証）",
        _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, null),
    };

    public static string Of(YenRounding rounding) => rounding switch
    {
        YenRounding.Floor => "1円未満切捨て（未検証）",
        YenRounding.HalfUp => "1円未満四捨五入（未検証）",
        YenRounding.Ceiling => "1円未満切上げ（未検証）",
        _ => throw new ArgumentOutOfRangeException(nameof(rounding), rounding, null),
    };
}
