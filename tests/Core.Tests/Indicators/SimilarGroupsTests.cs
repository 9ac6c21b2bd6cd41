using InfraLedger.Core.Indicators;
using InfraLedger.Core.Tenancy;

namespace InfraLedger.Core.Tests.Indicators;

[Trait("Database", "any")] // no database
public sealed class SimilarGroupsTests
{
    [Theory]
    // Labels as 総務省 files write them (full-width numerals and dash, local-government-codes.md §4.2) and common variants.
    [InlineData("都市Ⅰ－１", "都市Ⅰ-1")]
    [InlineData("都市Ⅳ－３", "都市Ⅳ-3")]
    [InlineData("都市IV-3", "都市Ⅳ-3")]
    [InlineData("町村Ⅴ－２", "町村Ⅴ-2")]
    [InlineData(" 町村Ⅲ－０ ", "町村Ⅲ-0")]
    [InlineData("中核市", "中核市")]
    [InlineData("特例市", "施行時特例市")]
    public void labels_are_normalised(string text, string expected) => SimilarGroups.Normalise(text).Value.ShouldBe(expected);

    [Theory]
    [InlineData("都市Ⅴ-1")]   // cities run Ⅰ…Ⅳ
    [InlineData("町村Ⅰ-3")]   // towns run -0…-2
    [InlineData("類似")]
    public void impossible_labels_are_refused(string text) =>
        SimilarGroups.Normalise(text).Error!.Message.ShouldStartWith($"類似団体区分「{text}」を読めません");

    [Theory]
    // The threshold tables of local-government-codes.md §4.2, one row per band edge.
    [InlineData(LocalGovernmentKind.City, 49_999, 30, 66, "都市Ⅰ-3")]      // Ⅱ+Ⅲ 96 ≥ 95, Ⅲ 66 ≥ 65
    [InlineData(LocalGovernmentKind.City, 50_000, 35, 61, "都市Ⅱ-2")]      // Ⅱ+Ⅲ 96 ≥ 95, Ⅲ 61 < 65
    [InlineData(LocalGovernmentKind.City, 100_000, 30, 60, "都市Ⅲ-1")]     // Ⅱ+Ⅲ 90 < 95, Ⅲ 60 ≥ 55
    [InlineData(LocalGovernmentKind.City, 150_000, 38, 52, "都市Ⅳ-0")]     // Ⅱ+Ⅲ 90 < 95, Ⅲ 52 < 55
    [InlineData(LocalGovernmentKind.Town, 4_999, 30, 55, "町村Ⅰ-2")]       // Ⅱ+Ⅲ 85 ≥ 80, Ⅲ 55 ≥ 55
    [InlineData(LocalGovernmentKind.Village, 12_000, 40, 45, "町村Ⅲ-1")]   // Ⅱ+Ⅲ 85 ≥ 80, Ⅲ 45 < 55
    [InlineData(LocalGovernmentKind.Town, 20_000, 20, 50, "町村Ⅴ-0")]      // Ⅱ+Ⅲ 70 < 80
    public void a_group_is_estimated_from_population_and_industry(LocalGovernmentKind kind, int population, int secondary, int tertiary, string expected) =>
        SimilarGroups.Estimate(kind, population, secondary, tertiary).ShouldBe(expected);

    [Fact]
    public void designated_and_core_cities_are_groups_of_their_own_and_missing_shares_give_no_estimate()
    {
        SimilarGroups.Estimate(LocalGovernmentKind.CoreCity, 300_000, null, null).ShouldBe("中核市");
        SimilarGroups.Estimate(LocalGovernmentKind.DesignatedCity, 700_000, null, null).ShouldBe("政令指定都市");
        SimilarGroups.Estimate(LocalGovernmentKind.City, 130_000, null, 60).ShouldBeNull();
    }
}
