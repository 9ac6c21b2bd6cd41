using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Tests.Tables;

/// <summary>The real files of ../shared/data/facilities/yaizu (出典：焼津市オープンデータ, CC BY 4.0).</summary>
public class YaizuFilesTests
{
    /// <summary>Row counts from the table in ../shared/data/README.md (counted with an RFC 4180 parser, header excluded).</summary>
    public static readonly TheoryData<string, int> Files = new()
    {
        { "222127_facilities_smartmap.csv", 28 },
        { "222127_elementary_school.csv", 13 },
        { "222127_junior_high_school.csv", 9 },
        { "222127_library.csv", 11 },
        { "222127_facilities_sports.csv", 16 },
        { "222127_community_center.csv", 9 },
        { "222127_facilities_culture.csv", 6 },
        { "222127_facilities_welfare.csv", 2 },
        { "222127_municipal_parking_lot.csv", 4 },
        { "222127_park_info.csv", 142 },
        { "222127_public_toilet.csv", 112 },
        { "222127_fire_hydrant.csv", 193 },
        { "222127_underpass.csv", 48 },
        { "222127_hinannjo.csv", 56 },
        { "222127_evacuation_space.csv", 31 },
        { "222127_bousaisouko.csv", 5 },
        { "222127_suibousouko.csv", 5 },
        { "222127_innryousuiyouchosuisou.csv", 3 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void every_yaizu_file_reads_with_its_published_row_count(string file, int rows)
    {
        var table = Read(file);

        table.HeaderRow.ShouldBe(1);
        table.Rows.Count().ShouldBe(rows);
    }

    [Fact]
    public void the_test_covers_every_file_in_the_folder() =>
        Directory.GetFiles(Folder(), "*.csv").Length.ShouldBe(18);

    [Fact]
    public void park_areas_parse_as_numbers_and_opening_years_as_years()
    {
        var table = Read("222127_park_info.csv");
        var area = table.Headers.ToList().IndexOf("面積（㎡）");
        var opened = table.Headers.ToList().IndexOf("供用開始年");
        var rows = table.Rows.ToList();

        HeaderUnit.Split(table.Headers[area]).ShouldBe(("面積", 1m, "㎡"));
        rows[0].SourceRow.ShouldBe(2);
        rows[0].Cells[1].ShouldBe("石津浜公園");
        rows[0].Cells[area].ShouldBe("32,500 ");
        CellText.ParseNumber(rows[0].Cells[area]).Value.ShouldBe(32500m);
        CellText.ParseDate(rows[0].Cells[opened]).Value.ShouldBe(new PartialDate(1961));
        rows.ShouldAllBe(r => CellText.ParseNumber(r.Cells[area]).IsSuccess && CellText.ParseNumber(r.Cells[area]).Value > 0);
        rows.ShouldAllBe(r => CellText.ParseDate(r.Cells[opened]).IsSuccess && CellText.ParseDate(r.Cells[opened]).Value!.Month == null);
    }

    /// <summary>The path of one of the files.</summary>
    public static string Path(string file) => System.IO.Path.Combine(Folder(), file);

    private static RawTable Read(string file)
    {
        var path = Path(file);
        File.Exists(path).ShouldBeTrue($"the shared data must sit beside the repository: {path}");
        var table = Fixtures.ReadSingle(File.ReadAllBytes(path), file);
        table.File.ShouldBe(file);
        return table;
    }

    private static string Folder() => System.IO.Path.Combine(Fixtures.Repository(), "..", "shared", "data", "facilities", "yaizu");
}
