using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace InfraLedger.Core.Register.Export;

/// <summary>One sheet, one header row, one value per cell (numbers as numbers, text as inline strings), no merged cells.</summary>
public static class XlsxExport
{
    public static async Task WriteAsync<T>(IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, string sheetName, Stream output, CancellationToken ct)
    {
        // OpenXml needs a seekable stream; HTTP responses are not, so build in memory (exports are bounded by the register).
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, columns.Select(c => InlineText(c.Header)));
                await foreach (var row in rows.WithCancellation(ct))
                {
                    WriteRow(writer, columns.Select(c => c.Number is { } number ? NumberCell(number(row)) : InlineText(SafeCell.Text(c.Text!(row)))));
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<Cell> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    private static Cell InlineText(string? text) =>
        text is null ? new Cell() : new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString };

    private static Cell NumberCell(decimal? value) =>
        value is null ? new Cell() : new Cell(new CellValue(value.Value.ToString(CultureInfo.InvariantCulture))) { DataType = CellValues.Number };
}
