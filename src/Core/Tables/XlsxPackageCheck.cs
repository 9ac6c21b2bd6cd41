using System.IO.Compression;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Tables;

/// <summary>
/// Refuses a zip bomb before ExcelDataReader inflates anything: an XLSX is a ZIP whose central directory declares
/// every part's compressed and uncompressed size. .NET's ZipArchive stops inflating a part at its declared size,
/// so checking the declared sizes bounds what reading the workbook can cost. Then each sheet's grid is checked
/// (<see cref="XlsxSheetCheck"/>).
/// </summary>
internal static class XlsxPackageCheck
{
    /// <summary>Small parts (styles, relationships) may compress extremely well without being any danger.</summary>
    private const long RatioCheckedFrom = 1L << 20;

    public static Error? Check(Stream stream, string fileName, ReadLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > limits.MaxUncompressedBytes)
                {
                    return Errors.ExcelTooLarge(fileName, limits.MaxUncompressedBytes);
                }

                if (entry.Length > RatioCheckedFrom && entry.Length > entry.CompressedLength * limits.MaxCompressionRatio)
                {
                    return Errors.ExcelCompressionRatio(fileName, entry.FullName, limits.MaxCompressionRatio);
                }
            }

            return zip.GetEntry("[Content_Types].xml") is null ? Errors.ExcelCorrupt(fileName) : XlsxSheetCheck.Check(zip, fileName, limits);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException)
        {
            return Errors.ExcelCorrupt(fileName);
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
