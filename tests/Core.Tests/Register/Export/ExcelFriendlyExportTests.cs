using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InfraLedger.Core.Register;
using InfraLedger.Core.Register.Export;

namespace InfraLedger.Core.Tests.Register.Export;

/// <summary>Issue 16, item 8: staff downloads open in Excel as Japanese; XLSX headers are styled.</summary>
public class ExcelFriendlyExportTests
{
    private static readonly Facility Hall = new() { TenantId = "222127", Code = "K1", Name = "中央公民館𠮷", YearBuilt = 1975, Quantity = 1200.5m, QuantityKind = QuantityKind.FloorArea };

    private static async Task<byte[]> CsvAsync(CsvEncoding encoding)
    {
        using var output = new MemoryStream();
        await CsvExport.WriteAsync(new[] { Hall }.ToAsyncEnumerable(), ExportColumns.Facility, output, encoding, default);
        return output.ToArray();
    }

    [Fact]
    public async Task a_csv_for_excel_starts_with_the_utf8_bom_that_makes_excel_read_it_as_japanese()
    {
        var bytes = await CsvAsync(CsvEncoding.Utf8Bom);

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes, 3, 15).ShouldBe("施設コード");
        (await CsvAsync(CsvEncoding.Utf8)).Take(3).ShouldBe("施"u8.ToArray());
    }

    [Fact]
    public async Task a_shift_jis_csv_is_cp932_and_a_character_cp932_lacks_becomes_a_geta_mark()
    {
        var bytes = await CsvAsync(CsvEncoding.ShiftJis);

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        bytes.Take(2).ShouldBe(new byte[] { 0x8E, 0x7B }); // 「施」 in Shift_JIS
        var text = Encoding.GetEncoding(932).GetString(bytes);
        text.ShouldStartWith("施設コード,施設名,");
        text.Split("\r\n")[1].ShouldStartWith("K1,中央公民館〓,");
    }

    [Fact]
    public async Task an_xlsx_has_a_bold_frozen_header_row_column_widths_and_number_formats()
    {
        var asset = new FixedAsset { TenantId = "222127", Number = "10001", Name = "焼津小学校 校舎（北棟）", Account = "建物", AcquisitionCost = 812_000_000m };
        using var output = new MemoryStream();
        await XlsxExport.WriteAsync(new[] { asset }.ToAsyncEnumerable(), ExportColumns.Asset, "固定資産台帳", output, default);

        using var document = SpreadsheetDocument.Open(new MemoryStream(output.ToArray()), false);
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var sheet = document.WorkbookPart.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        var header = rows[0].Elements<Cell>().First();
        var headerFormat = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)header.StyleIndex!.Value);
        styles.Fonts!.Elements<Font>().ElementAt((int)headerFormat.FontId!.Value).Bold.ShouldNotBeNull();
        sheet.Descendants<Pane>().Single().State!.Value.ShouldBe(PaneStateValues.Frozen);

        var columns = sheet.Descendants<Column>().ToList();
        columns.Count.ShouldBe(ExportColumns.Asset.Count);
        columns[2].Width!.Value.ShouldBeGreaterThan(columns[0].Width!.Value, "件名 holds a long Japanese name");

        var cost = rows[1].Elements<Cell>().ElementAt(7);
        cost.CellValue!.Text.ShouldBe("812000000");
        var costFormat = styles.CellFormats.Elements<CellFormat>().ElementAt((int)cost.StyleIndex!.Value);
        styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == costFormat.NumberFormatId!.Value).FormatCode!.Value.ShouldBe("#,##0");
    }
}
