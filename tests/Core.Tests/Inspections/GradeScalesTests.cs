using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Inspections;

/// <summary>A tenant's own grade scales (ADR 0015): defined, assigned to a kind, used by records, distribution and the fit.</summary>
public sealed class GradeScalesTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private const string Seven = "健全\n概ね健全\n軽微\n注意\n要補修\n要早期補修\n危険";
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("road-structure", "名前", "A\nB", "inspections.scale_code", "Code")]
    [InlineData("Niigata 7", "名前", "A\nB", "inspections.scale_code", "Code")]
    [InlineData("n7", "", "A\nB", "inspections.scale_name", "Name")]
    [InlineData("n7", "名前", "A", "inspections.scale_levels", "Levels")]
    [InlineData("n7", "名前", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10", "inspections.scale_levels", "Levels")]
    [InlineData("n7", "名前", "A\nB\nａ", "inspections.scale_level_twice", "Levels")]
    [InlineData("n7", "名前", "A\nこの区分の名前は三十文字を超えるのでとても長すぎて使えない区分です", "inspections.scale_level_long", "Levels")]
    public async Task a_bad_scale_is_refused_at_its_field(string code, string name, string levels, string error, string field)
    {
        await using var db = database.Context("222127");

        var refused = await GradeScales.DefineAsync(db, code, name, levels, default);

        (refused.Error!.Code, refused.Error.Field).ShouldBe((error, field));
        (await db.TenantSettings.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_kind_assigned_a_seven_level_scale_records_its_labels_and_level_numbers_and_other_kinds_keep_the_national_ones()
    {
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);
        await InspectionsTests.AddFacilityAsync(db, "R1", AssetKind.Road);
        (await GradeScales.DefineAsync(db, "niigata-7", "健全度（7段階）", Seven, default)).Value.Levels.Count.ShouldBe(7);
        (await GradeScales.AssignAsync(db, AssetKind.Bridge, "niigata-7", default)).IsSuccess.ShouldBeTrue();

        (await InspectionRecords.RecordAsync(db, new("B1", null, "2024-05-01", null, "要補修", null, null, null), Today, default)).Value.Grade.ShouldBe(5);
        (await InspectionRecords.RecordAsync(db, new("B1", "床版", "2024-05-01", null, "6", null, null, null), Today, default)).Value.Scheme.ShouldBe("niigata-7");
        var roman = await InspectionRecords.RecordAsync(db, new("B1", "主桁", "2024-05-01", null, "II", null, null, null), Today, default);
        (await InspectionRecords.RecordAsync(db, new("R1", null, "2024-05-01", null, "III", null, null, null), Today, default)).Value.Scheme.ShouldBe("pavement");

        roman.Error!.Message.ShouldBe("判定区分「II」は健全度（7段階）の区分（健全、概ね健全、軽微、注意、要補修、要早期補修、危険）ではありません。");
        var rows = await InspectionRecords.ListAsync(db, "B1", default);
        rows.Select(r => r.Scheme.Label(r.Inspection.Grade)).ShouldBe(["要補修", "要早期補修"], ignoreOrder: true);
        var distribution = await InspectionRecords.DistributionAsync(db, default);
        distribution.Single(d => d.Kind == AssetKind.Bridge).Counts.ShouldBe([0, 0, 0, 0, 1, 0, 0]);
        distribution.Single(d => d.Kind == AssetKind.Road).Scheme.ShouldBe(GradeScheme.Pavement);
    }

    [Fact]
    public async Task the_fit_uses_the_kinds_scale_for_its_states_and_only_the_records_on_that_scale()
    {
        await using var db = database.Context("222127");
        (await GradeScales.DefineAsync(db, "three", "3段階", "良\n可\n不可", default)).IsSuccess.ShouldBeTrue();
        for (var i = 0; i < 10; i++)
        {
            await InspectionsTests.AddFacilityAsync(db, $"B{i}", AssetKind.Bridge);
            // Recorded on the national I–IV before the switch: not pairs of the 3-level scale.
            (await InspectionRecords.RecordAsync(db, new($"B{i}", null, "2009-06-01", null, "I", null, null, null), Today, default)).IsSuccess.ShouldBeTrue();
            (await InspectionRecords.RecordAsync(db, new($"B{i}", null, "2012-06-01", null, "IV", null, null, null), Today, default)).IsSuccess.ShouldBeTrue();
        }

        (await GradeScales.AssignAsync(db, AssetKind.Bridge, "three", default)).IsSuccess.ShouldBeTrue();
        for (var i = 0; i < 10; i++)
        {
            (await InspectionRecords.RecordAsync(db, new($"B{i}", null, "2014-06-01", null, "良", null, null, null), Today, default)).IsSuccess.ShouldBeTrue();
            (await InspectionRecords.RecordAsync(db, new($"B{i}", null, "2019-06-01", null, i < 6 ? "良" : i < 9 ? "可" : "不可", null, null, null), Today, default)).IsSuccess.ShouldBeTrue();
        }

        var model = (await DeteriorationModels.FitAsync(db, AssetKind.Bridge, [], null, DateTime.UtcNow, default)).Value;

        model.Scheme.ShouldBe("three");
        model.Fit().States.ShouldBe(3);
        model.Fit().Pairs.ShouldBe(10);
        // Every pair starts in 良 over the same interval: θ_1 = −ln(6/10)/z (as DeteriorationModelsTests).
        model.Fit().Hazards()[0].ShouldBe(-Math.Log(0.6) / (1826 / 365.25), 1e-7);
        var table = DeteriorationReport.Hazards(model, DeteriorationReport.SchemeOf(model, await GradeScales.LoadAsync(db, default)));
        table.Rows.Select(r => r[0].Text).ShouldBe(["良", "可"]);
        var forecast = await DeteriorationModels.ForecastAsync(db, model, 1, default);
        forecast[0].Facilities.ShouldBe([6, 3, 1]);
    }

    [Fact]
    public async Task a_scale_with_records_keeps_its_number_of_levels_but_can_be_renamed()
    {
        await using var db = database.Context("222127");
        await InspectionsTests.AddFacilityAsync(db, "B1", AssetKind.Bridge);
        (await GradeScales.DefineAsync(db, "three", "3段階", "良\n可\n不可", default)).IsSuccess.ShouldBeTrue();
        (await GradeScales.AssignAsync(db, AssetKind.Bridge, "three", default)).IsSuccess.ShouldBeTrue();
        (await InspectionRecords.RecordAsync(db, new("B1", null, "2024-05-01", null, "可", null, null, null), Today, default)).IsSuccess.ShouldBeTrue();

        var refused = await GradeScales.DefineAsync(db, "three", "4段階", "良\n可\n注意\n不可", default);
        var renamed = await GradeScales.DefineAsync(db, "three", "3段階（改）", "良好\n要観察\n要対策", default);

        refused.Error!.Code.ShouldBe("inspections.scale_in_use");
        renamed.IsSuccess.ShouldBeTrue();
        (await InspectionRecords.ListAsync(db, "B1", default)).Single().Scheme.Label(2).ShouldBe("要観察");
        (await GradeScales.AssignAsync(db, AssetKind.Bridge, "none", default)).Error!.Code.ShouldBe("inspections.scale_not_found");
        (await GradeScales.AssignAsync(db, AssetKind.Bridge, "", default)).Value.ShouldBe(GradeScheme.RoadStructure);
        (await GradeScales.LoadAsync(db, default)).For(AssetKind.Bridge).ShouldBe(GradeScheme.RoadStructure);
    }

    [Fact]
    public async Task another_bodys_scales_are_invisible_and_do_not_change_its_neighbours_kinds()
    {
        await using (var a = database.Context("222127"))
        {
            (await GradeScales.DefineAsync(a, "three", "3段階", "良\n可\n不可", default)).IsSuccess.ShouldBeTrue();
            (await GradeScales.AssignAsync(a, AssetKind.Bridge, "three", default)).IsSuccess.ShouldBeTrue();
        }

        await using var b = database.Context("222143");
        var theirs = await GradeScales.LoadAsync(b, default);
        theirs.Defined.ShouldBeEmpty();
        theirs.For(AssetKind.Bridge).ShouldBe(GradeScheme.RoadStructure);
        (await GradeScales.AssignAsync(b, AssetKind.Bridge, "three", default)).Error!.Code.ShouldBe("inspections.scale_not_found");
    }

    [Fact]
    public async Task a_pooled_fit_is_refused_when_a_member_grades_the_kind_on_other_levels()
    {
        long groupId;
        await using (var platform = database.Context())
        {
            var group = new WideAreaGroup { Name = "志太榛原インフラ群", Kind = WideAreaGroupKind.InfrastructureGroup, Members = [new() { MemberCode = "222127" }, new() { MemberCode = "222143" }] };
            platform.WideAreaGroups.Add(group);
            await platform.SaveChangesAsync();
            groupId = group.Id;
        }

        await using (var b = database.Context("222143"))
        {
            (await GradeScales.DefineAsync(b, "three", "3段階", "良\n可\n不可", default)).IsSuccess.ShouldBeTrue();
            (await GradeScales.AssignAsync(b, AssetKind.Bridge, "three", default)).IsSuccess.ShouldBeTrue();
        }

        await using var a = database.Context("222127");
        var refused = await DeteriorationModels.FitAsync(a, AssetKind.Bridge, [], groupId, DateTime.UtcNow, default);

        refused.Error!.Code.ShouldBe("deterioration.group_scales");
        refused.Error.Message.ShouldStartWith("構成団体 222143 はこの資産種別を「3段階」で記録しているため");
    }
}
