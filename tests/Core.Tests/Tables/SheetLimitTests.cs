using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Tests.Tables;

/// <summary>
/// Issue 17, finding F1: a 1.6 KB XLSX with cells at XFD1 and A1048576 kept a job busy for 366 s, because every row
/// was read as wide as the sheet. Sheets are now checked (declared dimension, then each cell reference as the XML
/// streams) before any row is read, within <see cref="ReadLimits.MaxColumns"/> and <see cref="ReadLimits.MaxCells"/>.
/// </summary>
public class SheetLimitTests
{
    [Fact]
    public void F1_a_small_xlsx_with_cells_at_XFD1_and_A1048576_is_refused_before_its_rows_naming_sheet_and_cell()
    {
        // The five parts of a workbook and nothing else, as in the finding: 1.6 KB.
        var bytes = MinimalWorkbook("台帳", """<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>"""
            + """<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>y</t></is></c></row>""");
        bytes.Length.ShouldBeLessThan(2048);

        var error = Fixtures.Refuse(bytes, "f1.xlsx");

        error.Code.ShouldBe("tables.sheet_too_wide");
        error.Message.ShouldBe("ファイル「f1.xlsx」のシート「台帳」のセル XFD1 は、読み込める列の上限（1,000列）より右にあります。表の外にある値や書式を削除して保存し直してください。");
    }

    [Fact]
    public void F1_a_value_a_million_rows_below_the_table_is_refused_naming_its_row()
    {
        var bytes = MinimalWorkbook("台帳", """<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row>"""
            + """<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>y</t></is></c></row>""");

        var error = Fixtures.Refuse(bytes, "deep.xlsx");

        error.Code.ShouldBe("tables.sheet_blank_rows");
        error.Message.ShouldBe("ファイル「deep.xlsx」のシート「台帳」の1,048,576行目の前に、空の行が上限（10,000行）を超えてあります。表の下や間にある不要な値・書式を削除して保存し直してください。");
    }

    [Fact]
    public void F1_a_declared_dimension_beyond_the_limits_is_refused_before_the_cells_are_read()
    {
        var bytes = new XlsxBuilder().Sheet("台帳").Dimension("A1:XFD1048576").Row(1, "名称", "所在地").Row(2, "体育館", "本町").Build();

        var error = Fixtures.Refuse(bytes, "wide.xlsx");

        error.Code.ShouldBe("tables.sheet_declared_too_large");
        error.Message.ShouldContain("シート「台帳」は範囲 A1:XFD1048576 を使うと宣言していて");
    }

    [Fact]
    public void F1_a_cell_written_beyond_a_small_declared_dimension_is_still_refused()
    {
        var bytes = new XlsxBuilder().Sheet("台帳").Dimension("A1:B2").Row(1, "名称", "所在地").Row(2, "体育館", "本町").Text("AMM2", "隠れた値").Build();

        Fixtures.Refuse(bytes, "lying.xlsx").Message.ShouldContain("セル AMM2 は、読み込める列の上限（1,000列）より右にあります");
    }

    [Fact]
    public void F1_a_used_range_over_the_cell_limit_is_refused_at_its_last_cell()
    {
        var bytes = new XlsxBuilder().Sheet("台帳").Row(1, "名称", "所在地", "緯度").Text("A40", "体育館").Build();

        var error = Fixtures.Refuse(bytes, "tall.xlsx", new ReadLimits(MaxCells: 100));

        error.Code.ShouldBe("tables.sheet_too_many_cells");
        error.Message.ShouldContain("A1:C40 まで使われていて、読み込めるセル数の上限（100セル）を超えます");
    }

    [Fact]
    public void F1_an_xls_wider_than_the_limit_is_refused_as_its_rows_are_read()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures.Repository(), "tests", "Core.Tests", "Tables", "Fixtures", "register.xls"));

        var error = Fixtures.Refuse(bytes, "register.xls", new ReadLimits(MaxColumns: 3));

        error.Code.ShouldBe("tables.sheet_too_wide");
        error.Message.ShouldContain("ファイル「register.xls」のシート「施設台帳」のセル F1 は、読み込める列の上限（3列）より右にあります");
    }

    [Fact]
    public void F1_a_sheet_within_the_limits_with_blank_rows_inside_is_read_whole()
    {
        // Rows skipped within the limit are read as blank rows; no value is dropped.
        var bytes = new XlsxBuilder().Sheet("台帳").Row(1, "名称", "所在地").Row(2, "体育館", "本町").Text("A5002", "図書館").Build();

        var table = Fixtures.ReadSingle(bytes, "gaps.xlsx");

        table.Rows.Select(r => (r.SourceRow, r.Cells[0])).ShouldBe([(2, "体育館"), (5002, "図書館")]);
    }

    [Theory]
    [InlineData("A1", 1L, 1L)]
    [InlineData("XFD1048576", 16384L, 1048576L)]
    [InlineData("$AB$12", 28L, 12L)]
    [InlineData("AMJ7", 1024L, 7L)]
    public void cell_references_parse_to_column_and_row_and_back(string reference, long column, long row)
    {
        CellReferences.Parse(reference).ShouldBe((column, row));
        CellReferences.Name(row, column).ShouldBe(reference.Replace("$", "", StringComparison.Ordinal));
    }

    private static byte[] MinimalWorkbook(string sheet, string rows)
    {
        var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(xml);
            }

            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Part("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>""");
        }

        return stream.ToArray();
    }
}
