using InfraLedger.Core.Common;

namespace InfraLedger.Core.Tables;

/// <summary>
/// Reads a register file as uploaded (CSV in UTF-8 or Shift_JIS, XLSX, XLS) into tables of raw cell texts.
/// The format is told from the content, not the name. Pure: no database, no clock.
/// </summary>
public static class TableReader
{
    private const int HeadBytes = 64 * 1024;

    /// <summary>
    /// Finds the tables in <paramref name="stream"/> (one for a CSV, one per visible non-empty sheet) and their
    /// headers. Their <see cref="RawTable.Rows"/> read from <paramref name="stream"/> later, so keep it open until
    /// the rows are read; a CSV's rows can be enumerated once. A refusal found before the rows (not a table, too
    /// large, a zip bomb, an undecodable header) is the returned error; one found while rows stream is thrown as
    /// <see cref="ImportReadException"/>. There is no CancellationToken: the work that takes time is enumerating
    /// the rows, and the caller's loop over them is where cancellation is checked.
    /// </summary>
    public static Result<IEnumerable<RawTable>> Read(Stream stream, string fileName, ReadLimits limits)
    {
        if (stream.CanSeek && stream.Length - stream.Position > limits.MaxFileBytes)
        {
            return Errors.FileTooLarge(limits.MaxFileBytes);
        }

        var head = new byte[HeadBytes];
        var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (headLength == 0)
        {
            return Errors.FileEmpty(fileName);
        }

        var format = FileFormats.Detect(head.AsSpan(0, headLength));
        if (format == FileFormat.Text)
        {
            return CsvTableReader.Read(stream, head, headLength, fileName, limits);
        }

        var workbook = stream.CanSeek && stream.Position == headLength
            ? stream
            : SpillToTemporaryFile(stream, head, headLength, limits.MaxFileBytes);
        return workbook is null
            ? Errors.FileTooLarge(limits.MaxFileBytes)
            : ExcelTableReader.Read(workbook, format, fileName, limits);
    }

    /// <summary>
    /// A workbook must be seekable (a ZIP's directory is at its end). An upload that is not is copied to a
    /// temporary file deleted on close; the tables hold it, and the runtime closes it when they are collected.
    /// </summary>
    private static FileStream? SpillToTemporaryFile(Stream stream, byte[] head, int headLength, long maxBytes)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        file.Write(head, 0, headLength);
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            file.Write(buffer, 0, read);
            if (file.Length > maxBytes)
            {
                file.Dispose();
                return null;
            }
        }

        file.Position = 0;
        return file;
    }
}
