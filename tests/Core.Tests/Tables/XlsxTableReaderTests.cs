using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Tests.Tables;

public class XlsxTableReaderTests
{
    /// <summary>
    /// A register sheet as municipalities keep them: a merged title, a unit note, a two-row header with merged
    /// cells, a number, a date-formatted cell, a bare Excel serial, a subtotal, a cell merged over two data rows and
    /// a note; then an empty sheet, a hidden list sheet and a second table.
    /// </summary>
    internal static byte[] Workbook() => new XlsxBuilder()
        .Sheet("施設台帳")
        .Text("A1", "令和5年度 公共施設一覧").Merge("A1:F1")
        .Text("F2", "単位：千円")
        .Row(4, "施設コード", "名称", "取得価額", "", "取得年月日", "供用開始")
        .Merge("A4:A5").Merge("B4:B5").Merge("C4:D4").Merge("E4:E5").Merge("F4:F5")
        .Row(5, "", "", "金額", "財源")
        .Row(6, "001", "焼津市役所").Number("C6", 32500).Text("D6", "一般財源").Date("E6", new DateOnly(2023, 4, 1)).Number("F6", 45017)
        .Row(7, "002", "大井川庁舎").Number("C7", 1234.5).Text("D7", "起債").Date("E7", new DateOnly(2018, 3, 31)).Text("F7", "平成30年")
        .Row(8, "小計").Number("C8", 33734.5)
        .Row(9, "003", "図書館").Number("C9", 1000).Text("D9", "国庫補助").Merge("D9:D10")
        .Row(10, "004", "体育館").Number("C10", 2000)
        .Row(12, "※ 取得価額は千円単位")
        .Sheet("空")
        .Sheet("選択肢", hidden: true).Row(1, "区分", "コード").Row(2, "建物", "1")
        .Sheet("公園").Row(1, "公園名", "面積（㎡）").Row(2, "石津浜公園").Text("B2", "32,500 ")
        .Build();

    [Fact]
    public void reads_visible_non_empty_sheets_as_tables()
    {
        var tables = Fixtures.Read(Workbook(), "台帳.xlsx");

        tables.Select(t => t.Sheet).ShouldBe(["施設台帳", "公園"]);
        tables.ShouldAllBe(t => t.File == "台帳.xlsx");
    }

    [Fact]
    public void merges_the_header_rows_under_merged_cells_and_skips_the_title()
    {
        var table = Fixtures.Read(Workbook(), "台帳.xlsx")[0];

        table.Headers.ShouldBe(["施設コード", "名称", "取得価額 金額", "取得価額 財源", "取得年月日", "供用開始"]);
        table.HeaderRow.ShouldBe(5);
    }

    [Fact]
    public void gives_numbers_as_invariant_text_dates_as_iso_and_fills_merged_data_cells()
    {
        var rows = Fixtures.Read(Workbook(), "台帳.xlsx")[0].Rows.ToList();

        rows.Select(r => r.SourceRow).ShouldBe([6, 7, 9, 10]);
        rows[0].Cells.ShouldBe(["001", "焼津市役所", "32500", "一般財源", "2023-04-01", "45017"]);
        rows[1].Cells.ShouldBe(["002", "大井川庁舎", "1234.5", "起債", "2018-03-31", "平成30年"]);
        rows[2].Cells.ShouldBe(["003", "図書館", "1000", "国庫補助", null, null]);
        rows[3].Cells.ShouldBe(["004", "体育館", "2000", "国庫補助", null, null]);
        CellText.ParseDate(rows[0].Cells[5]).Value.ShouldBe(new PartialDate(2023, 4, 1));
        CellText.ParseDate(rows[1].Cells[4]).Value.ShouldBe(new PartialDate(2018, 3, 31));
    }

    [Theory]
    [InlineData(32500, "32500")]
    [InlineData(1234.5, "1234.5")]
    [InlineData(1000 * 1.1, "1100")] // stored as 1100.0000000000002: Excel shows 1100
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(34.86524360019246, "34.86524360019246")] // a coordinate written by a program keeps its digits
    [InlineData(1e-7, "0.0000001")]
    public void numbers_come_out_as_excel_shows_them_without_binary_noise(double value, string text)
    {
        var bytes = new XlsxBuilder().Sheet("数値").Row(1, "名称", "値").Text("A2", "x").Number("B2", value).Build();

        Fixtures.Read(bytes, "n.xlsx").Single().Rows.Single().Cells[1].ShouldBe(text);
    }

    [Fact]
    public void tables_can_be_read_in_any_order_and_again()
    {
        var tables = Fixtures.Read(Workbook(), "台帳.xlsx");

        tables[1].Rows.Single().Cells.ShouldBe(["石津浜公園", "32,500 "]);
        tables[0].Rows.Count().ShouldBe(4);
        tables[0].Rows.Count().ShouldBe(4);
    }

    [Fact]
    public void reads_a_workbook_from_a_stream_that_cannot_seek()
    {
        var result = TableReader.Read(new ForwardOnlyStream(Workbook()), "upload.xlsx", ReadLimits.Default);

        result.Value.Select(t => t.Rows.Count()).ShouldBe([4, 1]);
    }

    [Fact]
    public void a_workbook_renamed_to_csv_is_read_as_a_workbook() =>
        Fixtures.Read(Workbook(), "台帳.csv").Count.ShouldBe(2);

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
