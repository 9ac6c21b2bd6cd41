using InfraLedger.Core.Depreciation;

namespace InfraLedger.Core.Tests.Depreciation;

[Trait("Database", "any")] // no database
public class AgingRatioTests
{
    // indicators.md §1.3, source S-miyazaki: 宮崎市 事業用建物, R3年度末. 取得価額 226,624,971,846円, 減価償却累計額 144,122,018,840円;
    // 144,122,018,840 ÷ 226,624,971,846 × 100 = 63.5949…%; the city publishes 63.59%.
    private const decimal MiyazakiAccumulated = 144_122_018_840m;
    private const decimal MiyazakiCost = 226_624_971_846m;
    private const decimal MiyazakiBook = 82_502_953_006m; // 226,624,971,846 − 144,122,018,840

    [Theory]
    [InlineData(2, RatioRounding.HalfUp, "63.59")]   // 63.5949… → the 3rd decimal is 4: 63.59
    [InlineData(2, RatioRounding.Truncate, "63.59")]
    [InlineData(3, RatioRounding.HalfUp, "63.595")]  // the 4th decimal is 9: 63.595
    [InlineData(3, RatioRounding.Truncate, "63.594")]
    public void miyazaki_city_buildings_r3_give_the_published_ratio(int decimals, RatioRounding mode, string expected)
    {
        var ratio = AgingRatio.Of(MiyazakiAccumulated, MiyazakiCost)!.Value;

        AgingRatio.Round(ratio, decimals, mode).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void the_second_form_with_book_value_gives_the_same_ratio_and_storage_keeps_it_unrounded()
    {
        // 減価償却累計額 ÷ (簿価 + 減価償却累計額) × 100: the denominator is the same 226,624,971,846.
        var first = AgingRatio.Of(MiyazakiAccumulated, MiyazakiCost)!.Value;
        var second = AgingRatio.Of(MiyazakiAccumulated, MiyazakiBook + MiyazakiAccumulated)!.Value;

        second.ShouldBe(first);
        first.ShouldBeInRange(63.5949m, 63.5950m);
        AgingRatio.Round(second, AgingRatio.DefaultDecimals, AgingRatio.DefaultRounding).ShouldBe(63.59m);
    }

    [Fact]
    public void no_depreciable_cost_has_no_ratio()
    {
        AgingRatio.Of(0m, 0m).ShouldBeNull();
        AgingRatio.Of([]).ShouldBeNull();
    }

    [Fact]
    public void only_depreciating_and_fully_depreciated_positions_count()
    {
        Position[] positions =
        [
            new(PositionStatus.Depreciating, 1_000_000m, 300_000m, 700_000m, 100_000m),
            new(PositionStatus.FullyDepreciated, 1_000_000m, 999_999m, 1m, 0m),
            new(PositionStatus.NonDepreciable, 5_000_000m, 0m, 5_000_000m, 0m),
            new(PositionStatus.Unknown, 2_000_000m, 0m, 2_000_000m, 0m),
            new(PositionStatus.NotOnBooks, 0m, 0m, 0m, 0m),
        ];

        // (300,000 + 999,999) ÷ (1,000,000 + 1,000,000) × 100 = 1,299,999 ÷ 20,000 = 64.99995%.
        var ratio = AgingRatio.Of(positions)!.Value;

        ratio.ShouldBe(64.99995m);
        AgingRatio.Round(ratio, 2, RatioRounding.HalfUp).ShouldBe(65.00m);
        AgingRatio.Round(ratio, 2, RatioRounding.Truncate).ShouldBe(64.99m);
    }
}
