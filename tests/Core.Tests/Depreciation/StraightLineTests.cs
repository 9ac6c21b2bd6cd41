using InfraLedger.Core.Common;
using InfraLedger.Core.Depreciation;

namespace InfraLedger.Core.Tests.Depreciation;

[Trait("Database", "any")] // no database
public class StraightLineTests
{
    private static Position At(decimal cost, int? life, string? acquired, int year, FirstYearConvention convention = FirstYearConvention.NextYear,
        YenRounding rounding = YenRounding.Floor, string? disposed = null, bool depreciable = true) =>
        StraightLine.AsOf(
            new DepreciableItem(cost, life, acquired is null ? null : DateOnly.Parse(acquired), disposed is null ? null : DateOnly.Parse(disposed), depreciable),
            new FiscalYear(year),
            new DepreciationPolicy(convention, rounding));

    // Cost 1,000,000, life 10: annual = 1,000,000 ÷ 10 = 100,000. 2023-03-31 is in FY2022, 2023-04-01 in FY2023.
    [Theory]
    // NextYear, acquired FY2022: nothing in FY2022; 100,000 a year from FY2023 (1st) to FY2031 (9th, accumulated 900,000);
    // FY2032 is the 10th charged year: 999,999 − 900,000 = 99,999, book 1.
    [InlineData(FirstYearConvention.NextYear, "2023-03-31", 2022, 0, 0, PositionStatus.Depreciating)]
    [InlineData(FirstYearConvention.NextYear, "2023-03-31", 2023, 100_000, 100_000, PositionStatus.Depreciating)]
    [InlineData(FirstYearConvention.NextYear, "2023-03-31", 2031, 100_000, 900_000, PositionStatus.Depreciating)]
    [InlineData(FirstYearConvention.NextYear, "2023-03-31", 2032, 99_999, 999_999, PositionStatus.FullyDepreciated)]
    [InlineData(FirstYearConvention.NextYear, "2023-03-31", 2033, 0, 999_999, PositionStatus.FullyDepreciated)]
    [InlineData(FirstYearConvention.NextYear, "2023-03-31", 2060, 0, 999_999, PositionStatus.FullyDepreciated)]
    // NextYear, acquired FY2023: nothing in FY2023, 100,000 in FY2024, the 10th charged year is FY2033.
    [InlineData(FirstYearConvention.NextYear, "2023-04-01", 2023, 0, 0, PositionStatus.Depreciating)]
    [InlineData(FirstYearConvention.NextYear, "2023-04-01", 2024, 100_000, 100_000, PositionStatus.Depreciating)]
    [InlineData(FirstYearConvention.NextYear, "2023-04-01", 2033, 99_999, 999_999, PositionStatus.FullyDepreciated)]
    // FullYear, acquired FY2022: 100,000 in FY2022 already; the 10th year is FY2031 (900,000 before it → 99,999).
    [InlineData(FirstYearConvention.FullYear, "2023-03-31", 2022, 100_000, 100_000, PositionStatus.Depreciating)]
    [InlineData(FirstYearConvention.FullYear, "2023-03-31", 2030, 100_000, 900_000, PositionStatus.Depreciating)]
    [InlineData(FirstYearConvention.FullYear, "2023-03-31", 2031, 99_999, 999_999, PositionStatus.FullyDepreciated)]
    [InlineData(FirstYearConvention.FullYear, "2023-03-31", 2032, 0, 999_999, PositionStatus.FullyDepreciated)]
    // FullYear, acquired FY2023: 100,000 in FY2023; the 10th year is FY2032.
    [InlineData(FirstYearConvention.FullYear, "2023-04-01", 2023, 100_000, 100_000, PositionStatus.Depreciating)]
    [InlineData(FirstYearConvention.FullYear, "2023-04-01", 2032, 99_999, 999_999, PositionStatus.FullyDepreciated)]
    // MonthlyProRata, acquired in March: 1 month, 100,000 × 1 ÷ 12 = 8,333.33 → 8,333 (Floor). FY2023: 108,333.
    // Months reach 120 in FY2032 (1 + 12 × 10 = 121): accumulated before it 8,333 + 9 × 100,000 = 908,333,
    // so FY2032 charges 999,999 − 908,333 = 91,666.
    [InlineData(FirstYearConvention.MonthlyProRata, "2023-03-31", 2022, 8_333, 8_333, PositionStatus.Depreciating)]
    [InlineData(FirstYearConvention.MonthlyProRata, "2023-03-31", 2023, 100_000, 108_333, PositionStatus.Depreciating)]
    [InlineData(FirstYearConvention.MonthlyProRata, "2023-03-31", 2031, 100_000, 908_333, PositionStatus.Depreciating)]
    [InlineData(FirstYearConvention.MonthlyProRata, "2023-03-31", 2032, 91_666, 999_999, PositionStatus.FullyDepreciated)]
    [InlineData(FirstYearConvention.MonthlyProRata, "2023-03-31", 2033, 0, 999_999, PositionStatus.FullyDepreciated)]
    // MonthlyProRata, acquired in April: 12 months = a full 100,000; months reach 120 in FY2032 (the 10th year).
    [InlineData(FirstYearConvention.MonthlyProRata, "2023-04-01", 2023, 100_000, 100_000, PositionStatus.Depreciating)]
    [InlineData(FirstYearConvention.MonthlyProRata, "2023-04-01", 2031, 100_000, 900_000, PositionStatus.Depreciating)]
    [InlineData(FirstYearConvention.MonthlyProRata, "2023-04-01", 2032, 99_999, 999_999, PositionStatus.FullyDepreciated)]
    public void a_million_yen_over_ten_years_by_each_first_year_convention(
        FirstYearConvention convention, string acquired, int year, int charge, int accumulated, PositionStatus status)
    {
        var p = At(1_000_000m, 10, acquired, year, convention);

        (p.Status, p.Cost, p.Charge, p.Accumulated, p.BookValue).ShouldBe((status, 1_000_000m, charge, accumulated, 1_000_000m - accumulated));
    }

    // NextYear, acquired 2020-04-01 (FY2020): the 1st charged year is FY2021.
    [Theory]
    // 1,000 ÷ 3 = 333.33 → 333: 333, 333, and the last year 999 − 666 = 333 (book 1).
    [InlineData(1_000, 3, YenRounding.Floor, new[] { 333, 333, 333, 0 })]
    // 1,001 ÷ 3 = 333.67 → 333 (Floor): 333, 333, last 1,000 − 666 = 334.
    [InlineData(1_001, 3, YenRounding.Floor, new[] { 333, 333, 334, 0 })]
    // 1,001 ÷ 3 = 333.67 → 334 (HalfUp): 334, 334, last 1,000 − 668 = 332.
    [InlineData(1_001, 3, YenRounding.HalfUp, new[] { 334, 334, 332, 0 })]
    // 1,000 ÷ 6 = 166.67 → 167 (HalfUp): 5 × 167 = 835, last 999 − 835 = 164.
    [InlineData(1_000, 6, YenRounding.HalfUp, new[] { 167, 167, 167, 167, 167, 164, 0 })]
    // 1,005 ÷ 2 = 502.5 → 503 (HalfUp, away from zero), last 1,004 − 503 = 501; Floor 502, last 502.
    [InlineData(1_005, 2, YenRounding.HalfUp, new[] { 503, 501, 0 })]
    [InlineData(1_005, 2, YenRounding.Floor, new[] { 502, 502, 0 })]
    // 1,000 ÷ 3 = 333.33 → 334 (Ceiling): 334, 334, last 999 − 668 = 331.
    [InlineData(1_000, 3, YenRounding.Ceiling, new[] { 334, 334, 331, 0 })]
    // 10 ÷ 4 = 2.5 → 3 (Ceiling): 3, 3, 3 reaches the cap 10 − 1 = 9 in the 3rd year, so the 4th (last) year charges 0.
    [InlineData(10, 4, YenRounding.Ceiling, new[] { 3, 3, 3, 0, 0 })]
    // 3 ÷ 2 = 1.5 → 2 (Ceiling): capped at 3 − 1 = 2 in the 1st year already; nothing in the 2nd.
    [InlineData(3, 2, YenRounding.Ceiling, new[] { 2, 0, 0 })]
    // 5 ÷ 10 = 0.5 → 0 (Floor): nothing for 9 years, the 10th takes the book value to 1 (charge 4).
    [InlineData(5, 10, YenRounding.Floor, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0 })]
    public void each_year_is_charged_by_the_rounding_rule_and_the_life_ends_at_one_yen(int cost, int life, YenRounding rounding, int[] charges)
    {
        var positions = charges.Select((_, i) => At(cost, life, "2020-04-01", 2021 + i, rounding: rounding)).ToList();

        positions.Select(p => p.Charge).ShouldBe(charges.Select(c => (decimal)c));
        positions.ShouldAllBe(p => p.BookValue >= 1m && p.Accumulated + p.BookValue == cost);
        positions[life - 1].BookValue.ShouldBe(1m);
    }

    // Life 1: the whole cost minus the 1円 備忘価額 in the first charged year.
    [Theory]
    [InlineData(FirstYearConvention.NextYear, 2023, 0)]
    [InlineData(FirstYearConvention.NextYear, 2024, 999_999)]
    [InlineData(FirstYearConvention.FullYear, 2023, 999_999)]
    [InlineData(FirstYearConvention.MonthlyProRata, 2023, 999_999)] // acquired in April: 12 months, the life ends in FY2023
    [InlineData(FirstYearConvention.FullYear, 2024, 0)]
    public void a_one_year_life_is_charged_in_full_but_one_yen(FirstYearConvention convention, int year, int charge) =>
        At(1_000_000m, 1, "2023-04-01", year, convention).Charge.ShouldBe(charge);

    [Fact]
    public void a_one_year_life_acquired_mid_year_by_months_ends_the_next_year()
    {
        // October: 6 months, 1,000,000 × 6 ÷ 12 = 500,000 in FY2023; FY2024 takes the rest, 999,999 − 500,000 = 499,999.
        At(1_000_000m, 1, "2023-10-01", 2023, FirstYearConvention.MonthlyProRata).Charge.ShouldBe(500_000m);
        At(1_000_000m, 1, "2023-10-01", 2024, FirstYearConvention.MonthlyProRata).Charge.ShouldBe(499_999m);
    }

    [Fact]
    public void monthly_pro_rata_from_mid_october_over_five_years()
    {
        // 600,000 ÷ 5 = 120,000; October → March is 6 months: 120,000 × 6 ÷ 12 = 60,000 in FY2020; 120,000 in FY2021–FY2024
        // (accumulated 60,000 + 4 × 120,000 = 540,000); months reach 60 in FY2025 (6 + 12 × 5 = 66): 599,999 − 540,000 = 59,999.
        int[] expected = [60_000, 120_000, 120_000, 120_000, 120_000, 59_999, 0];
        var positions = expected.Select((_, i) => At(600_000m, 5, "2020-10-15", 2020 + i, FirstYearConvention.MonthlyProRata)).ToList();

        positions.Select(p => p.Charge).ShouldBe(expected.Select(c => (decimal)c));
        (positions[5].Status, positions[5].Accumulated, positions[5].BookValue).ShouldBe((PositionStatus.FullyDepreciated, 599_999m, 1m));
        positions[4].Status.ShouldBe(PositionStatus.Depreciating);
    }

    // Land, no useful life, a life of 0 (no schedule, not "expense at once"), or nothing above the 1円 備忘価額.
    [Theory]
    [InlineData(1_000_000, 10, false)]
    [InlineData(1_000_000, null, true)]
    [InlineData(1_000_000, 0, true)]
    [InlineData(1, 10, true)]
    [InlineData(0, 10, true)]
    public void items_without_a_schedule_keep_their_cost(int cost, int? life, bool depreciable)
    {
        var p = At(cost, life, "2010-04-01", 2023, depreciable: depreciable);

        (p.Status, p.Cost, p.Accumulated, p.BookValue, p.Charge).ShouldBe((PositionStatus.NonDepreciable, (decimal)cost, 0m, (decimal)cost, 0m));
    }

    // Acquired 2020-04-01, NextYear, 100,000 a year; FY2023 ends 2024-03-31 and would be the 3rd charged year (300,000).
    [Theory]
    [InlineData("2023-04-01", false)] // disposed on the first day of FY2023: off the books at its end
    [InlineData("2024-03-30", false)]
    [InlineData("2024-03-31", false)] // disposed on the year end itself
    [InlineData("2024-04-01", true)]  // disposed in FY2024: still on the books at the end of FY2023
    public void an_item_disposed_of_by_the_year_end_is_off_the_books(string disposed, bool onBooks)
    {
        var p = At(1_000_000m, 10, "2020-04-01", 2023, disposed: disposed);

        p.ShouldBe(onBooks
            ? new Position(PositionStatus.Depreciating, 1_000_000m, 300_000m, 700_000m, 100_000m)
            : new Position(PositionStatus.NotOnBooks, 0m, 0m, 0m, 0m));
    }

    [Fact]
    public void an_item_acquired_after_the_year_end_is_not_yet_on_the_books()
    {
        At(1_000_000m, 10, "2024-04-01", 2023, FirstYearConvention.FullYear).ShouldBe(new Position(PositionStatus.NotOnBooks, 0m, 0m, 0m, 0m));
        At(1_000_000m, 10, "2024-03-31", 2023, FirstYearConvention.FullYear).Status.ShouldBe(PositionStatus.Depreciating);
    }

    [Fact]
    public void an_unknown_acquisition_date_gives_an_unknown_position_at_cost() =>
        At(500_000m, 10, null, 2023).ShouldBe(new Position(PositionStatus.Unknown, 500_000m, 0m, 500_000m, 0m));

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(1_000, -1)]
    public void negative_cost_or_life_is_a_bug(int cost, int life) =>
        Should.Throw<ArgumentOutOfRangeException>(() => At(cost, life, "2020-04-01", 2023));
}
