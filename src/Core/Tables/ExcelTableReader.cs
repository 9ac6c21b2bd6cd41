using ExcelDataReader;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Tables;

/// <summary>
/// Reads each visible, non-empty sheet of an XLSX or XLS workbook as a table. Headers are found in one pass
/// over the first rows of every sheet; each table's rows then reopen the workbook and stream that sheet, so
/// tables can be read in any order and only one sheet's rows are ever in flight.
/// </summary>
internal static class ExcelTableReader
{
    public static Result<IEnumerable<RawTable>> Read(Stream stream, FileFormat format, string fileName, ReadLimits limits)
    {
        if (format == FileFormat.Xlsx && XlsxPackageCheck.Check(stream, fileName, limits) is { } refused)
        {
            return refused;
        }

        var tables = new List<RawTable>();
        try
        {
            using var reader = ExcelRows.Open(stream, format, fileName);
            if (reader.ResultsCount == 0)
            {
                // Every workbook Excel writes has a sheet; none found means its workbook part is damaged.
                return Errors.ExcelCorrupt(fileName);
            }

            var sheetIndex = 0;
            do
            {
                if (ExcelRows.IsVisible(reader))
                {
                    var merges = ExcelRows.Merges(reader);
                    var (shape, rowsAfterHeader) = TableShape.Detect(ExcelRows.Read(reader, fileName, limits).GetEnumerator(), merges);
                    if (shape is not null)
                    {
                        var index = sheetIndex;
                        var rows = new StreamedRows(fileName, reader.Name, () => SheetData(stream, format, fileName, limits, index, shape, merges), once: false);
                        tables.Add(shape.ToTable(fileName, reader.Name, rows, rowsAfterHeader, merges));
                    }
                }

                sheetIndex++;
            }
            while (ExcelRows.NextSheet(reader));
        }
        catch (ReadRefusalException refusal)
        {
            return refusal.Error;
        }

        return tables.Count == 0 ? Errors.FileEmpty(fileName) : Result<IEnumerable<RawTable>>.Ok(tables);
    }

    private static IEnumerable<RawRow> SheetData(Stream stream, FileFormat format, string fileName, ReadLimits limits, int sheetIndex, TableShape shape, IReadOnlyList<MergedRange> merges)
    {
        using var reader = Reopen(stream, format, fileName, sheetIndex, shape.HeaderRow + 1);
        var rows = ExcelRows.Read(reader, fileName, limits).Where(r => r.Row > shape.HeaderRow);
        foreach (var row in DataRows.Select(shape, rows, merges))
        {
            yield return row;
        }
    }

    /// <summary>Opens the workbook at a sheet; a failure is located at the first row that could not be reached.</summary>
    private static IExcelDataReader Reopen(Stream stream, FileFormat format, string fileName, int sheetIndex, int firstRow)
    {
        IExcelDataReader? reader = null;
        try
        {
            reader = ExcelRows.Open(stream, format, fileName);
            for (var i = 0; i < sheetIndex; i++)
            {
                ExcelRows.NextSheet(reader);
            }

            return reader;
        }
        catch (ReadRefusalException refusal)
        {
            reader?.Dispose();
            throw new ReadRefusalException(refusal.Error, firstRow);
        }
    }
}
