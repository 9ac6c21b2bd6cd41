using InfraLedger.Core.Inspections;

namespace InfraLedger.Core.Tests.Inspections;

[Trait("Database", "any")] // no database
public sealed class GradeHistoryTests
{
    private static Inspection At(string date, string member, int grade) => new()
    {
        TenantId = "222127", FacilityCode = "B1", Member = member, InspectedOn = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        Scheme = GradeScheme.RoadStructure.Code, Grade = grade,
    };

    [Fact]
    public void one_row_per_date_one_column_per_member_the_whole_facility_first_and_gaps_left_empty()
    {
        var history = GradeHistory.Of([At("2019-06-01", "主桁", 2), At("2014-06-01", "", 1), At("2019-06-01", "", 2), At("2019-06-01", "床版", 3), At("2024-06-01", "床版", 1)]);

        history.Members.ShouldBe(["", "主桁", "床版"]);
        history.Rows.Select(r => r.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(["2014-06-01", "2019-06-01", "2024-06-01"]);
        history.Rows.Select(r => r.Grades.ToArray()).ShouldBe([[1, null, null], [2, 2, 3], [null, null, 1]]);
    }

    [Fact]
    public void two_records_of_one_member_on_one_day_show_the_worse_grade() =>
        GradeHistory.Of([At("2019-06-01", "床版", 2), At("2019-06-01", "床版", 4)]).Rows.Single().Grades.ShouldBe([4]);
}
