using InfraLedger.Core.Deterioration;
using static InfraLedger.Core.Deterioration.PairBuilder;

namespace InfraLedger.Core.Tests.Deterioration;

/// <summary>Pairs as the domain doc §7.3 and §14 say: consecutive inspections; a repair restarts the interval at the state it left.</summary>
[Trait("Database", "any")] // no database
public sealed class PairBuilderTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void consecutive_inspections_make_pairs_and_unchanged_pairs_are_kept()
    {
        var pairs = Build([new("B1", "", D("2014-06-01"), 1), new("B1", "", D("2019-06-01"), 1), new("B1", "", D("2024-06-01"), 3)], []);

        pairs.Select(p => (p.Pair.From, p.Pair.To)).ShouldBe([(1, 1), (1, 3)]);
        pairs[0].Pair.Years.ShouldBe(1826 / 365.25, 1e-12);
    }

    [Fact]
    public void a_pair_spanning_a_repair_starts_at_the_repair_with_the_grade_it_left_and_an_unknown_result_drops_the_pair()
    {
        Observation[] inspections = [new("B1", "", D("2014-06-01"), 3), new("B1", "", D("2019-06-01"), 2), new("B2", "", D("2014-06-01"), 3), new("B2", "", D("2019-06-01"), 1)];
        Work[] works = [new("B1", "", D("2016-06-01"), 1), new("B2", "", D("2016-06-01"), null)];

        var pairs = Build(inspections, works);

        pairs.Single().FacilityCode.ShouldBe("B1");
        pairs.Single().Pair.ShouldBe(new InspectionPair(1, 2, 1095 / 365.25));
    }

    [Fact]
    public void an_improvement_without_a_recorded_work_is_dropped_and_members_are_series_of_their_own()
    {
        var pairs = Build([new("B1", "床版", D("2014-06-01"), 3), new("B1", "床版", D("2019-06-01"), 2), new("B1", "主桁", D("2014-06-01"), 1), new("B1", "主桁", D("2019-06-01"), 2)], []);

        pairs.Select(p => (p.Pair.From, p.Pair.To)).ShouldBe([(1, 2)]);
    }

    [Fact]
    public void with_repairs_a_work_that_improved_ends_its_pair_as_a_repair_and_starts_the_next_one()
    {
        // B1: III in 2019, work to I in 2020, II in 2024. B2: a work leaving II after II was seen is an observation, not
        // a repair. B3: a work without the grade it left is no observation (its pair stays whole, improved and kept).
        Observation[] inspections =
        [
            new("B1", "", D("2014-06-01"), 1), new("B1", "", D("2019-06-01"), 3), new("B1", "", D("2024-06-01"), 2),
            new("B2", "", D("2019-06-01"), 2), new("B2", "", D("2024-06-01"), 3),
            new("B3", "", D("2019-06-01"), 3), new("B3", "", D("2024-06-01"), 1),
        ];
        Work[] works = [new("B1", "", D("2020-06-01"), 1), new("B2", "", D("2021-06-01"), 2), new("B3", "", D("2020-06-01"), null)];

        var (pairs, used) = BuildWithRepairs(inspections, works);

        used.ShouldBe(2);
        pairs.ShouldBe(
        [
            new InspectionPair(1, 3, 1826 / 365.25), new InspectionPair(3, 1, 366 / 365.25, ByWork: true), new InspectionPair(1, 2, 1461 / 365.25),
            new InspectionPair(2, 2, 731 / 365.25), new InspectionPair(2, 3, 1096 / 365.25),
            new InspectionPair(3, 1, 1827 / 365.25),
        ]);
    }
}
