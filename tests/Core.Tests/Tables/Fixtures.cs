using System.Text;
using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Tests.Tables;

/// <summary>Files built in the tests themselves (no third-party files), and helpers to read them.</summary>
internal static class Fixtures
{
    public const string Utf8 = "utf-8";
    public const string Utf8Bom = "utf-8 BOM";
    public const string Cp932 = "cp932";

    public static readonly Encoding ShiftJis = CreateCp932();

    public static byte[] Encode(string text, string encoding) => encoding switch
    {
        Utf8 => new UTF8Encoding(false).GetBytes(text),
        Utf8Bom => [.. Encoding.UTF8.Preamble, .. new UTF8Encoding(false).GetBytes(text)],
        Cp932 => ShiftJis.GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    /// <summary>Reads a file that must be accepted, and returns its tables.</summary>
    public static IReadOnlyList<RawTable> Read(byte[] bytes, string fileName, ReadLimits? limits = null)
    {
        var result = TableReader.Read(new MemoryStream(bytes), fileName, limits ?? ReadLimits.Default);
        result.Error.ShouldBeNull();
        return [.. result.Value];
    }

    public static RawTable ReadSingle(byte[] bytes, string fileName) => Read(bytes, fileName).ShouldHaveSingleItem();

    /// <summary>Reads a file that must be refused before its rows, and returns the error.</summary>
    public static Common.Error Refuse(byte[] bytes, string fileName, ReadLimits? limits = null) =>
        TableReader.Read(new MemoryStream(bytes), fileName, limits ?? ReadLimits.Default).Error.ShouldNotBeNull();

    public static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InfraLedger.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("InfraLedger.slnx not found above the test binaries");
    }

    private static Encoding CreateCp932()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
