using System.IO.Compression;
using System.Text;
using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Tests.Tables;

public class ReadRefusalTests
{
    [Fact]
    public void refuses_a_binary_file_renamed_to_csv()
    {
        var random = new Random(42);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[..4].AsSpan().Clear(); // a NUL-led header, as in most binary formats (and never in text)

        var error = Fixtures.Refuse(bytes, "台帳.csv");

        error.Code.ShouldBe("tables.not_text");
        error.Message.ShouldContain("CSV（テキスト）ではありません");
    }

    [Fact]
    public void refuses_control_bytes_even_without_nul()
    {
        var bytes = Enumerable.Range(0, 2000).Select(i => (byte)(i % 31 + 1)).ToArray();

        Fixtures.Refuse(bytes, "data.csv").Code.ShouldBe("tables.not_text");
    }

    [Fact]
    public void refuses_utf16_text_asking_for_utf8_or_shift_jis()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("名称\t住所\r\n")).ToArray();

        Fixtures.Refuse(bytes, "unicode.txt").Message.ShouldContain("UTF-16");
    }

    [Fact]
    public void refuses_a_file_mixing_utf8_and_shift_jis_naming_the_first_offending_line()
    {
        var bytes = Lines(Fixtures.Utf8, "名称,所在地", "市役所,本町", "図書館,本町")
            .Concat(Lines(Fixtures.Cp932, "体育館,石津")).ToArray();

        var error = Fixtures.Refuse(bytes, "mixed.csv");

        error.Code.ShouldBe("tables.mixed_encoding");
        error.Message.ShouldBe("4行目の文字コードがShift_JISで、それより前の行（UTF-8）と異なります。文字コードを統一して保存し直してください。");
    }

    [Fact]
    public void refuses_a_shift_jis_file_with_a_utf8_line_found_while_streaming()
    {
        var rows = Enumerable.Range(1, 98).Select(i => $"施設{i},本町{i}").ToArray();
        var bytes = Lines(Fixtures.Cp932, ["名称,所在地", .. rows]).Concat(Lines(Fixtures.Utf8, "体育館,石津")).ToArray();
        var table = Fixtures.ReadSingle(bytes, "mixed.csv");

        var thrown = Should.Throw<ImportReadException>(() => table.Rows.ToList());

        thrown.Problem.At.ShouldBe(new CellRef("mixed.csv", null, 100, null));
        thrown.Problem.Reason.ShouldContain("100行目の文字コードがUTF-8");
    }

    [Fact]
    public void refuses_a_line_that_is_no_text_in_either_encoding()
    {
        byte[] bytes = [.. Lines(Fixtures.Utf8, "名称,所在地", "市役所,本町"), 0x81, 0x20, 0xFF, 0x0A];

        Fixtures.Refuse(bytes, "broken.csv").Message.ShouldStartWith("3行目を文字コードUTF-8として読めません");
    }

    [Fact]
    public void refuses_a_quote_left_open_at_the_line_it_was_opened()
    {
        var bytes = Lines(Fixtures.Utf8, "名称,備考", "市役所,\"改修済み", "図書館,なし");

        Fixtures.Refuse(bytes, "quote.csv").Message.ShouldStartWith("2行目で始まる「\"」が最後まで閉じられていません");
    }

    [Fact]
    public void refuses_a_200_mb_file_of_one_line_without_reading_it_into_memory()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var file = File.Create(path))
            {
                var chunk = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
                for (var i = 0; i < 200; i++)
                {
                    file.Write(chunk);
                }
            }

            using var stream = File.OpenRead(path);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var error = TableReader.Read(stream, "one-line.csv", ReadLimits.Default).Error!;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

            error.Code.ShouldBe("tables.line_too_long");
            error.Message.ShouldStartWith("1行目が長すぎます（1,000,000文字を超えています）");
            stream.Position.ShouldBeLessThan(10L << 20);
            allocated.ShouldBeLessThan(32L << 20);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void refuses_a_long_line_found_while_streaming_at_its_line()
    {
        var text = "名称,備考\n" + string.Concat(Enumerable.Range(1, 40).Select(i => $"施設{i},\n")) + "長い行," + new string('x', 5000) + "\n";
        var table = Fixtures.Read(Encoding.UTF8.GetBytes(text), "long.csv", new ReadLimits(MaxLineChars: 1000)).Single();

        var thrown = Should.Throw<ImportReadException>(() => table.Rows.ToList());

        thrown.Problem.At.Row.ShouldBe(42);
        thrown.Problem.Reason.ShouldStartWith("42行目が長すぎます");
    }

    [Fact]
    public void refuses_a_file_over_the_size_limit() =>
        Fixtures.Refuse(Encoding.UTF8.GetBytes("名称\n体育館\n"), "a.csv", new ReadLimits(MaxFileBytes: 4)).Code.ShouldBe("tables.file_too_large");

    [Theory]
    [InlineData("truncated")]
    [InlineData("not a workbook")]
    [InlineData("broken xml")]
    public void refuses_a_corrupt_xlsx(string damage)
    {
        var bytes = damage switch
        {
            "truncated" => XlsxTableReaderTests.Workbook()[..2000],
            "not a workbook" => Zip(("readme.txt", Encoding.UTF8.GetBytes("hello"))),
            _ => ReplaceEntry(XlsxTableReaderTests.Workbook(), "xl/workbook.xml", Encoding.UTF8.GetBytes("<workbook><sheets><sheet")),
        };

        var error = Fixtures.Refuse(bytes, "台帳.xlsx");

        error.Code.ShouldBe("tables.excel_corrupt");
        error.Message.ShouldBe("ファイル「台帳.xlsx」はExcelファイルとして読めません。ファイルが壊れているか、Excel以外の形式です。");
    }

    [Fact]
    public void refuses_a_damaged_sheet_when_the_file_is_read()
    {
        // ExcelDataReader scans each sheet's XML when it opens it, so a sheet cut short is found before any row.
        var bytes = new XlsxBuilder().Sheet("台帳").Row(1, "名称", "所在地").Row(2, "体育館", "本町").Build();
        var sheetXml = Entry(bytes, "xl/worksheets/sheet1.xml");

        var error = Fixtures.Refuse(ReplaceEntry(bytes, "xl/worksheets/sheet1.xml", sheetXml[..(sheetXml.Length - 40)]), "台帳.xlsx");

        error.Code.ShouldBe("tables.excel_corrupt");
    }

    [Fact]
    public void a_workbook_that_fails_while_its_rows_stream_is_refused_at_the_sheet_not_thrown_as_a_bug()
    {
        var stream = new BreakableStream(XlsxTableReaderTests.Workbook());
        var table = TableReader.Read(stream, "台帳.xlsx", ReadLimits.Default).Value.First();
        stream.Broken = true;

        var thrown = Should.Throw<ImportReadException>(() => table.Rows.ToList());

        thrown.Problem.At.ShouldBe(new CellRef("台帳.xlsx", "施設台帳", 6, null));
        thrown.Problem.Reason.ShouldContain("Excelファイルとして読めません");
    }

    [Fact]
    public void refuses_a_zip_bomb_by_its_compression_ratio()
    {
        // 50 MB of zeros deflate to about 50 KB: a ratio near 1000 that no real sheet reaches.
        var bytes = AddEntry(XlsxTableReaderTests.Workbook(), "xl/media/image1.bin", 50L << 20);
        bytes.Length.ShouldBeLessThan(100 << 10);

        var error = Fixtures.Refuse(bytes, "bomb.xlsx");

        error.Code.ShouldBe("tables.excel_ratio");
        error.Message.ShouldContain("「xl/media/image1.bin」は圧縮率が異常に高く");
    }

    [Fact]
    public void refuses_a_workbook_whose_parts_expand_past_the_limit()
    {
        var bytes = AddEntry(XlsxTableReaderTests.Workbook(), "xl/media/image1.bin", 3L << 20);

        var error = Fixtures.Refuse(bytes, "big.xlsx", new ReadLimits(MaxUncompressedBytes: 2L << 20, MaxCompressionRatio: int.MaxValue));

        error.Code.ShouldBe("tables.excel_too_large");
        error.Message.ShouldContain("展開すると2 MBを超えます");
    }

    private sealed class BreakableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public bool Broken { get; set; }

        public override int Read(byte[] buffer, int offset, int count) =>
            Broken ? throw new IOException("disk gone") : base.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => Broken ? throw new IOException("disk gone") : base.Read(buffer);
    }

    private static byte[] Lines(string encoding, params string[] lines) => Fixtures.Encode(string.Concat(lines.Select(l => l + "\r\n")), encoding);

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static byte[] Entry(byte[] zipBytes, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes));
        using var entry = zip.GetEntry(name)!.Open();
        var copy = new MemoryStream();
        entry.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] ReplaceEntry(byte[] zipBytes, string name, byte[] content)
    {
        var stream = new MemoryStream();
        stream.Write(zipBytes);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update))
        {
            zip.GetEntry(name)!.Delete();
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }

    /// <summary>Adds a part of <paramref name="zeros"/> zero bytes, written in chunks so the test stays small.</summary>
    private static byte[] AddEntry(byte[] zipBytes, string name, long zeros)
    {
        var stream = new MemoryStream();
        stream.Write(zipBytes);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update))
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            var chunk = new byte[1 << 20];
            for (long written = 0; written < zeros; written += chunk.Length)
            {
                entry.Write(chunk);
            }
        }

        return stream.ToArray();
    }
}
