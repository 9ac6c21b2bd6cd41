using System.Text;
using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Tests.Tables;

/// <summary>Issue 16, items 1 and 7: one header matcher, whole headers only, every column with its reason.</summary>
public class HeaderMatcherTests
{
    private static readonly Vocabulary Facilities = Vocabularies.Get(Vocabularies.Facilities);
    private static readonly string[] Identity = ["Code", "Name"];

    private static ColumnMatch Match(string csv, Vocabulary? vocabulary = null) =>
        HeaderMatcher.Match(vocabulary ?? Facilities, Fixtures.ReadSingle(Encoding.UTF8.GetBytes(csv), "list.csv"), Identity);

    private static string Reason(ColumnMatch match, int column) => match.Notes.Single(n => n.Column == column).Reason;

    [Fact]
    public void english_machine_readable_headers_are_recognised_and_note_is_not_taken_for_a_code()
    {
        // What was seen: name/address not matched, and 「note」 became the facility code because it contains 「no」.
        var match = Match("name,address,latitude,longitude,#property,note,tel\n" +
            "中央公民館,焼津市本町1-1,34.86,138.32,公民館,改修済み,054-623-2554\n北公民館,焼津市大村2-3,34.87,138.31,公民館,,054-623-2555\n");

        match.Columns.ShouldBe(new Dictionary<string, int> { ["Name"] = 0, ["Address"] = 1, ["Latitude"] = 2, ["Longitude"] = 3, ["Note"] = 5 }, ignoreOrder: true);
        match.Column("Code").ShouldBeNull();
        Reason(match, 0).ShouldBe("見出し「name」は施設名の呼び方「name」と一致します。");
        Reason(match, 4).ShouldBe("対応する項目がないため取り込みません。");
        Reason(match, 5).ShouldBe("見出し「note」は備考の呼び方「note」と一致します。");
        Reason(match, 6).ShouldBe("電話番号の列です。取込先に項目がないため取り込みません。");
    }

    [Theory]
    [InlineData("電話番号")]
    [InlineData("連絡先電話番号")]
    [InlineData("TEL")]
    public void a_phone_column_of_a_prefecture_s_list_is_never_the_facility_code(string phone)
    {
        // What was seen: 「電話番号」 became the facility code of a prefecture's list (it contains 「番号」).
        var match = Match($"名称,所在地,{phone}\n県立図書館,静岡市駿河区谷田53-1,054-262-1242\n県立美術館,静岡市駿河区谷田53-2,054-263-5755\n");

        match.Column("Code").ShouldBeNull();
        match.Column("Name").ShouldBe(0);
        Reason(match, 2).ShouldStartWith("電話番号の列です");
    }

    [Fact]
    public void a_column_whose_values_are_phone_numbers_is_not_a_code_whatever_its_header()
    {
        var match = Match("番号,名称\n(054)623-2554,中央公民館\n054-623-2555,北公民館\n0546232556,南公民館\n");

        match.Column("Code").ShouldBeNull();
        Reason(match, 0).ShouldBe("値が電話番号に見えるため（例: (054)623-2554）、施設コードには対応付けていません。");
    }

    [Fact]
    public void a_column_whose_values_are_urls_is_not_a_name_and_dates_are_not_codes()
    {
        var match = Match("ID,名称,施設名\n2023/4/1,https://www.city.yaizu.lg.jp/a.html,中央公民館\n2023/5/1,https://www.city.yaizu.lg.jp/b.html,北公民館\n");

        match.Column("Code").ShouldBeNull();
        match.Column("Name").ShouldBe(2);
        Reason(match, 0).ShouldStartWith("値が日付に見えるため");
        Reason(match, 1).ShouldStartWith("値がURLに見えるため");
    }

    [Fact]
    public void codes_with_leading_zeros_and_years_are_still_codes()
    {
        var match = Match("施設番号,名称,建築年\n0012345,中央公民館,1975\n0012346,北公民館,1980\n");

        match.Column("Code").ShouldBe(0);
        match.Column("YearBuilt").ShouldBe(2);
    }

    [Theory]
    [InlineData("notes", "Note")]
    [InlineData("No.", "Code")]
    [InlineData("ＩＤ", "Code")]
    [InlineData("名称_カナ", "Kana")]
    [InlineData("名称カナ", "Kana")]
    [InlineData(" Latitude ", "Latitude")]
    [InlineData("lng", "Longitude")]
    [InlineData("floor_area", "FloorArea")]
    [InlineData("延床面積（㎡）", "FloorArea")]
    [InlineData("year_built", "YearBuilt")]
    [InlineData("住所（番地まで）", "Address")]
    [InlineData("所在地_連結表記", "Address")]
    [InlineData("水防倉庫名", "Name")]
    [InlineData("水防倉庫名カナ", "Kana")]
    [InlineData("団体名", "Section")]
    public void a_header_matches_its_field_whole_after_normalising(string header, string field) =>
        Match($"{header},x\na,b\n").Column(field).ShouldBe(0);

    [Theory]
    [InlineData("notebook")]
    [InlineData("備考欄の説明")]
    [InlineData("施設番号の旧番号")]
    [InlineData("所管課名")]
    [InlineData("市区町村名")]
    [InlineData("nombre")]
    public void a_header_containing_a_known_name_is_not_matched_by_the_part(string header) =>
        Match($"{header},x\na,b\n").Columns.Values.ShouldNotContain(0);

    [Fact]
    public void an_ambiguous_header_stays_unmapped_with_its_reason()
    {
        var match = Match("施設コード,施設名,区分\nA1,中央公民館,建物\n");

        match.Columns.Values.ShouldNotContain(2);
        Reason(match, 2).ShouldBe("見出し「区分」は用途分類（中分類）・資産種別のどれとも読めるため、対応付けていません。列の対応付けで選んでください。");
    }

    [Fact]
    public void when_two_columns_match_one_field_the_better_name_wins_and_the_other_says_so()
    {
        var match = Match("ID,名称,住所,所在地\n1,中央公民館,本町1-1,焼津市本町1-1\n");

        match.Column("Address").ShouldBe(3);
        Reason(match, 2).ShouldBe("所在地には列「所在地」を対応付けたため、この列は取り込みません。");
    }

    [Fact]
    public void a_multi_row_header_matches_through_one_of_its_cells()
    {
        var assets = Vocabularies.Get(Vocabularies.Assets);
        var table = Fixtures.Read(XlsxTableReaderTests.Workbook(), "台帳.xlsx")[0];

        var match = HeaderMatcher.Match(assets, table);

        match.Column("AcquisitionCost").ShouldBe(2);
        match.Notes.Single(n => n.Column == 2).Reason.ShouldBe("複数行の見出し「取得価額 金額」のうち「取得価額」が取得価額等（円）の呼び方と一致します。");
        match.Notes.Single(n => n.Column == 3).Reason.ShouldBe("取得価額等（円）には列「取得価額 金額」を対応付けたため、この列は取り込みません。");
    }

    [Fact]
    public void every_header_name_of_a_vocabulary_belongs_to_one_field_except_the_ambiguous_ones()
    {
        foreach (var id in new[] { Vocabularies.Facilities, Vocabularies.Assets, Vocabularies.Populations, Vocabularies.Investments,
            Vocabularies.FiscalIndicators, Vocabularies.SimilarGroups, Vocabularies.Inspections, Vocabularies.Works })
        {
            var shared = Vocabularies.Get(id).Fields.SelectMany(f => f.Names.Select(n => (Key: HeaderKey.Of(n), f.Name))).Distinct()
                .GroupBy(x => x.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            shared.ShouldBe(id == Vocabularies.Facilities ? ["区分"] : [], id);
        }
    }

    [Theory]
    [InlineData("222127_facilities_smartmap.csv", "public-facilities")]
    [InlineData("222127_library.csv", "public-facilities")]
    [InlineData("222127_public_toilet.csv", "public-toilets")]
    [InlineData("222127_fire_hydrant.csv", "fire-water")]
    [InlineData("222127_evacuation_space.csv", "evacuation-spaces")]
    [InlineData("222127_park_info.csv", null)]
    [InlineData("222127_bousaisouko.csv", null)]
    [InlineData("222127_underpass.csv", null)]
    public void standard_datasets_are_recognised_by_their_headers(string file, string? dataset)
    {
        var table = Fixtures.ReadSingle(File.ReadAllBytes(YaizuFilesTests.Path(file)), file);

        Vocabularies.Recognise(table.Headers)?.Id.ShouldBe(dataset);
    }

    [Theory]
    [InlineData("全市町村の主要財政指標（令和２年度）", 2020)]
    [InlineData("全都道府県の主要財政指標（令和２年度決算）", 2020)]
    [InlineData("平成27年度 主要財政指標一覧", 2015)]
    [InlineData("令和元年度", 2019)]
    [InlineData("H27年度", 2015)]
    [InlineData("２０２１年度 決算", 2021)]
    [InlineData("主要財政指標一覧", null)]
    public void a_title_states_its_fiscal_year_in_japanese_or_western_years(string title, int? year) =>
        TitleYear.Of([title]).ShouldBe(year);
}
