using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using InfraLedger.Core.Reports;

namespace InfraLedger.Core.Tests.Reports;

/// <summary>
/// Photos as residents' phones send them, built from the canvases of Fixtures/ (see its README) with metadata added here:
/// EXIF with camera, dates, GPS and a thumbnail, XMP, IPTC, MPF, a comment, and data after the end of the image.
/// </summary>
internal static class PhotoFixtures
{
    /// <summary>焼津漁港 (Yaizu fishing port) as degrees, minutes and seconds: 34°52′12.34″N 138°19′6.12″E.</summary>
    public const double Latitude = 34 + (52 / 60.0) + (12.34 / 3600), Longitude = 138 + (19 / 60.0) + (6.12 / 3600);

    public static readonly byte[] Canvas = Read("canvas-48x32.jpg");
    public static readonly byte[] Thumbnail = Read("canvas-16x12.jpg");
    public static readonly byte[] CanvasWebP = Read("canvas-48x32.webp");

    public static readonly byte[] Trailer = Encoding.ASCII.GetBytes("MotionPhoto_Data: a video the phone appended after EOI");

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Reports", "Fixtures", name));

    public static byte[] Ascii(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A copy with one byte's bits inverted, as a bad disk or a bad line would.</summary>
    public static byte[] Flipped(byte[] data, int at)
    {
        var copy = data.ToArray();
        copy[at] ^= 0xFF;
        return copy;
    }

    public static bool Contains(byte[] data, byte[] part) => data.AsSpan().IndexOf(part) >= 0;

    /// <summary>A phone's EXIF: IFD0 with Make, Model, Orientation, DateTime; an Exif IFD (DateTimeOriginal); a GPS IFD; IFD1 with a thumbnail.</summary>
    public static byte[] CameraExif(bool bigEndian, int orientation = 6, bool southWest = false, byte[]? thumbnail = null)
    {
        var tiff = new TiffBuilder(bigEndian);
        var ifd1 = 0;
        if (thumbnail is not null)
        {
            var at = tiff.Blob(thumbnail);
            ifd1 = tiff.Short(0x0103, 6).Long(0x0201, at).Long(0x0202, thumbnail.Length).Ifd();
        }

        var exif = tiff.Ascii(0x9003, "2024:05:31 07:12:45").Ascii(0x9004, "2024:05:31 07:12:45").Ifd();
        var gps = tiff.Bytes(0x0000, 2, 3, 0, 0)
            .Ascii(0x0001, southWest ? "S" : "N").Rationals(0x0002, (34, 1), (52, 1), (1234, 100))
            .Ascii(0x0003, southWest ? "W" : "E").Rationals(0x0004, (138, 1), (19, 1), (612, 100))
            .Ascii(0x001D, "2024:05:31").Ifd();
        var ifd0 = tiff.Ascii(0x010F, "InfraCam").Ascii(0x0110, "IC-1 Pro").Short(0x0112, orientation)
            .Ascii(0x0132, "2024:05:31 07:12:45").Long(0x8769, exif).Long(0x8825, gps).Ifd(next: ifd1);
        return tiff.Build(ifd0);
    }

    /// <summary>The canvas JPEG as a phone would write it: after JFIF, EXIF, XMP, IPTC, MPF and a comment; fill bytes; a trailer.</summary>
    public static byte[] PhoneJpeg(bool bigEndian = false, int orientation = 6) =>
    [
        .. Canvas.AsSpan(0, 20), // SOI and the JFIF APP0
        .. Segment(0xE1, [.. "Exif\0\0"u8, .. CameraExif(bigEndian, orientation, thumbnail: Thumbnail)]),
        .. Segment(0xE1, Ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude=\"34,52.2N\"/></x:xmpmeta>")),
        .. Segment(0xED, Ascii("Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x0c\x1c\x02\x5a\0\x08Yaizu-shi")),
        .. Segment(0xE2, Ascii("MPF\0II*\0\x08\0\0\0")),
        .. Segment(0xFE, Ascii("resident's comment")),
        0xFF, 0xFF, // T.81 B.1.1.2 fill bytes before the next marker
        .. Canvas.AsSpan(20),
        .. Trailer,
    ];

    public static byte[] Segment(byte marker, byte[] payload) =>
        [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];

    /// <summary>The markers up to and including SOS, and where the SOS segment starts (a walk of T.81 B.1, fill bytes skipped).</summary>
    public static (List<byte> Markers, int Sos) Markers(byte[] jpeg)
    {
        var markers = new List<byte>();
        for (var at = 2; ;)
        {
            while (jpeg[at + 1] == 0xFF)
            {
                at++;
            }

            markers.Add(jpeg[at + 1]);
            if (jpeg[at + 1] == 0xDA)
            {
                return (markers, at);
            }

            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
        }
    }

    public static byte[] Png(params (string Type, byte[] Data)[] chunks) =>
        [0x89, .. "PNG\r\n\x1a\n"u8, .. chunks.SelectMany(c => PngChunk(c.Type, c.Data))];

    public static byte[] PngChunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Of(typed));
        return [(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length, .. typed, .. crc];
    }

    /// <summary>IHDR of an 8-bit RGB image (ISO/IEC 15948 §11.2.1).</summary>
    public static byte[] Ihdr(int width, int height) =>
        [0, 0, (byte)(width >> 8), (byte)width, 0, 0, (byte)(height >> 8), (byte)height, 8, 2, 0, 0, 0];

    /// <summary>IDAT of a gradient: each row a filter byte 0 then RGB triples (§9.2), compressed with zlib (§10).</summary>
    public static byte[] Idat(int width, int height)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0);
                for (var x = 0; x < width; x++)
                {
                    zlib.Write([(byte)(x * 255 / width), (byte)(y * 255 / height), 128]);
                }
            }
        }

        return compressed.ToArray();
    }

    /// <summary>Each chunk's type and data, and whether its CRC is right.</summary>
    public static List<(string Type, byte[] Data, bool CrcOk)> PngChunks(byte[] png)
    {
        var chunks = new List<(string, byte[], bool)>();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            chunks.Add((Encoding.ASCII.GetString(png, at + 4, 4), png[(at + 8)..(at + 8 + length)], crc == Crc32.Of(png.AsSpan(at + 4, length + 4))));
            at += length + 12;
        }

        return chunks;
    }

    /// <summary>The canvas WebP with chunks appended and VP8X flags set (RFC 9649 §2.7), the RIFF size updated.</summary>
    public static byte[] WebP(byte flags, params (string Type, byte[] Data)[] chunks)
    {
        byte[] webp = [.. CanvasWebP, .. chunks.SelectMany(c => (byte[])[.. Encoding.ASCII.GetBytes(c.Type), .. LittleEndian(c.Data.Length), .. c.Data, .. new byte[c.Data.Length % 2]])];
        webp[20] |= flags;
        LittleEndian(webp.Length - 8).CopyTo(webp, 4);
        return webp;
    }

    public static List<string> WebPChunks(byte[] webp)
    {
        var chunks = new List<string>();
        for (var at = 12; at < webp.Length;)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(webp.AsSpan(at + 4));
            chunks.Add(Encoding.ASCII.GetString(webp, at, 4));
            at += 8 + length + (length % 2);
        }

        return chunks;
    }

    private static byte[] LittleEndian(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];
}
