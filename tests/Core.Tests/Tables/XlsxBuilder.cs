using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace InfraLedger.Core.Tests.Tables;

/// <summary>Builds small XLSX workbooks for the tests with the OpenXML SDK: text, numbers, dates, merged cells.</summary>
internal sealed class XlsxBuilder
{
    private const uint DateStyle = 1; // numFmtId 14, Excel's built-in short date

    private readonly List<(string Name, SortedDictionary<uint, List<Cell>> Rows, List<string> Merges, bool Hidden)> sheets = [];

    private readonly Dictionary<int, string> dimensions = [];

    public XlsxBuilder Sheet(string name, bool hidden = false)
    {
        sheets.Add((name, [], [], hidden));
        return this;
    }

    public XlsxBuilder Text(string reference, string text) => Add(reference, new Cell
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    });

    public XlsxBuilder Number(string reference, double value) =>
        Add(reference, new Cell { CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) });

    /// <summary>A date as Excel stores it: a serial number with a date format.</summary>
    public XlsxBuilder Date(string reference, DateOnly date) => Add(reference, new Cell
    {
        CellValue = new CellValue(date.DayNumber - new DateOnly(1899, 12, 30).DayNumber),
        StyleIndex = DateStyle,
    });

    public XlsxBuilder Row(uint row, params string[] texts)
    {
        for (var i = 0; i < texts.Length; i++)
        {
            if (texts[i].Length > 0)
            {
                Text($"{(char)('A' + i)}{row}", texts[i]);
            }
        }

        return this;
    }

    /// <summary>The <c>dimension</c> the current sheet declares (Excel writes its used range there; a file may lie).</summary>
    public XlsxBuilder Dimension(string range)
    {
        dimensions[sheets.Count - 1] = range;
        return this;
    }

    public XlsxBuilder Merge(string range)
    {
        sheets[^1].Merges.Add(range);
        return this;
    }

    public byte[] Build()
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill(), new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sheetList = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows, merges, hidden) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData(rows.Select(r => new Row(r.Value) { RowIndex = r.Key }));
                part.Worksheet = dimensions.TryGetValue((int)id - 1, out var range)
                    ? new Worksheet(new SheetDimension { Reference = range }, data)
                    : new Worksheet(data);
                if (merges.Count > 0)
                {
                    part.Worksheet.InsertAfter(new MergeCells(merges.Select(m => new MergeCell { Reference = m })), data);
                }

                sheetList.Append(new Sheet
                {
                    Id = workbook.GetIdOfPart(part),
                    SheetId = id++,
                    Name = name,
                    State = hidden ? SheetStateValues.Hidden : null,
                });
            }
        }

        return stream.ToArray();
    }

    private XlsxBuilder Add(string reference, Cell cell)
    {
        cell.CellReference = reference;
        var row = uint.Parse(string.Concat(reference.Where(char.IsAsciiDigit)), CultureInfo.InvariantCulture);
        var cells = sheets[^1].Rows.TryGetValue(row, out var existing) ? existing : sheets[^1].Rows[row] = [];
        cells.Add(cell);
        cells.Sort((a, b) => string.CompareOrdinal(a.CellReference!.Value!.PadLeft(8), b.CellReference!.Value!.PadLeft(8))); // same row: by column
        return this;
    }
}
