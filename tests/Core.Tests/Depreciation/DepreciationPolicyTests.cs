using InfraLedger.Core.Depreciation;

namespace InfraLedger.Core.Tests.Depreciation;

[Trait("Database", "any")] // no database
public class DepreciationPolicyTests
{
    [Fact]
    public void missing_or_blank_settings_give_the_default_next_year_and_floor()
    {
        var empty = DepreciationPolicy.FromSettings(new Dictionary<string, string>());
        var blank = DepreciationPolicy.FromSettings(new Dictionary<string, string> { ["depreciation.first-year"] = " ", ["depreciation.rounding"] = "" });

        empty.Value.ShouldBe(new DepreciationPolicy(FirstYearConvention.NextYear, YenRounding.Floor));
        blank.Value.ShouldBe(DepreciationPolicy.Default);
        DepreciationPolicy.Default.MemoValue.ShouldBe(1m);
    }

    [Theory]
    [InlineData("next-year", "floor", FirstYearConvention.NextYear, YenRounding.Floor)]
    [InlineData("full-year", "half-up", FirstYearConvention.FullYear, YenRounding.HalfUp)]
    [InlineData("monthly", "ceiling", FirstYearConvention.MonthlyProRata, YenRounding.Ceiling)]
    [InlineData(" Monthly ", "HALF-UP", FirstYearConvention.MonthlyProRata, YenRounding.HalfUp)]
    public void each_setting_value_is_read(string firstYear, string rounding, FirstYearConvention convention, YenRounding yen)
    {
        var settings = new Dictionary<string, string> { ["depreciation.first-year"] = firstYear, ["depreciation.rounding"] = rounding };

        DepreciationPolicy.FromSettings(settings).Value.ShouldBe(new DepreciationPolicy(convention, yen));
    }

    [Theory]
    [InlineData("depreciation.first-year", "monthly-pro-rata", "depreciation.first_year", "next-year、full-year、monthly")]
    [InlineData("depreciation.rounding", "round", "depreciation.rounding", "floor、half-up、ceiling")]
    public void an_unknown_value_is_refused_naming_the_key_the_value_and_the_allowed_values(string key, string value, string code, string allowed)
    {
        var error = DepreciationPolicy.FromSettings(new Dictionary<string, string> { [key] = value }).Error!;

        (error.Code, error.Field).ShouldBe((code, key));
        error.Message.ShouldBe($"設定「{key}」の値「{value}」を判別できません（{allowed} のいずれか）。");
    }

    [Theory]
    [InlineData(FirstYearConvention.NextYear, YenRounding.Floor)]
    [InlineData(FirstYearConvention.FullYear, YenRounding.HalfUp)]
    [InlineData(FirstYearConvention.MonthlyProRata, YenRounding.Ceiling)]
    public void settings_round_trip(FirstYearConvention convention, YenRounding rounding)
    {
        var policy = new DepreciationPolicy(convention, rounding);

        DepreciationPolicy.FromSettings(policy.ToSettings()).Value.ShouldBe(policy);
    }

    [Fact]
    public void every_parameter_is_labelled_unverified()
    {
        DepreciationPolicy.Unverified.ShouldBeTrue();
        DepreciationPolicy.Default.Label.ShouldBe("翌年度から償却（未検証）・1円未満切捨て（未検証）");
        Enum.GetValues<FirstYearConvention>().ShouldAllBe(c => DepreciationLabels.Of(c).EndsWith("（未検証）"));
        Enum.GetValues<YenRounding>().ShouldAllBe(r => DepreciationLabels.Of(r).EndsWith("（未検証）"));
    }

    // 2.5 → Floor 2, HalfUp 3 (away from zero), Ceiling 3; 2.4 → 2, 2, 3.
    [Theory]
    [InlineData(YenRounding.Floor, "2.5", 2)]
    [InlineData(YenRounding.HalfUp, "2.5", 3)]
    [InlineData(YenRounding.Ceiling, "2.5", 3)]
    [InlineData(YenRounding.HalfUp, "2.4", 2)]
    [InlineData(YenRounding.Ceiling, "2.4", 3)]
    public void yen_are_rounded_by_the_policys_rule(YenRounding rounding, string amount, int expected) =>
        new DepreciationPolicy(FirstYearConvention.NextYear, rounding)
            .RoundYen(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
}
