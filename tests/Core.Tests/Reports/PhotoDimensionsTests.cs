using System.Buffers.Binary;
using InfraLedger.Core.Reports;
using static InfraLedger.Core.Tests.Reports.PhotoFixtures;

namespace InfraLedger.Core.Tests.Reports;

/// <summary>
/// Issue 17 F11: photos declaring 2,147,483,647 × 2,147,483,647 pixels were stored. The size a header declares (JPEG SOF,
/// PNG IHDR, WebP VP8X) is refused above <see cref="Photos.MaxSide"/> a side or <see cref="Photos.MaxPixels"/> in all.
/// </summary>
public sealed class PhotoDimensionsTests
{
    /// <summary>The canvas JPEG with its SOF0 (at 632: FF C0, length, P, Y, X; T.81 B.2.2) declaring another size.</summary>
    private static byte[] JpegDeclaring(int width, int height)
    {
        var jpeg = Canvas.ToArray();
        jpeg[632..634].ShouldBe(new byte[] { 0xFF, 0xC0 });
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(637), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(639), (ushort)width);
        return jpeg;
    }

    /// <summary>A PNG whose IHDR (ISO/IEC 15948 §11.2.2) declares the size, with a valid CRC and a small IDAT.</summary>
    private static byte[] PngDeclaring(int width, int height)
    {
        var ihdr = Ihdr(4, 3);
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        return Png(("IHDR", ihdr), ("IDAT", Idat(4, 3)), ("IEND", []));
    }

    /// <summary>The canvas WebP with its VP8X canvas (24-bit width − 1 and height − 1 at 24 and 27; RFC 9649 §2.7) set.</summary>
    private static byte[] WebPDeclaring(int width, int height)
    {
        var webp = CanvasWebP.ToArray();
        System.Text.Encoding.ASCII.GetString(webp, 12, 4).ShouldBe("VP8X");
        (webp[24], webp[25], webp[26]) = ((byte)(width - 1), (byte)((width - 1) >> 8), (byte)((width - 1) >> 16));
        (webp[27], webp[28], webp[29]) = ((byte)(height - 1), (byte)((height - 1) >> 8), (byte)((height - 1) >> 16));
        return webp;
    }

    public static TheoryData<string, byte[], string> TooLarge => new()
    {
        { "finding.png", PngDeclaring(int.MaxValue, int.MaxValue), "2,147,483,647 × 2,147,483,647" },
        { "wide.png", PngDeclaring(16_385, 1), "16,385 × 1" },
        { "square.png", PngDeclaring(8_192, 8_192), "8,192 × 8,192" },
        { "largest.jpg", JpegDeclaring(65_535, 65_535), "65,535 × 65,535" },
        { "64mp.jpg", JpegDeclaring(9_248, 6_936), "9,248 × 6,936" },
        { "tall.jpg", JpegDeclaring(1, 16_385), "1 × 16,385" },
        { "canvas.webp", WebPDeclaring(1 << 24, 1 << 24), "16,777,216 × 16,777,216" },
        { "wide.webp", WebPDeclaring(16_385, 100), "16,385 × 100" },
    };

    [Theory]
    [MemberData(nameof(TooLarge), DisableDiscoveryEnumeration = true)]
    public void F11_a_photo_declaring_more_pixels_than_the_stated_limits_is_refused_with_its_size(string fileName, byte[] data, string size)
    {
        var error = Photos.Sanitise(data, fileName).Error.ShouldNotBeNull();

        error.Code.ShouldBe("reports.photo_dimensions");
        error.Field.ShouldBe("Photos");
        error.Message.ShouldBe($"「{fileName}」は {size} 画素で、大きすぎます（一辺 16,384 画素・合計 6,000万画素まで）。縮小してから選んでください。");
    }

    [Theory]
    [InlineData(8_192, 6_144)]   // a 50-megapixel phone sensor, the largest 4:3 photo under the limit
    [InlineData(16_384, 3_662)]  // the longest side, just under 60,000,000 pixels
    [InlineData(4_032, 3_024)]   // a 12-megapixel phone photo
    public void F11_a_photo_within_the_limits_keeps_its_declared_size(int width, int height)
    {
        var jpeg = Photos.Sanitise(JpegDeclaring(width, height), "p.jpg").Value;
        var png = Photos.Sanitise(PngDeclaring(width, height), "p.png").Value;
        var webp = Photos.Sanitise(WebPDeclaring(width, height), "p.webp").Value;

        (jpeg.Width, jpeg.Height).ShouldBe((width, height));
        (png.Width, png.Height).ShouldBe((width, height));
        (webp.Width, webp.Height).ShouldBe((width, height));
    }
}
