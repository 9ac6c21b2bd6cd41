using System.IO.Compression;
using System.Xml;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Tables;

/// <summary>
/// Refuses a sheet whose grid is too large before any reader iterates it (issue 17, F1): a 1.6 KB file with one cell
/// at XFD1 and one at A1048576 makes a reader produce a million rows of 16,384 cells each. Each worksheet part is
/// streamed once with an XmlReader: its declared <c>dimension</c> is checked first, then every row and cell reference as
/// it comes (a file may declare A1 and still write XFD1), including the rows it skips, which a reader yields one by one.
/// Nothing is materialised; the cost is one pass over the XML.
/// </summary>
internal static class XlsxSheetCheck
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static Error? Check(ZipArchive zip, string fileName, ReadLimits limits)
    {
        foreach (var (sheet, part) in SheetParts(zip))
        {
            if (zip.GetEntry(part) is not { } entry)
            {
                continue; // a missing part is the reader's to report as a damaged workbook
            }

            using var stream = entry.Open();
            if (CheckSheet(stream, fileName, sheet, limits) is { } refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static Error? CheckSheet(Stream xml, string fileName, string sheet, ReadLimits limits)
    {
        using var reader = XmlReader.Create(xml, Settings);
        var (row, column, lastRow, lastColumn, blankRows) = (0L, 0L, 0L, 0L, 0L);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "sheetData")
            {
                break; // merges and the rest after the data hold no cells
            }

            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != MainNamespace)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "dimension" when reader.GetAttribute("ref") is { } declared:
                    var (_, _, declaredRow, declaredColumn) = CellReferences.Range(declared);
                    if (declaredColumn > limits.MaxColumns || declaredRow * declaredColumn > limits.MaxCells)
                    {
                        return Errors.SheetDeclaredTooLarge(fileName, sheet, declared, limits.MaxColumns, limits.MaxCells);
                    }

                    break;
                case "row":
                    var next = reader.GetAttribute("r") is { } r && long.TryParse(r, out var number) ? number : row + 1;
                    blankRows += Math.Max(0, next - row - 1);
                    if (blankRows > limits.MaxBlankRows)
                    {
                        return Errors.SheetTooManyBlankRows(fileName, sheet, next, limits.MaxBlankRows);
                    }

                    (row, column) = (next, 0);
                    break;
                case "c":
                    column = reader.GetAttribute("r") is { } reference && CellReferences.Parse(reference) is ({ } c, _) ? c : column + 1;
                    if (column > limits.MaxColumns)
                    {
                        return Errors.SheetTooWide(fileName, sheet, CellReferences.Name(row, column), limits.MaxColumns);
                    }

                    (lastRow, lastColumn) = (Math.Max(lastRow, row), Math.Max(lastColumn, column));
                    if (lastRow * lastColumn > limits.MaxCells)
                    {
                        return Errors.SheetTooManyCells(fileName, sheet, CellReferences.Name(lastRow, lastColumn), limits.MaxCells);
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>Sheet names and their parts, from xl/workbook.xml and its relationships (in workbook order).</summary>
    private static List<(string Sheet, string Part)> SheetParts(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var reader = XmlReader.Create(rels.Open(), Settings);
            while (reader.ReadToFollowing("Relationship", "http://schemas.openxmlformats.org/package/2006/relationships"))
            {
                if (reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target[1..] : "xl/" + target;
                }
            }
        }

        var sheets = new List<(string, string)>();
        if (zip.GetEntry("xl/workbook.xml") is { } workbook)
        {
            using var reader = XmlReader.Create(workbook.Open(), Settings);
            while (reader.ReadToFollowing("sheet", MainNamespace))
            {
                var id = reader.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                if (id is not null && targets.TryGetValue(id, out var part))
                {
                    sheets.Add((reader.GetAttribute("name") ?? part, part));
                }
            }
        }

        return sheets;
    }

    /// <summary>No DTD (no entity expansion, no external entities): workbook parts never need one.</summary>
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
}
