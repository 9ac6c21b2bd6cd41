using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace InfraLedger.Core.Register.Export;

/// <summary>
/// One sheet, one header row, one value per cell (numbers as numbers, text as inline strings), no merged cells; for the
/// people who open it in Excel: a bold, frozen header row, columns as wide as their first rows need, and numbers shown
/// with their column's format (<see cref="ExportColumn{T}.Format"/>, e.g. #,##0 for yen).
/// </summary>
public static class XlsxExport
{
    /// <summary>Rows looked at to size the columns; the rest stream after them.</summary>
    private const int SizingRows = 500;

    public static async Task WriteAsync<T>(IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, string sheetName, Stream output, CancellationToken ct)
    {
        // OpenXml needs a seekable stream; HTTP responses are not, so build in memory (exports are bounded by the register).
        using var buffer = new MemoryStream();
        var formats = columns.Select(c => c.Format).OfType<string>().Distinct().ToList();
        await using var enumerator = rows.GetAsyncEnumerator(ct);
        var first = new List<T>(SizingRows);
        while (first.Count < SizingRows && await enumerator.MoveNextAsync())
        {
            first.Add(enumerator.Current);
        }

        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles(formats);
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(new Pane
                {
                    VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
                }) { WorkbookViewId = 0 }));
                writer.WriteElement(new Columns(columns.Select((c, i) => new Column
                {
                    Min = (uint)i + 1, Max = (uint)i + 1, Width = Width(c, first), CustomWidth = true,
                })));
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, columns.Select(c => InlineText(c.Header, HeaderStyle)));
                foreach (var row in first)
                {
                    WriteRow(writer, Cells(columns, row, formats));
                }

                while (await enumerator.MoveNextAsync())
                {
                    WriteRow(writer, Cells(columns, enumerator.Current, formats));
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

    /// <summary>
    /// Several report tables, one sheet each in the order given (a 個別施設計画: 計画概要, 対策工事リスト, 年度別計画表 …), each
    /// laid out as <see cref="WriteAsync{T}"/> lays out its one sheet. Sheet names are at most 31 characters (Excel's limit).
    /// </summary>
    public static async Task WriteTablesAsync(IReadOnlyList<(string Sheet, Common.Table Table)> sheets, Stream output, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var formats = sheets.SelectMany(s => s.Table.Columns).Select(c => c.Format).OfType<string>().Distinct().ToList();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles(formats);
            var list = new Sheets();
            for (var i = 0; i < sheets.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var (name, table) = sheets[i];
                var columns = table.Columns;
                var rows = table.Rows.ToList();
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                using (var writer = OpenXmlWriter.Create(sheetPart))
                {
                    writer.WriteStartElement(new Worksheet());
                    writer.WriteElement(new SheetViews(new SheetView(new Pane
                    {
                        VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
                    }) { WorkbookViewId = 0 }));
                    writer.WriteElement(new Columns(columns.Select((c, k) => new Column
                    {
                        Min = (uint)k + 1, Max = (uint)k + 1, Width = Width(c, rows.Take(SizingRows).ToList()), CustomWidth = true,
                    })));
                    writer.WriteStartElement(new SheetData());
                    WriteRow(writer, columns.Select(c => InlineText(c.Header, HeaderStyle)));
                    foreach (var row in rows)
                    {
                        WriteRow(writer, Cells(columns, row, formats));
                    }

                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }

                list.AppendChild(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = (uint)i + 1, Name = name.Length > 31 ? name[..31] : name });
            }

            workbook.Workbook.AppendChild(list);
            workbook.Workbook.Save();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    /// <summary>Cell format 1: the bold header; 2… : one per number format, in the order of <c>formats</c>.</summary>
    private const uint HeaderStyle = 1;

    private static Stylesheet Styles(List<string> formats) => new(
        new NumberingFormats(formats.Select((f, i) => new NumberingFormat { NumberFormatId = 164 + (uint)i, FormatCode = f })) { Count = (uint)formats.Count },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            [new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true },
             .. formats.Select((_, i) => new CellFormat { NumberFormatId = 164 + (uint)i, ApplyNumberFormat = true })]) { Count = 2 + (uint)formats.Count });

    private static IEnumerable<Cell> Cells<T>(IReadOnlyList<ExportColumn<T>> columns, T row, List<string> formats) =>
        columns.Select(c => c.Number is { } number
            ? NumberCell(number(row), c.Format is { } f ? 2 + (uint)formats.IndexOf(f) : null)
            : InlineText(SafeCell.Text(c.Text!(row)), null));

    /// <summary>
    /// About one unit per half-width character and two per full-width one (Excel's width is in characters of its default
    /// font), between 6 and 60.
    /// </summary>
    private static double Width<T>(ExportColumn<T> column, List<T> rows)
    {
        static int Units(string? text) => text?.Sum(ch => ch < 0x2000 ? 1 : 2) ?? 0;
        var widest = rows.Select(r => column.Number is { } n ? (n(r)?.ToString("N", CultureInfo.InvariantCulture).Length ?? 0) : Units(column.Text!(r)))
            .DefaultIfEmpty(0).Max();
        return Math.Clamp(Math.Max(Units(column.Header), widest) + 2, 6, 60);
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

    private static Cell InlineText(string? text, uint? style)
    {
        var cell = text is null ? new Cell() : new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString };
        cell.StyleIndex = style;
        return cell;
    }

    private static Cell NumberCell(decimal? value, uint? style) =>
        value is null ? new Cell() : new Cell(new CellValue(value.Value.ToString(CultureInfo.InvariantCulture))) { DataType = CellValues.Number, StyleIndex = style };
}
