using InfraLedger.Core.Register.Import;
using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Tests.Tables;

public class CsvTableReaderTests
{
    public static TheoryData<string> Encodings => [Fixtures.Utf8, Fixtures.Utf8Bom, Fixtures.Cp932];

    // A register laid out the way municipal Excel sheets are saved as CSV: title and unit rows, a two-row header
    // under a spanning 取得価額, full-width digits, separators and stray spaces, a quoted line break, a subtotal,
    // notes and a total under the table.
    private const string MessyRegister =
        "令和5年度 公共施設一覧,,,,,\r\n" +
        "単位：千円,,,,,\r\n" +
        ",,,,,\r\n" +
        "施設コード,名称,取得価額,,延床面積（㎡）,取得年月日\r\n" +
        ",,金額,財源,,\r\n" +
        "001,焼津市役所,\"32,500 \",一般財源,\"１，２３４．５\",令和5年4月1日\r\n" +
        "002,\"大井川\r\n庁舎\",\"△1,000\",起債,－,H30.3.31\r\n" +
        ",,,,,\r\n" +
        "小計,,\"31,500\",,,\r\n" +
        "003,図書館,1000,国庫補助,500,2023/4/1\r\n" +
        "※ 金額は千円単位,,,,,\r\n" +
        "合計,,\"32,500\",,,\r\n" +
        "出典：財産台帳,,,,,\r\n";

    [Theory]
    [MemberData(nameof(Encodings))]
    public void reads_a_messy_register_skipping_titles_and_notes_and_merging_the_two_row_header(string encoding)
    {
        var table = Fixtures.ReadSingle(Fixtures.Encode(MessyRegister, encoding), "台帳.csv");

        table.Sheet.ShouldBeNull();
        table.Headers.ShouldBe(["施設コード", "名称", "取得価額 金額", "取得価額 財源", "延床面積（㎡）", "取得年月日"]);
        table.HeaderRow.ShouldBe(5);
        var rows = table.Rows.ToList();
        rows.Select(r => r.SourceRow).ShouldBe([6, 7, 11]); // 002 spans lines 7 and 8
        rows[0].Cells.ShouldBe(["001", "焼津市役所", "32,500 ", "一般財源", "１，２３４．５", "令和5年4月1日"]);
        rows[1].Cells.ShouldBe(["002", "大井川\n庁舎", "△1,000", "起債", "－", "H30.3.31"]);
        rows[2].Cells.ShouldBe(["003", "図書館", "1000", "国庫補助", "500", "2023/4/1"]);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void cell_texts_of_the_messy_register_parse_into_values(string encoding)
    {
        var table = Fixtures.ReadSingle(Fixtures.Encode(MessyRegister, encoding), "台帳.csv");
        var rows = table.Rows.ToList();

        rows.Select(r => CellText.ParseNumber(r.Cells[2]).Value).ShouldBe([32500m, -1000m, 1000m]);
        rows.Select(r => CellText.ParseNumber(r.Cells[4]).Value).ShouldBe([1234.5m, null, 500m]);
        rows.Select(r => CellText.ParseDate(r.Cells[5]).Value!.ToString()).ShouldBe(["2023-04-01", "2018-03-31", "2023-04-01"]);
        HeaderUnit.Split(table.Headers[4]).ShouldBe(("延床面積", 1m, "㎡"));
    }

    // 「単位：千円」 in a title row: money columns without a unit of their own are in 千円; a header's own unit wins,
    // and other numbers (㎡) are left alone.
    [Theory]
    [MemberData(nameof(Encodings))]
    public void a_money_unit_in_a_title_row_applies_to_money_columns_without_their_own(string encoding)
    {
        var text = "令和5年度 固定資産台帳,,,,（単位：千円）\n資産番号,件名,勘定科目,取得価額,数量（㎡）\n10023-1,焼津小学校 校舎,建物,\"812,000\",5200\n";
        var table = Fixtures.ReadSingle(Fixtures.Encode(text, encoding), "固定資産台帳.csv");
        var converter = new RowConverter(table, ColumnMapping.Suggest(ImportTarget.Assets, table).Mapping, "222127");

        var (asset, problems) = converter.ToAsset(table.Rows.Single());

        problems.ShouldBeEmpty();
        (asset!.AcquisitionCost, asset.Quantity).ShouldBe((812_000_000m, 5200m));

        var ownUnit = Fixtures.ReadSingle(Fixtures.Encode(text.Replace("取得価額,", "取得価額（円）,", StringComparison.Ordinal), encoding), "固定資産台帳.csv");
        new RowConverter(ownUnit, ColumnMapping.Suggest(ImportTarget.Assets, ownUnit).Mapping, "222127").ToAsset(ownUnit.Rows.Single()).Asset!.AcquisitionCost
            .ShouldBe(812_000m);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void reads_a_plain_table_with_the_header_on_the_first_line(string encoding)
    {
        var text = "名称,所在地,供用開始年\n石津浜公園,焼津市石津2420,1961\n\"中央公園, 北側\",\"焼津市\"\"本町\"\"\",昭和50年度\n";

        var table = Fixtures.ReadSingle(Fixtures.Encode(text, encoding), "parks.csv");

        table.HeaderRow.ShouldBe(1);
        table.Headers.ShouldBe(["名称", "所在地", "供用開始年"]);
        table.Rows.Select(r => r.Cells).ShouldBe([["石津浜公園", "焼津市石津2420", "1961"], ["中央公園, 北側", "焼津市\"本町\"", "昭和50年度"]]);
    }

    [Fact]
    public void reads_tab_separated_text_when_the_header_has_tabs_and_no_commas()
    {
        var text = "名称\t面積(㎡)\t備考\n市民体育館\t1,200\t改修済み, 2020年\n";

        var table = Fixtures.ReadSingle(Fixtures.Encode(text, Fixtures.Utf8), "export.txt");

        table.Headers.ShouldBe(["名称", "面積(㎡)", "備考"]);
        table.Rows.Single().Cells.ShouldBe(["市民体育館", "1,200", "改修済み, 2020年"]);
    }

    [Fact]
    public void a_row_of_units_under_the_header_joins_the_header()
    {
        var text = "名称,延床面積,取得価額\n,（㎡）,（千円）\n市民体育館,\"1,200\",5000\n";

        var table = Fixtures.ReadSingle(Fixtures.Encode(text, Fixtures.Utf8), "units.csv");

        table.Headers.ShouldBe(["名称", "延床面積 （㎡）", "取得価額 （千円）"]);
        table.HeaderRow.ShouldBe(2);
        table.Headers.Select(h => HeaderUnit.Split(h)).ShouldBe([("名称", 1m, null), ("延床面積", 1m, "㎡"), ("取得価額", 1000m, "円")]);
        table.Rows.Single().SourceRow.ShouldBe(3);
    }

    [Fact]
    public void pads_short_rows_and_keeps_filled_cells_past_the_header_for_the_import_to_report()
    {
        var text = "名称,所在地,区分\n体育館\n図書館,本町,教育,余分な値,\n";

        var rows = Fixtures.ReadSingle(Fixtures.Encode(text, Fixtures.Utf8), "a.csv").Rows.ToList();

        rows[0].Cells.ShouldBe(["体育館", null, null]);
        rows[1].Cells.ShouldBe(["図書館", "本町", "教育", "余分な値"]);
    }

    [Fact]
    public void drops_a_header_repeated_on_every_printed_page()
    {
        var text = "名称,延長(m)\n市道1号線,120\n名称,延長(m)\n市道2号線,80\n";

        var rows = Fixtures.ReadSingle(Fixtures.Encode(text, Fixtures.Utf8), "roads.csv").Rows.ToList();

        rows.Select(r => r.SourceRow).ShouldBe([2, 4]);
    }

    [Fact]
    public void a_file_ascii_at_first_and_shift_jis_later_reads_as_shift_jis()
    {
        var lines = new[] { "code,name,area" }.Concat(Enumerable.Range(1, 2000).Select(i => $"{i},park{i},{i * 10}")).Append("2001,焼津公園,500");
        var bytes = Fixtures.Encode(string.Join("\r\n", lines) + "\r\n", Fixtures.Cp932);

        var rows = Fixtures.ReadSingle(bytes, "parks.csv").Rows.ToList();

        rows.Count.ShouldBe(2001);
        rows[^1].Cells.ShouldBe(["2001", "焼津公園", "500"]);
        rows[^1].SourceRow.ShouldBe(2002);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n,,,\r\n")]
    public void refuses_a_file_with_no_table(string text) =>
        Fixtures.Refuse(Fixtures.Encode(text, Fixtures.Utf8), "empty.csv").Code.ShouldBe("tables.file_empty");

    [Fact]
    public void the_rows_of_a_csv_can_be_read_once()
    {
        var table = Fixtures.ReadSingle(Fixtures.Encode("名称,住所\n体育館,本町\n", Fixtures.Utf8), "a.csv");
        table.Rows.Count().ShouldBe(1);

        Should.Throw<InvalidOperationException>(() => table.Rows.Count());
    }
}
