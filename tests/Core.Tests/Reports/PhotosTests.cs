using InfraLedger.Core.Reports;
using static InfraLedger.Core.Tests.Reports.PhotoFixtures;

namespace InfraLedger.Core.Tests.Reports;

[Trait("Database", "any")] // no database
public sealed class PhotosTests
{
    // The whole APP1 a photo turned by the phone gets: "Exif\0\0", a big-endian TIFF header, IFD0 with one entry
    // (Orientation, SHORT, 1, value) and no next IFD (CIPA DC-008 §4.6.2, §4.6.4 A).
    private static byte[] OrientationApp1(byte orientation) =>
    [
        0xFF, 0xE1, 0, 34, .. "Exif\0\0"u8, .. "MM\0*"u8, 0, 0, 0, 8, 0, 1,
        0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0,
    ];

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void gps_is_read_from_a_jpeg_in_both_byte_orders(bool bigEndian, bool southWest)
    {
        byte[] jpeg = [.. Canvas[..20], .. Segment(0xE1, [.. "Exif\0\0"u8, .. CameraExif(bigEndian, southWest: southWest)]), .. Canvas[20..]];

        var (latitude, longitude) = Photos.ReadGps(jpeg).ShouldNotBeNull();

        var sign = southWest ? -1 : 1;
        latitude.ShouldBe(sign * Latitude, 1e-9);
        longitude.ShouldBe(sign * Longitude, 1e-9);
    }

    [Fact]
    public void a_photo_without_exif_has_no_gps_and_no_tags()
    {
        Photos.ReadGps(Canvas).ShouldBeNull();
        Photos.ReadExifTags(Canvas).ShouldBeEmpty();
        Photos.ReadGps(Ascii("not a photo")).ShouldBeNull();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void a_phone_jpeg_loses_gps_camera_dates_thumbnail_xmp_iptc_comment_and_trailer(bool bigEndian)
    {
        var phone = PhoneJpeg(bigEndian);
        Photos.ReadGps(phone).ShouldNotBeNull();
        Photos.ReadExifTags(phone).ShouldBe(["Make", "Model", "Orientation", "DateTime", "ExifIFD", "GPSInfo"]);

        var photo = Photos.Sanitise(phone, "IMG_0001.JPG").Value;

        Photos.ReadGps(photo.Content).ShouldBeNull();
        Photos.ReadExifTags(photo.Content).ShouldBe(["Orientation"]);
        string[] gone = ["InfraCam", "IC-1 Pro", "2024:05:31", "http://ns.adobe.com/xap/1.0/", "Photoshop 3.0", "MPF\0", "resident's comment"];
        gone.Where(text => Contains(photo.Content, Ascii(text))).ShouldBeEmpty();
        Contains(photo.Content, Thumbnail[Markers(Thumbnail).Sos..]).ShouldBeFalse("the thumbnail of IFD1");
        Contains(photo.Content, Trailer).ShouldBeFalse();
    }

    [Theory]
    [InlineData(false, 6)]
    [InlineData(true, 6)]
    [InlineData(false, 8)]
    [InlineData(true, 3)]
    public void a_jpeg_turned_by_the_phone_keeps_its_orientation_and_nothing_else_of_its_exif(bool bigEndian, byte orientation)
    {
        var photo = Photos.Sanitise(PhoneJpeg(bigEndian, orientation), "IMG_0002.JPG").Value;

        var (markers, _) = Markers(photo.Content);
        markers.ShouldBe<byte>([0xE0, 0xE1, 0xE2, 0xDB, 0xDB, 0xC0, 0xC4, 0xC4, 0xC4, 0xC4, 0xDA]);
        photo.Content.AsSpan(20, 36).ToArray().ShouldBe(OrientationApp1(orientation));
    }

    [Fact]
    public void an_upright_jpeg_gets_no_exif_at_all()
    {
        var photo = Photos.Sanitise(PhoneJpeg(orientation: 1), "IMG_0003.JPG").Value;

        Markers(photo.Content).Markers.ShouldNotContain((byte)0xE1);
        Contains(photo.Content, Ascii("Exif\0\0")).ShouldBeFalse();
    }

    [Fact]
    public void the_thumbnail_of_a_jfif_header_is_dropped()
    {
        byte[] pixels = [.. Enumerable.Repeat((byte)0x5A, 2 * 2 * 3)];
        byte[] jpeg = [.. Canvas[..2], .. Segment(0xE0, [.. Canvas[6..18], 2, 2, .. pixels]), .. Canvas[20..]];

        Photos.Sanitise(jpeg, "edited.jpg").Value.Content.ShouldBe(Canvas);
    }

    [Fact]
    public void a_sanitised_jpeg_keeps_jfif_icc_frame_tables_and_scan_byte_for_byte()
    {
        var photo = Photos.Sanitise(PhoneJpeg(orientation: 1), "IMG_0004.JPG").Value;

        // Without EXIF to add, the result is the canvas as Chromium encoded it, up to its EOI (T.81 B.2.1).
        photo.Content.ShouldBe(Canvas);
        photo.ContentType.ShouldBe("image/jpeg");
        (photo.Width, photo.Height).ShouldBe((48, 32));
        Photos.Sanitise(photo.Content, "again.jpg").Value.Content.ShouldBe(photo.Content);
    }

    [Fact]
    public void the_scan_of_a_turned_photo_is_copied_byte_for_byte_up_to_eoi()
    {
        var photo = Photos.Sanitise(PhoneJpeg(), "IMG_0005.JPG").Value;

        var scan = Canvas[Markers(Canvas).Sos..];
        photo.Content[^scan.Length..].ShouldBe(scan);
        photo.Content[..2].ShouldBe<byte>([0xFF, 0xD8]);
        photo.Content[^2..].ShouldBe<byte>([0xFF, 0xD9]);
        (photo.Width, photo.Height).ShouldBe((48, 32));
    }

    [Fact]
    public void the_type_comes_from_the_bytes_not_the_name()
    {
        var png = Png(("IHDR", Ihdr(4, 3)), ("IDAT", Idat(4, 3)), ("IEND", []));

        Photos.Sanitise(png, "photo.jpg").Value.ContentType.ShouldBe("image/png");
        Photos.Sanitise(Canvas, "photo.png").Value.ContentType.ShouldBe("image/jpeg");
    }

    [Fact]
    public void a_png_loses_its_exif_text_and_time_chunks_and_keeps_valid_crcs()
    {
        var idat = Idat(4, 3);
        var png = Png(
            ("IHDR", Ihdr(4, 3)), ("sRGB", [0]), ("eXIf", CameraExif(bigEndian: true)), ("tEXt", Ascii("Author\0Yamada")),
            ("iTXt", Ascii("Comment\0\0\0ja\0\0焼津漁港")), ("tIME", [7, 232, 5, 31, 7, 12, 45]), ("prVt", Ascii("private")),
            ("IDAT", idat), ("IEND", []));
        png = [.. png, .. Trailer];
        Photos.ReadGps(png).ShouldNotBeNull().Latitude.ShouldBe(Latitude, 1e-9);

        var photo = Photos.Sanitise(png, "screenshot.png").Value;

        Photos.ReadGps(photo.Content).ShouldBeNull();
        var chunks = PngChunks(photo.Content);
        chunks.Select(c => c.Type).ShouldBe(["IHDR", "sRGB", "IDAT", "IEND"]);
        chunks.ShouldAllBe(c => c.CrcOk);
        chunks[2].Data.ShouldBe(idat);
        (photo.ContentType, photo.Width, photo.Height).ShouldBe(("image/png", 4, 3));
    }

    [Fact]
    public void crc32_gives_the_crc_every_png_ends_with()
    {
        // IEND has no data, so every PNG ends with the same CRC: AE 42 60 82 (ISO/IEC 15948 §5.5).
        Crc32.Of("IEND"u8).ShouldBe(0xAE426082u);
    }

    [Fact]
    public void a_webp_loses_its_exif_and_xmp_chunks_and_their_flags()
    {
        var webp = WebP(0x08 | 0x04, ("EXIF", CameraExif(bigEndian: false)), ("XMP ", Ascii("<x:xmpmeta/>")), ("UNKN", [1, 2, 3]));
        Photos.ReadGps(webp).ShouldNotBeNull();

        var photo = Photos.Sanitise(webp, "photo.webp").Value;

        Photos.ReadGps(photo.Content).ShouldBeNull();
        WebPChunks(photo.Content).ShouldBe(["VP8X", "ICCP", "VP8 "]);
        photo.Content[20].ShouldBe((byte)0x20, "only the ICC flag is left (RFC 9649 §2.7.1.1)");
        BitConverter.ToInt32(photo.Content, 4).ShouldBe(photo.Content.Length - 8);
        photo.Content.ShouldBe(CanvasWebP);
        (photo.ContentType, photo.Width, photo.Height).ShouldBe(("image/webp", 48, 32));
    }

    public static TheoryData<string, byte[], string> Refusals => new()
    {
        { "photo.heic", [0, 0, 0, 24, .. "ftypheic\0\0\0\0mif1heic"u8], "「photo.heic」は JPEG・PNG・WebP の画像ではありません。JPEG・PNG・WebP の写真を選んでください。" },
        { "a.gif", [.. "GIF89a\x01\0\x01\0\0\0\0;"u8], "「a.gif」は JPEG・PNG・WebP の画像ではありません。JPEG・PNG・WebP の写真を選んでください。" },
        { "scan.pdf", [.. "%PDF-1.7\n"u8], "「scan.pdf」は JPEG・PNG・WebP の画像ではありません。JPEG・PNG・WebP の写真を選んでください。" },
        { "memo.txt", Ascii("道路に穴があります"), "「memo.txt」は JPEG・PNG・WebP の画像ではありません。JPEG・PNG・WebP の写真を選んでください。" },
        { "a.jpg", [], "「a.jpg」は空のファイルです。写真を選び直してください。" },
        { "a.jpg", new byte[(int)(6.2 * 1024 * 1024)], "「a.jpg」は 5 MB を超えています（6.2 MB）。小さくしてから選んでください。" },
        { "b.jpg", new byte[Photos.MaxBytes + 1], "「b.jpg」は 5 MB を超えています（5.1 MB）。小さくしてから選んでください。" },
        { "half.jpg", Canvas[..900], "「half.jpg」を画像として読めません（JPEG の終わりを示す EOI の前でファイルが切れています）。壊れているか、途中までしか送られていません。" },
        { "head.jpg", Canvas[..100], "「head.jpg」を画像として読めません（JPEG の終わりを示す EOI の前でファイルが切れています）。壊れているか、途中までしか送られていません。" },
        { "nosof.jpg", [.. Canvas[..632], .. Canvas[651..]], "「nosof.jpg」を画像として読めません（画像の大きさを示す SOF が画像データの前にありません）。壊れているか、途中までしか送られていません。" },
        { "nosos.jpg", [.. Canvas[..783], 0xFF, 0xD9], "「nosos.jpg」を画像として読めません（画像データを示す SOS がありません）。壊れているか、途中までしか送られていません。" },
        { "arith.jpg", [.. Canvas[..633], 0xC9, .. Canvas[634..]], "「arith.jpg」はブラウザで表示できない種類の JPEG（マーカー 0xC9）で、受け付けられません。普通の JPEG・PNG・WebP で保存し直してください。" },
        { "cut.png", Png(("IHDR", Ihdr(4, 3)), ("IDAT", Idat(4, 3)), ("IEND", []))[..40], "「cut.png」を画像として読めません（PNG の終わりを示す IEND の前でファイルが切れています）。壊れているか、途中までしか送られていません。" },
        { "crc.png", Flipped(Png(("IHDR", Ihdr(4, 3)), ("IDAT", Idat(4, 3)), ("IEND", [])), at: 8 + 25 + 8 + 2), "「crc.png」を画像として読めません（IDAT チャンクの CRC が合いません）。壊れているか、途中までしか送られていません。" },
        { "apple.png", Png(("IHDR", Ihdr(4, 3)), ("CgBI", [0, 0, 0, 0]), ("IDAT", Idat(4, 3)), ("IEND", [])), "「apple.png」はブラウザで表示できない PNG（CgBI チャンク）で、受け付けられません。普通の JPEG・PNG・WebP で保存し直してください。" },
        { "cut.webp", CanvasWebP[..500], "「cut.webp」を画像として読めません（WebP のチャンクの途中でファイルが切れています）。壊れているか、途中までしか送られていません。" },
    };

    [Theory]
    [MemberData(nameof(Refusals), DisableDiscoveryEnumeration = true)]
    public void files_that_are_not_whole_jpeg_png_or_webp_photos_are_refused_with_their_name(string fileName, byte[] data, string message)
    {
        var error = Photos.Sanitise(data, fileName).Error.ShouldNotBeNull();

        error.Message.ShouldBe(message);
        error.Field.ShouldBe("Photos");
        error.Code.ShouldStartWith("reports.photo_");
    }

    [Fact]
    public void a_photo_of_exactly_the_largest_size_is_accepted_and_what_follows_its_end_dropped()
    {
        var data = new byte[Photos.MaxBytes];
        Canvas.CopyTo(data, 0);

        Photos.Sanitise(data, "big.jpg").Value.Content.ShouldBe(Canvas);
    }
}
