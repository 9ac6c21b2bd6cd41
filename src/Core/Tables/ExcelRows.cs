using ExcelDataReader;

namespace InfraLedger.Core.Tables;

/// <summary>
/// The calls into ExcelDataReader, each turning the library's exceptions into a refusal: a broken workbook is
/// an expected input, never a bug of ours.
/// </summary>
internal static class ExcelRows
{
    public static IExcelDataReader Open(Stream stream, FileFormat format, string fileName)
    {
        stream.Position = 0;

        // Reading the field registers the code-page provider, which ExcelReaderConfiguration's constructor needs.
        var cp932 = TextEncodings.Cp932;
        var configuration = new ExcelReaderConfiguration
        {
            LeaveOpen = true,
            // Excel 95 and older files may lack their code page; Japanese ones are CP932.
            FallbackEncoding = cp932,
        };
        try
        {
            return format == FileFormat.Xls
                ? ExcelReaderFactory.CreateBinaryReader(stream, configuration)
                : ExcelReaderFactory.CreateOpenXmlReader(stream, configuration);
        }
        catch (ExcelDataReader.Exceptions.InvalidPasswordException)
        {
            throw new ReadRefusalException(Errors.ExcelPasswordProtected(fileName), 0);
        }
        catch (Exception ex) when (IsLibraryFailure(ex))
        {
            throw new ReadRefusalException(Errors.ExcelCorrupt(fileName), 0);
        }
    }

    public static bool IsVisible(IExcelDataReader reader) => reader.VisibleState is null or "visible";

    public static IReadOnlyList<MergedRange> Merges(IExcelDataReader reader) =>
        reader.MergeCells?.Select(m => new MergedRange(m.FromRow + 1, m.ToRow + 1, m.FromColumn, m.ToColumn)).ToList() ?? [];

    public static bool NextSheet(IExcelDataReader reader) => Guard(reader, 0, reader.NextResult);

    /// <summary>
    /// Every row of the current sheet, numbered as Excel shows it (ExcelDataReader also yields empty rows). Each row is
    /// as wide as the sheet, so the width and the cells given so far are checked against the limits as rows come: an
    /// XLS has no part <see cref="XlsxSheetCheck"/> could scan first.
    /// </summary>
    public static IEnumerable<SheetRow> Read(IExcelDataReader reader, string fileName, ReadLimits limits)
    {
        var row = 0;
        long cells = 0;
        while (Guard(reader, row + 1, reader.Read))
        {
            row++;
            var width = reader.FieldCount;
            cells += width;
            if (width > limits.MaxColumns)
            {
                throw new ReadRefusalException(Errors.SheetTooWide(fileName, reader.Name, CellReferences.Name(row, width), limits.MaxColumns), row);
            }

            if (cells > limits.MaxCells)
            {
                throw new ReadRefusalException(Errors.SheetTooManyCells(fileName, reader.Name, CellReferences.Name(row, width), limits.MaxCells), row);
            }

            yield return new SheetRow(row, Guard(reader, row, () => Cells(reader)));
        }
    }

    private static string?[] Cells(IExcelDataReader reader)
    {
        var cells = new string?[reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = ExcelCellText.Format(reader.GetValue(i));
        }

        return cells[..(Array.FindLastIndex(cells, c => c is not null) + 1)];
    }

    private static T Guard<T>(IExcelDataReader reader, int row, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (IsLibraryFailure(ex))
        {
            throw new ReadRefusalException(Errors.ExcelUnreadable(reader.Name, row), row);
        }
    }

    /// <summary>
    /// ExcelDataReader throws whatever its parsers hit on malformed input (XmlException, InvalidDataException,
    /// IndexOutOfRangeException, its own ExcelReaderException…); all mean "this file is broken". Our own refusals
    /// pass through.
    /// </summary>
    private static bool IsLibraryFailure(Exception ex) =>
        ex is not (ReadRefusalException or OutOfMemoryException);
}
