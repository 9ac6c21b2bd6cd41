namespace InfraLedger.Core.Tables;

internal enum FileFormat
{
    Text,
    Xlsx,
    Xls,
}

/// <summary>Tells the format from the first bytes, because users rename files freely (.xls saved as .csv and so on).</summary>
internal static class FileFormats
{
    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> Ole2Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static FileFormat Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith(ZipSignature) ? FileFormat.Xlsx
        : head.StartsWith(Ole2Signature) ? FileFormat.Xls
        : FileFormat.Text;
}
